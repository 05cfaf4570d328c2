import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node';
import { CLI } from './cli.js';

/** An editor stand-in: the real server process, spoken to over stdio JSON-RPC. */
export class LspClient {
    private readonly latest = new Map<string, Diagnostic[]>();
    private readonly waiters: Array<() => void> = [];
    readonly connection: ProtocolConnection;
    settings: unknown = { checks: {} };
    /** How long the editor takes to answer `workspace/configuration` (a busy VS Code is slow to). */
    configurationDelay = 0;
    /** What the server wrote to stderr (when started by `start`), and the errors it logged. */
    stderr = '';
    readonly loggedErrors: string[] = [];

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
        this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
            if (params.type === 1) this.loggedErrors.push(params.message);
        });
        this.connection.listen();
    }

    /** Starts the bundled server on a folder and says hello as VS Code does (initialize, initialized, the settings). */
    static async start(folder: string): Promise<LspClient> {
        const client = new LspClient(spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }));
        client.server.stderr!.on('data', (chunk: Buffer) => { client.stderr += chunk.toString(); });
        const root = pathToFileURL(folder).toString();
        await client.connection.sendRequest('initialize', {
            processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'project' }],
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }
        });
        await client.connection.sendNotification('initialized', {});
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { svcbp: { checks: {} } } });
        return client;
    }

    /** Shuts the server down as an editor does; kills it when it does not exit. */
    async stop(): Promise<void> {
        const exited = new Promise<void>(resolve => this.server.once('exit', () => resolve()));
        try {
            await answered(this.connection.sendRequest('shutdown'), 5000, 'shutdown');
            await this.connection.sendNotification('exit');
            await answered(exited, 5000, 'exit');
        } finally {
            this.connection.dispose();
            if (this.server.exitCode === null) this.server.kill();
        }
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

/** The promise's value, or a rejection naming what did not answer within the time. */
export function answered<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
