import type { ChildProcess } from 'node:child_process';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';

/** An editor stand-in: the real server process, spoken to over stdio JSON-RPC. */
export class LspClient {
    private readonly latest = new Map<string, Diagnostic[]>();
    private readonly waiters: Array<() => void> = [];
    readonly connection: ProtocolConnection;
    settings: unknown = { checks: {} };
    /** How long the editor takes to answer `workspace/configuration` (a busy VS Code is slow to). */
    configurationDelay = 0;

    constructor(readonly server: ChildProcess) {
        this.connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            this.latest.set(params.uri, params.diagnostics);
            this.waiters.splice(0).forEach(wake => wake());
        });
        this.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
            if (this.configurationDelay > 0) await new Promise(resolve => setTimeout(resolve, this.configurationDelay));
            return params.items.map(() => this.settings);
        });
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.listen();
    }

    /** Waits until the diagnostics published for a file satisfy a condition. */
    async diagnostics(uri: string, until: (d: Diagnostic[]) => boolean, timeoutMs = 15_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.latest.get(uri);
            if (current && until(current)) return current;
            if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(current)}`);
            await new Promise<void>(resolve => {
                this.waiters.push(resolve);
                setTimeout(resolve, 200);
            });
        }
    }
}
