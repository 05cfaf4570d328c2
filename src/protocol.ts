/**
 * The one protocol module: every message between the language server, the VS Code extension and
 * the preview webview is typed here, so the three sides cannot drift apart.
 */
import type { ModelResult } from './model/types.js';

/** Server request `svcbp/model`: the blueprint models of a document, after its current build. */
export const MODEL_REQUEST = 'svcbp/model';

export interface ModelRequestParams {
    /** The document's URI, as the client knows it. */
    uri: string;
}

/** The models, or null when the server does not know the document. */
export type ModelRequestResult = ModelResult | null;
