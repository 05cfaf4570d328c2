import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { buildModels } from '../../model/build-model.js';
import type { SvcbpFile } from '../generated/ast.js';
import {
    MODEL_CHANGED_NOTIFICATION, WATCH_MODELS_NOTIFICATION, type ModelChangedParams, type WatchModelsParams
} from '../../protocol.js';

const normalise = (uri: string) => URI.parse(uri).toString();

/**
 * Pushes `svcbp/modelChanged` after every validated build of a document a preview watches
 * (`svcbp/watchModels`), so a preview redraws as the user types without asking. Langium already
 * coalesces builds (a new change cancels the build in progress); the extension debounces the rest.
 */
export function registerModelPush(shared: LangiumSharedServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const watched = new Set<string>();
    const documents = shared.workspace.LangiumDocuments;

    const push = (document: LangiumDocument) => {
        const params: ModelChangedParams = {
            uri: document.uri.toString(),
            version: document.textDocument.version,
            result: JSON.stringify(buildModels(document as LangiumDocument<SvcbpFile>)),
            errors: (document.diagnostics ?? []).filter(d => d.severity === 1).length
        };
        void connection.sendNotification(MODEL_CHANGED_NOTIFICATION, params);
    };

    connection.onNotification(WATCH_MODELS_NOTIFICATION, (params: WatchModelsParams) => {
        const added = params.uris.map(normalise).filter(uri => !watched.has(uri));
        watched.clear();
        for (const uri of params.uris) watched.add(normalise(uri));
        // A newly watched document that is already built gets its model at once.
        for (const uri of added) {
            const document = documents.getDocument(URI.parse(uri));
            if (document && document.state >= DocumentState.Validated) push(document);
        }
    });

    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
        for (const document of built) if (watched.has(document.uri.toString())) push(document);
    });
}
