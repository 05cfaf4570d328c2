import { URI, UriUtils, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { SvcbpNodeFileSystem } from './node-file-system.js';
import { buildModels } from '../../model/build-model.js';
import type { SvcbpFile } from '../generated/ast.js';
import { createSvcbpCoreServices, type SvcbpCoreServices } from '../svcbp-module.js';
import { MODEL_OF_TEXT_REQUEST, type ModelOfTextParams, type ModelOfTextResult } from '../../protocol.js';

/**
 * Answers `svcbp/modelOfText` with a workspace of its own: a Markdown block must not appear in
 * the editor's workspace (its symbols, references, diagnostics). Imported files are read from
 * disk afresh for each request, so the drawing follows saved changes to them.
 */
export function registerModelOfText(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    let services: SvcbpCoreServices | undefined;
    // One build at a time: the blocks of a Markdown file arrive together.
    let queue: Promise<unknown> = Promise.resolve();
    connection.onRequest(MODEL_OF_TEXT_REQUEST, (params: ModelOfTextParams): Promise<ModelOfTextResult> => {
        const answer = queue.then(() => modelOfText(services ??= createSvcbpCoreServices(SvcbpNodeFileSystem).Svcbp, params));
        queue = answer.catch(() => undefined);
        return answer;
    });
}

export async function modelOfText(services: SvcbpCoreServices, params: ModelOfTextParams): Promise<ModelOfTextResult> {
    const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
    const stale = LangiumDocuments.all.map(document => document.uri).toArray();
    if (stale.length > 0) await DocumentBuilder.update([], stale);
    // A file name no workspace file has, beside the Markdown file.
    const uri = UriUtils.joinPath(UriUtils.dirname(URI.parse(params.uri)), '.svcbp-markdown-block.svcbp');
    const document = LangiumDocumentFactory.fromString(params.text, uri) as LangiumDocument<SvcbpFile>;
    LangiumDocuments.addDocument(document);
    await DocumentBuilder.build([document], { validation: true });
    const errors = (document.diagnostics ?? [])
        .filter(diagnostic => diagnostic.severity === 1)
        .map(({ range, message }) => ({ line: range.start.line, character: range.start.character, message: typeof message === 'string' ? message : message.value }));
    return { result: buildModels(document), errors };
}
