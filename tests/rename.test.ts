import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { TestWorkspace, uriOf } from './support/workspace.js';

const LIB = 'actor ann "Ann"\n';
const MAIN = `import "lib"
blueprint b {
  phase order "Order"
  phase pay
  lane c "C" customer by ann { step ask in order step settle in order..pay }
  touchpoint till in order
  ask -> till -> settle
}
`;

async function rename(file: string, needle: string, newName: string) {
    const workspace = new TestWorkspace().write('lib.svcbp', LIB).write('main.svcbp', MAIN);
    await workspace.build('main.svcbp', 'lib.svcbp');
    const document = workspace.document(file);
    const text = document.textDocument.getText();
    const position = document.textDocument.positionAt(text.indexOf(needle) + 1);
    const result = await workspace.services.Svcbp.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.uri.toString() }, position, newName }) as WorkspaceEdit;
    const apply = (path: string, original: string) => TextDocument.applyEdits(TextDocument.create('x', 'svcbp', 1, original), result.changes?.[uriOf(path).toString()] ?? []);
    return { main: apply('main.svcbp', MAIN), lib: apply('lib.svcbp', LIB) };
}

describe('rename', () => {
    it('renames a phase at its declaration and every use', async () => {
        const { main } = await rename('main.svcbp', 'order "Order"', 'ordering');
        expect(main).toContain('phase ordering "Order"');
        expect(main).toContain('step ask in ordering step settle in ordering..pay');
        expect(main).toContain('touchpoint till in ordering');
        expect(main).not.toMatch(/\border\b/);
    });

    it('renames from a reference, and across files: an imported actor in both files', async () => {
        const { main, lib } = await rename('main.svcbp', 'ann {', 'anna');
        expect(lib).toBe('actor anna "Ann"\n');
        expect(main).toContain('customer by anna {');
    });

    it('renames steps used in arrow chains', async () => {
        const { main } = await rename('main.svcbp', 'till ->', 'counter');
        expect(main).toContain('touchpoint counter in order');
        expect(main).toContain('ask -> counter -> settle');
    });

    it('refuses a name that is not a name, or is taken in the same scope, saying why', async () => {
        await expect(rename('main.svcbp', 'order "Order"', 'two words')).rejects.toThrow("'two words' is not a valid name");
        await expect(rename('main.svcbp', 'order "Order"', 'ends-')).rejects.toThrow('not a valid name');
        await expect(rename('main.svcbp', 'order "Order"', 'ask')).rejects.toThrow("'ask' is already taken here (a step)");
    });
});
