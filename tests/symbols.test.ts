import { describe, expect, it } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { examplesWorkspace } from './support/workspace.js';

describe('the outline', () => {
    it('shows blueprint → phases, lanes → steps, touchpoints (sections flattened), with kinds and titles', async () => {
        const workspace = examplesWorkspace();
        await workspace.build('grocery-canvas.svcbp');
        const document = workspace.document('grocery-canvas.svcbp');
        const [blueprint] = await workspace.services.Svcbp.lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: { uri: document.uri.toString() } }) as DocumentSymbol[];
        expect(blueprint).toMatchObject({ name: 'grocery', detail: 'Online grocery order', kind: SymbolKind.Class });
        const children = blueprint.children!;
        expect(children.filter(c => c.kind === SymbolKind.Event).map(c => c.name)).toEqual(['browse', 'checkout', 'fulfil', 'deliver', 'refund']);
        expect(children.filter(c => c.kind === SymbolKind.Namespace).map(c => c.name)).toEqual(['activities', 'roles', 'notes', 'systems']);
        expect(children.filter(c => c.kind === SymbolKind.Interface).map(c => c.name)).toEqual(['shopApp', 'payPage', 'push', 'doorstep', 'chatDesk']);
        const roles = children.find(c => c.name === 'roles')!;
        expect(roles.children!.map(s => [s.name, s.detail, s.kind])).toEqual([
            ['pick', 'Pick and pack the order', SymbolKind.Method], ['drive', 'Drive the route', SymbolKind.Method], ['handle', 'Check the claim', SymbolKind.Method]
        ]);
    });
});
