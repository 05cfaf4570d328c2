import type { FromWebview, PreviewState } from '../src/protocol.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The host: VS Code in the editor, a stand-in in the browser tests. Acquired once, as VS Code requires. */
export const host: VsCodeApi = acquireVsCodeApi();
