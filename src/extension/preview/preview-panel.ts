import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FromWebview, ModelBytes, ModelChangedParams, ModelJson, PreviewState, ToWebview } from '../../protocol.js';
import { previewHtml } from './preview-html.js';
import { previewConfiguration } from './settings.js';

export const PREVIEW_VIEW_TYPE = 'svcbp.preview';

const encoder = new TextEncoder();
/** Bytes cross to the webview as they are; a string is escaped and copied again at every hop. */
const modelBytes = (json: ModelJson) => encoder.encode(json) as ModelBytes;

/** What the panel asks of the rest of the extension. */
export interface PreviewHost {
    /** The preview now shows another document: the server should push its models. */
    watch(uri: string | undefined): void;
    handle(panel: PreviewPanel, message: FromWebview): void;
}

/**
 * One webview panel showing one `.svcbp` document. Models arrive from the server (after each
 * validated build), are debounced and forwarded; the page draws them.
 */
export class PreviewPanel implements vscode.Disposable {
    uri: vscode.Uri | undefined;
    locked = false;
    private ready = false;
    private latest: ModelChangedParams | undefined;
    private timer: NodeJS.Timeout | undefined;
    private lastSent = 0;
    /** The model last posted, and whether the page is still handling it. */
    private sent: ModelChangedParams | undefined;
    private inFlight = false;
    private inFlightTimer: NodeJS.Timeout | undefined;
    private readonly queue: ToWebview[] = [];
    private readonly disposables: vscode.Disposable[] = [];
    readonly disposed = new vscode.EventEmitter<void>();

    constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly host: PreviewHost, state?: PreviewState) {
        const root = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview');
        panel.webview.options = { enableScripts: true, localResourceRoots: [root] };
        const asUri = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource, nonce: randomBytes(16).toString('base64'),
            scriptUri: asUri('preview.js'), styleUri: asUri('preview.css'), mermaidUri: asUri('mermaid.min.js')
        });
        panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'assets', 'icons', 'svcbp.svg');
        this.locked = Boolean(state?.locked);
        this.disposables.push(
            panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message)),
            panel.onDidDispose(() => this.dispose())
        );
        if (state?.uri) this.show(vscode.Uri.parse(state.uri));
    }

    /** Shows a document (the server is asked for its models). */
    show(uri: vscode.Uri): void {
        if (this.uri?.toString() !== uri.toString()) {
            this.uri = uri;
            this.latest = undefined;
            this.host.watch(uri.toString());
        }
        this.updateTitle();
    }

    /**
     * A new model from the server. It goes to the page when the page has handled the previous
     * one (a large drawing takes longer than a keystroke) and, while models keep coming, at most
     * one per `svcbp.preview.debounce` ms; always the latest.
     */
    modelChanged(params: ModelChangedParams): void {
        if (params.uri !== this.uri?.toString()) return;
        if (this.latest && params.uri === this.latest.uri && params.version < this.latest.version) return;
        this.latest = params;
        this.pump();
    }

    private pump(): void {
        if (this.timer || this.inFlight || !this.latest || this.latest === this.sent) return;
        const wait = this.lastSent + previewConfiguration().debounce - Date.now();
        if (wait > 0) {
            this.timer = setTimeout(() => {
                this.timer = undefined;
                this.pump();
            }, wait);
            return;
        }
        const params = this.latest;
        if (params.uri !== this.uri?.toString()) return;
        this.sent = params;
        this.inFlight = true;
        this.lastSent = Date.now();
        this.post({ type: 'model', uri: params.uri, fileName: path.posix.basename(vscode.Uri.parse(params.uri).path), version: params.version, result: modelBytes(params.result), errors: params.errors });
        // A page that never answers (hidden, reloading) must not stop the flow for good.
        clearTimeout(this.inFlightTimer);
        this.inFlightTimer = setTimeout(() => this.handled(), 5000);
    }

    private handled(): void {
        clearTimeout(this.inFlightTimer);
        this.inFlight = false;
        this.pump();
    }

    sendSettings(): void {
        const { settings, defaultView } = previewConfiguration();
        this.post({ type: 'settings', settings, defaultView, locked: this.locked });
    }

    post(message: ToWebview): void {
        if (this.ready) void this.panel.webview.postMessage(message);
        else this.queue.push(message);
    }

    private receive(message: FromWebview): void {
        if (message.type === 'ready') {
            this.ready = true;
            this.sendSettings();
            for (const queued of this.queue.splice(0)) void this.panel.webview.postMessage(queued);
            this.inFlight = false;
            this.sent = undefined;
            this.pump();
            return;
        }
        if (message.type === 'drawn') {
            this.handled();
            return;
        }
        if (message.type === 'state') {
            this.locked = Boolean(message.state.locked);
            this.updateTitle();
            return;
        }
        this.host.handle(this, message);
    }

    setLocked(locked: boolean): void {
        this.locked = locked;
        this.sendSettings();
        this.updateTitle();
    }

    private updateTitle(): void {
        const name = this.uri ? path.posix.basename(this.uri.path) : 'Blueprint';
        this.panel.title = `${this.locked ? '[Locked] ' : ''}Preview ${name}`;
    }

    dispose(): void {
        clearTimeout(this.timer);
        clearTimeout(this.inFlightTimer);
        this.timer = undefined;
        this.disposed.fire();
        this.disposed.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
        this.panel.dispose();
    }
}
