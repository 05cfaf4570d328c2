/**
 * The one protocol module: every message between the language server, the VS Code extension and
 * the preview webview is typed here, so the three sides cannot drift apart.
 */
import type { ModelResult, SourceRange } from './model/types.js';
import type { DrawingPart } from './render/drawing-parts.js';

/** Server request `svcbp/model`: the blueprint models of a document, after its current build. */
export const MODEL_REQUEST = 'svcbp/model';

export interface ModelRequestParams {
    /** The document's URI, as the client knows it. */
    uri: string;
}

/** The models, or null when the server does not know the document. */
export type ModelRequestResult = ModelResult | null;

/**
 * Server request `svcbp/modelOfText`: the models of blueprint text that is not a file of the
 * workspace (a ```svcbp block in Markdown). Imports resolve relative to `uri`, from disk.
 */
export const MODEL_OF_TEXT_REQUEST = 'svcbp/modelOfText';

export interface ModelOfTextParams {
    /** Where the text lives (the Markdown file): imports are relative to it. */
    uri: string;
    text: string;
}

export interface ModelOfTextResult {
    result: ModelResult;
    /** The text's errors, 0-based lines as in LSP, for a message under the drawing. */
    errors: Array<{ line: number; character: number; message: string }>;
}

/** A ModelResult as JSON text (`JSON.parse` gives the ModelResult). */
export type ModelJson = string & { readonly __modelJson?: never };

/** A ModelJson as UTF-8 bytes: how it crosses from the extension to the webview. */
export type ModelBytes = Uint8Array & { readonly __modelBytes?: never };

// ── Server → extension: the model after each validated build ──────────────────────────────

/** Client notification `svcbp/watchModels`: the documents whose models a preview shows. */
export const WATCH_MODELS_NOTIFICATION = 'svcbp/watchModels';

export interface WatchModelsParams {
    uris: string[];
}

/** Server notification `svcbp/modelChanged`: a watched document was built and validated. */
export const MODEL_CHANGED_NOTIFICATION = 'svcbp/modelChanged';

export interface ModelChangedParams {
    uri: string;
    /** The text document version the model was built from. */
    version: number;
    /**
     * The ModelResult as JSON text. The extension hands it to the webview as UTF-8 bytes: one
     * buffer crosses each process and frame boundary as it is, where the object (some 50,000
     * objects at 1,000 steps) would be serialised or structurally cloned at every hop, and a
     * string escaped again in each JSON envelope.
     */
    result: ModelJson;
    /** Number of error diagnostics in the document. */
    errors: number;
}

// ── Extension ↔ preview webview ─────────────────────────────────────────────────────────

export type PreviewView = 'blueprint' | 'journey' | 'flow';

/** Which parts of the drawing to draw (the `svcbp.preview.show…` settings). */
export type PreviewSettings = Record<DrawingPart, boolean>;

export type ExportFormat = 'svg' | 'png' | 'pdf' | 'html' | 'markdown';

/** What the webview keeps across redraws, hides and window reloads (webview state). */
export interface PreviewState {
    uri?: string;
    locked?: boolean;
    blueprint?: string;
    view?: PreviewView;
    zoom?: number;
    pan?: { x: number; y: number };
}

export type ToWebview =
    /** A new model of the previewed document. `fileName` is for the toolbar only. */
    | { type: 'model'; uri: string; fileName: string; version: number; result: ModelBytes; errors: number }
    | { type: 'settings'; settings: PreviewSettings; defaultView: PreviewView; locked: boolean }
    /** The editor's cursor moved in the previewed document (0-based, as in the model's ranges). */
    | { type: 'cursor'; uri: string; line: number; character: number }
    /** Show this blueprint (a `link` across files, or the code lens of one blueprint). */
    | { type: 'showBlueprint'; blueprint: string }
    /** Rasterise the current drawing and answer with an `exported` message (PNG export from a command). */
    | { type: 'renderPng'; blueprint?: string }
    /** Compare mode: draw the previewed blueprint against this one (its `before` side); none ends it. */
    | { type: 'compare'; before?: { label: string; result: ModelBytes } };

export type FromWebview =
    | { type: 'ready' }
    /** The page has handled a model (drawn it, or found nothing to redraw): the next may come. */
    | { type: 'drawn'; version: number }
    /** Reveal and select this range of the previewed document. */
    | { type: 'reveal'; uri: string; range: SourceRange }
    | { type: 'openProblems' }
    /** Export the blueprint; PNG comes rasterised by the webview as a data: URL. */
    | { type: 'export'; format: ExportFormat; blueprint: string; png?: string }
    | { type: 'copySvg'; blueprint: string }
    /** A `link` step to a blueprint in another file. */
    | { type: 'openLink'; uri: string; blueprint: string }
    /** Compare mode was ended from the toolbar. */
    | { type: 'endCompare' }
    | { type: 'state'; state: PreviewState };
