import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { buildModels } from '../model/build-model.js';
import type { SvcbpFile } from './generated/ast.js';
import { MODEL_REQUEST, type ModelRequestParams, type ModelRequestResult } from '../protocol.js';

/** Answers `svcbp/model` once the document's current text is validated. */
export function registerModelRequest(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    connection.onRequest(MODEL_REQUEST, async (params: ModelRequestParams, cancelToken): Promise<ModelRequestResult> => {
        const uri = URI.parse(params.uri);
        const documents = shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) return null;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, cancelToken);
        const document = documents.getDocument(uri) as LangiumDocument<SvcbpFile> | undefined;
        return document ? buildModels(document) : null;
    });
}
