/**
 * What Langium's core takes from vscode-languageserver-protocol (cancellation, events and the
 * error of a cancelled request), from the small files that define it. Langium imports the whole
 * protocol for these, a fifth of what `svcbp check` loads; the CLI's bundle reads this instead
 * (scripts/esbuild.mjs). The objects are the protocol's own, so `svcbp lsp`, which loads the
 * whole protocol, shares them.
 */
import * as ralModule from '../../node_modules/vscode-jsonrpc/lib/common/ral.js';
export { CancellationToken, CancellationTokenSource } from '../../node_modules/vscode-jsonrpc/lib/common/cancellation.js';
export { Emitter } from '../../node_modules/vscode-jsonrpc/lib/common/events.js';
export { ResponseError } from '../../node_modules/vscode-jsonrpc/lib/common/messages.js';

/** The request errors the Language Server Protocol reserves (its specification's numbers). */
export const LSPErrorCodes = {
    lspReservedErrorRangeStart: -32899,
    RequestFailed: -32803,
    ServerCancelled: -32802,
    ContentModified: -32801,
    RequestCancelled: -32800,
    lspReservedErrorRangeEnd: -32800
} as const;

type RuntimeLayer = { install(layer: object): void };
// The module's default export: its `module.exports.default`, whichever interop the bundler takes.
const exported = (ralModule as unknown as { default: RuntimeLayer & { default?: RuntimeLayer } }).default;
const runtimeLayer = exported.default ?? exported;

// Cancellation and events reach the timer and the console through the protocol's runtime layer,
// which its Node entry installs; `svcbp lsp` installs that one over this.
runtimeLayer.install({
    console,
    timer: {
        setTimeout: (callback: (...args: unknown[]) => void, ms: number, ...args: unknown[]) => { const handle = setTimeout(callback, ms, ...args); return { dispose: () => clearTimeout(handle) }; },
        setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]) => { const handle = setImmediate(callback, ...args); return { dispose: () => clearImmediate(handle) }; },
        setInterval: (callback: (...args: unknown[]) => void, ms: number, ...args: unknown[]) => { const handle = setInterval(callback, ms, ...args); return { dispose: () => clearInterval(handle) }; }
    }
});
