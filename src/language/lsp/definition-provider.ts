import { GrammarUtils, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import { DefaultDefinitionProvider } from 'langium/lsp';
import type { CancellationToken, DefinitionParams, LocationLink } from 'vscode-languageserver';
import { importTarget, importsOf } from '../link/imports.js';
import type { SvcbpServices } from './lsp-module.js';

/** Go to definition: Langium's for names (across files too), plus an import's path → the imported file. */
export class SvcbpDefinitionProvider extends DefaultDefinitionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: SvcbpServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override getDefinition(document: LangiumDocument, params: DefinitionParams, cancelToken?: CancellationToken): MaybePromise<LocationLink[] | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        for (const imp of importsOf(document)) {
            const pathNode = imp.$cstNode && GrammarUtils.findNodeForProperty(imp.$cstNode, 'path');
            if (!pathNode || !imp.path || offset < pathNode.offset || offset > pathNode.end) continue;
            const target = importTarget(document.uri, imp.path);
            // Only a file that exists (and so is loaded): otherwise there is nowhere to go.
            if (!this.documents.hasDocument(target)) return [];
            const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            return [{ originSelectionRange: pathNode.range, targetUri: target.toString(), targetRange: start, targetSelectionRange: start }];
        }
        return super.getDefinition(document, params, cancelToken);
    }
}
