import { DocumentState, isOperationCancelled, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { buildModels } from '../../model/build-model.js';
import type { SvcbpFile } from '../generated/ast.js';
import { MODEL_REQUEST, type ModelRequestParams, type ModelRequestResult } from '../../protocol.js';

/**
 * Answers `svcbp/model` once the document's current text is validated. Like Langium's own
 * requests it first waits for the workspace (at start-up it is still loading) and for a document
 * the editor has just opened to be loaded; only a file that is neither loaded nor open is null.
 */
export function registerModelRequest(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    connection.onRequest(MODEL_REQUEST, async (params: ModelRequestParams, cancelToken): Promise<ModelRequestResult> => {
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        await shared.workspace.WorkspaceManager.ready;
        if (!documents.hasDocument(uri) && !shared.workspace.TextDocuments.get(uri.toString())) return null;
        try {
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, cancelToken);
        } catch (error) {
            throw isOperationCancelled(error) ? new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.') : error;
        }
        const document = documents.getDocument(uri) as LangiumDocument<SvcbpFile> | undefined;
        return document ? buildModels(document) : null;
    });
}
