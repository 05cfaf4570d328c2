import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { TestWorkspace } from './support/workspace.js';

const BASE = `actor ann "Ann"

blueprint b {
  phase p1
  phase p2 { emotion -1 }
  lane c "C" customer {
    step cook in p1
    step eat in p2
  }
  lane f "F" frontstage by ann { step serve in p2 }
  cook -> eat
}
`;

/** The actions offered for the diagnostics of one code, and the text after applying the one with `title`. */
async function act(text: string, code: string, titleStart: string) {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    const [document] = await workspace.build('main.svcbp');
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    expect(diagnostics.length, `a ${code} diagnostic`).toBeGreaterThan(0);
    const actions = await workspace.services.Svcbp.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] }
    }) as CodeAction[];
    const action = actions.find(a => a.title.startsWith(titleStart));
    expect(action, `an action '${titleStart}' among ${actions.map(a => a.title).join(', ')}`).toBeDefined();
    const edits = action!.edit!.changes![document.uri.toString()];
    const result = TextDocument.applyEdits(TextDocument.create('x', 'svcbp', 1, text), edits);
    // The fixed text must not have the diagnostic any more.
    const after = new TestWorkspace().write('main.svcbp', result);
    const [fixed] = await after.build('main.svcbp');
    return { result, titles: actions.map(a => a.title), remaining: (fixed.diagnostics ?? []).filter(d => d.code === code).length };
}

describe('quick fixes', () => {
    it('"Did you mean": takes the suggested name', async () => {
        const { result, remaining } = await act(BASE.replace('cook -> eat', 'cok -> eat'), 'unresolved-reference', "Change to 'cook'");
        expect(result).toContain('  cook -> eat\n');
        expect(remaining).toBe(0);
    });

    it('fixes all suggested names in the file at once', async () => {
        const text = BASE.replace('cook -> eat', 'cok -> eta');
        const { result, remaining } = await act(text, 'unresolved-reference', 'Fix all 2 names');
        expect(result).toContain('  cook -> eat\n');
        expect(remaining).toBe(0);
    });

    it('creates a missing phase after the last phase', async () => {
        const { result, remaining } = await act(BASE.replace('step eat in p2', 'step eat in dessert'), 'unresolved-reference', "Create phase 'dessert'");
        expect(result).toContain('  phase p2 { emotion -1 }\n  phase dessert "Dessert"\n');
        expect(remaining).toBe(0);
    });

    it('creates a missing step in the lane and phase of the step the arrow comes from', async () => {
        const { result, remaining } = await act(BASE.replace('cook -> eat', 'cook -> plateUp'), 'unresolved-reference', "Create step 'plateUp' in lane 'c'");
        expect(result).toContain('    step eat in p2\n    step plateUp "Plate up" in p1\n');
        expect(remaining).toBe(0);
    });

    it('creates a missing actor or system beside the file\'s declarations', async () => {
        const { result, remaining } = await act(BASE.replace('by ann', 'by bob'), 'unresolved-reference', "Create actor 'bob'");
        expect(result.startsWith('actor ann "Ann"\nactor bob "Bob"\n')).toBe(true);
        expect(remaining).toBe(0);
        const system = await act(BASE.replace('step serve in p2', 'step serve in p2 { uses till }'), 'unresolved-reference', "Create system 'till'");
        expect(system.result.startsWith('actor ann "Ann"\nsystem till "Till"\n')).toBe(true);
    });

    it('removes a duplicate arrow, whole line or one segment of a chain', async () => {
        const line = await act(BASE.replace('cook -> eat\n', 'cook -> eat\n  cook -> eat\n'), 'duplicate-arrow', 'Remove the duplicate arrow');
        expect(line.result).toContain('  cook -> eat\n}');
        expect(line.remaining).toBe(0);
        const chain = await act(BASE.replace('cook -> eat\n', 'cook -> eat\n  serve -> cook -> eat\n'), 'duplicate-arrow', 'Remove the duplicate arrow');
        expect(chain.result).toContain('  serve -> cook\n');
    });

    it('adds a pain point where the emotion is low', async () => {
        const { result, remaining } = await act(BASE, 'low-emotion-without-note', 'Add a pain point');
        expect(result).toContain('phase p2 { emotion -1 pain "What hurts here?" }');
        expect(remaining).toBe(0);
    });

    it('disables a non-error check for the line, and never an error', async () => {
        const { result, remaining } = await act(BASE, 'low-emotion-without-note', 'Disable low-emotion-without-note');
        expect(result).toContain('  // svcbp-disable-next-line low-emotion-without-note\n  phase p2');
        expect(remaining).toBe(0);
        const { titles } = await act(BASE.replace('cook -> eat', 'cok -> eat'), 'unresolved-reference', 'Change to');
        expect(titles.some(t => t.startsWith('Disable'))).toBe(false);
    });
});
