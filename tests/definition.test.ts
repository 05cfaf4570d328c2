import { describe, expect, it } from 'vitest';
import type { LocationLink } from 'vscode-languageserver';
import { examplesWorkspace, uriOf } from './support/workspace.js';

/** Go to definition at the first `needle` in a file, `at` characters into it. */
async function definition(file: string, needle: string, at = 1): Promise<{ links: LocationLink[]; text: (link: LocationLink) => string }> {
    const workspace = examplesWorkspace();
    const documents = await workspace.build(file);
    const document = documents[0];
    const offset = document.textDocument.getText().indexOf(needle);
    expect(offset, needle).toBeGreaterThanOrEqual(0);
    const links = await workspace.services.Svcbp.lsp.DefinitionProvider!.getDefinition(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset + at)
    }) ?? [];
    const all = workspace.services.shared.workspace.LangiumDocuments;
    const text = (link: LocationLink) => {
        const target = all.all.find(d => d.uri.toString() === link.targetUri)!;
        const { start, end } = link.targetSelectionRange;
        return target.textDocument.getText().slice(target.textDocument.offsetAt(start), target.textDocument.offsetAt(end));
    };
    return { links, text };
}

describe('go to definition', () => {
    it('goes from a step in an arrow to its declaration in the same file', async () => {
        const { links, text } = await definition('restaurant.svcbp', 'cook -> pass');
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(uriOf('restaurant.svcbp').toString());
        expect(text(links[0])).toBe('cook');
    });

    it('goes across files to an imported system', async () => {
        const { links, text } = await definition('grocery-canvas.svcbp', 'uses wms', 6);
        expect(links).toHaveLength(1);
        expect(links[0].targetUri).toBe(uriOf('common/platform.svcbp').toString());
        expect(text(links[0])).toBe('wms');
    });

    it('goes from an import path to the imported file', async () => {
        const { links } = await definition('grocery-canvas.svcbp', '"common/platform"', 4);
        expect(links).toEqual([expect.objectContaining({ targetUri: uriOf('common/platform.svcbp').toString(), targetRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })]);
        expect(links[0].originSelectionRange).toEqual({ start: { line: 2, character: 7 }, end: { line: 2, character: 24 } });
    });

    it('goes nowhere from an import of a missing file', async () => {
        const workspace = examplesWorkspace().write('broken.svcbp', 'import "nowhere"\nblueprint b { phase p }\n');
        const [document] = await workspace.build('broken.svcbp');
        const links = await workspace.services.Svcbp.lsp.DefinitionProvider!.getDefinition(document, {
            textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 10 }
        });
        expect(links).toEqual([]);
    });
});
