import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { TestWorkspace } from './support/workspace.js';

const BASE = `actor ann "Ann"
system pos "POS"
blueprint b {
  phase p1 "One"
  phase p2 "Two"
  phase p3 "Three"
  lane c "Guests" customer { step s1 in p1 step s2 in p2 }
  touchpoint t "Till" in p1
  lane f "Front" frontstage { step f1 "Serve" in p3 step f0 in p1 }
  <CURSOR>
}`;

/** Completion items at the end of `insert`, written where <CURSOR> stands (plus other files). */
async function complete(insert: string, others: Record<string, string> = {}, text = BASE): Promise<CompletionItem[]> {
    const source = text.replace('<CURSOR>', insert);
    const workspace = new TestWorkspace();
    for (const [path, content] of Object.entries(others)) workspace.write(path, content);
    workspace.write('app/main.svcbp', source);
    const [document] = await workspace.build('app/main.svcbp');
    const offset = text.indexOf('<CURSOR>') + insert.length;
    const list = await workspace.services.Svcbp.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset)
    });
    return list?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map(i => i.label);
const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));

describe('completion', () => {
    it('offers the phases in order after `in`, and only the later ones after `..`', async () => {
        expect(labels(sorted(await complete('lane x "X" customer { step a in ')))).toEqual(['p1', 'p2', 'p3']);
        expect(labels(await complete('lane x "X" customer { step a in p2..'))).toEqual(['p3']);
    });

    it('offers steps and touchpoints after an arrow, nearest phase first, with lane and phase', async () => {
        const items = sorted(await complete('s1 -> '));
        expect(labels(items)).toEqual(['f0', 's1', 't', 's2', 'f1']);
        expect(items.find(i => i.label === 'f1')?.detail).toBe('Front · Three');
        expect(items.find(i => i.label === 't')?.detail).toBe('touchpoint · One');
    });

    it('offers actors after `by` and systems after `uses` and its commas', async () => {
        expect(labels(await complete('lane x "X" frontstage by '))).toEqual(['ann']);
        expect(labels(await complete('lane x "X" customer { step a in p1 { uses '))).toEqual(['pos']);
        expect(labels(await complete('lane x "X" customer { step a in p1 { uses pos, ', {}, BASE.replace('system pos "POS"', 'system pos "POS"\nsystem crm')))).toEqual(['pos', 'crm']);
    });

    it('offers the known channels with their contact type', async () => {
        const items = await complete('touchpoint q in p1 { channel ');
        expect(labels(items)).toEqual(['in-person', 'phone', 'video', 'email', 'sms', 'chat', 'web', 'app', 'social', 'kiosk', 'terminal', 'mail', 'print']);
        expect(items.find(i => i.label === 'kiosk')?.detail).toBe('self-service');
    });

    it('offers lane kinds after a lane\'s title and line kinds after `line`', async () => {
        expect(labels(await complete('lane x "X" '))).toEqual(expect.arrayContaining(['evidence', 'customer', 'frontstage', 'backstage', 'support', 'actor', 'notes']));
        expect(labels(await complete('line '))).toEqual(['interaction', 'visibility', 'internal', 'operation', 'implementation', 'custom']);
    });

    it('offers the words status and visibility take', async () => {
        expect(labels(await complete('status '))).toEqual(['as-is', 'to-be']);
        expect(labels(await complete('lane x "X" actor { step a in p1 { visibility '))).toEqual(['visible', 'hidden']);
    });

    it('offers only the properties the block allows', async () => {
        expect(labels(await complete('lane x "X" customer { step a in p1 { ')).sort()).toEqual(['by', 'decision', 'description', 'duration', 'emotion', 'fail', 'link', 'metric', 'opportunity', 'pain', 'policy', 'uses', 'visibility', 'wait']);
        expect(labels(await complete('phase p4 { ')).sort()).toEqual(['description', 'duration', 'emotion', 'metric', 'opportunity', 'pain', 'policy']);
        expect(labels(await complete('touchpoint q in p1 { ')).sort()).toEqual(['channel', 'description', 'fail', 'metric', 'opportunity', 'pain', 'policy', 'uses']);
    });

    it('offers snippets for phase, lane, step and touchpoint', async () => {
        const items = await complete('');
        const step = (await complete('lane x "X" customer { ')).find(i => i.label === 'step…');
        expect(labels(items)).toEqual(expect.arrayContaining(['phase…', 'lane…', 'touchpoint…']));
        expect(step).toMatchObject({ insertTextFormat: 2, insertText: 'step ${1:name} "${2:Title}" in ${3:phase}' });
    });

    it('offers the whole-blueprint templates where a blueprint may start, and nowhere else', async () => {
        const templates = ['blueprint (classic lanes)…', 'blueprint (actor lanes)…', 'blueprint (digital canvas with sections)…'];
        const atTop = await complete('', {}, `${BASE.replace('<CURSOR>', '')}\n<CURSOR>`);
        expect(labels(atTop)).toEqual(expect.arrayContaining(templates));
        expect(atTop.find(i => i.label === templates[0])?.insertText).toMatch(/^\/\/ \$\{1:Service\}.*\nblueprint \$\{2:service\} "\$\{1:Service\}" \{/);
        expect(labels(await complete(''))).not.toContain(templates[0]);
        expect(labels(await complete('lane x "X" customer { step a in '))).not.toContain(templates[0]);
    });

    it('offers the .svcbp files and folders inside an import, relative to the file', async () => {
        const others = { 'app/shared/people.svcbp': 'actor x', 'app/shared/notes.txt': 'x', 'app/other.svcbp': '' };
        const text = `import "<CURSOR>"\n${BASE.replace('<CURSOR>', '')}`;
        expect(labels(await complete('', others, text))).toEqual(['other', 'shared/']);
        expect(labels(await complete('shared/', others, text))).toEqual(['people']);
    });

    it('answers inside an unterminated string and on broken text without failing', async () => {
        expect(await complete('lane x "unterminated')).toBeInstanceOf(Array);
        expect(labels(await complete('s1 -> -> '))).toEqual(expect.arrayContaining(['s2']));
    });
});

describe('completion in a large file', () => {
    it('offers at every position what a parse of the whole prefix offers', async () => {
        const { readFileSync } = await import('node:fs');
        const { join } = await import('node:path');
        const { EXAMPLES } = await import('./support/workspace.js');
        const { SHORT_PREFIX_FROM } = await import('../src/language/lsp/completion-provider.js');
        const restaurant = readFileSync(join(EXAMPLES, 'restaurant.svcbp'), 'utf8');
        // A leading comment pushes every position past the threshold without changing the grammar state.
        const pad = `/* ${'padding '.repeat(Math.ceil(SHORT_PREFIX_FROM / 8))} */\n`;
        const small = new TestWorkspace().write('a.svcbp', restaurant);
        const large = new TestWorkspace().write('a.svcbp', pad + restaurant);
        const [smallDoc] = await small.build('a.svcbp');
        const [largeDoc] = await large.build('a.svcbp');
        const complete = async (workspace: TestWorkspace, document: typeof smallDoc, offset: number) => {
            const list = await workspace.services.Svcbp.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            // The replacement range too: it comes from the token found at the cursor.
            const at = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
            return (list?.items ?? []).map(i => {
                const edit = i.textEdit && 'range' in i.textEdit ? `${at(i.textEdit.range.start)}-${at(i.textEdit.range.end)}` : '';
                return `${i.label}|${i.detail ?? ''}|${i.sortText ?? ''}|${edit}`;
            }).sort();
        };
        let compared = 0;
        for (let offset = restaurant.indexOf('blueprint restaurant'); offset < restaurant.length; offset += 7) {
            const padLines = pad.split('\n').length - 1;
            const fromLarge = (await complete(large, largeDoc, offset + pad.length)).map(item => item.replace(/\|(\d+):(\d+)-(\d+):(\d+)$/, (_, a, b, c, d) => `|${a - padLines}:${b}-${c - padLines}:${d}`));
            expect(fromLarge, `at ${offset}`).toEqual(await complete(small, smallDoc, offset));
            compared++;
        }
        expect(compared).toBeGreaterThan(400);
    });
});
