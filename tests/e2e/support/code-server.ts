import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where scripts/e2e-setup.sh installs Node 24 and code-server (versions pinned there). */
export const ROOT = join(import.meta.dirname, '../../..');
const E2E = join(ROOT, '.e2e');

function installed(prefix: string): string {
    const folder = existsSync(E2E) ? readdirSync(E2E).find(name => name.startsWith(prefix)) : undefined;
    if (!folder) throw new Error(`${prefix} is not installed: run bash scripts/e2e-setup.sh (npm run test:e2e does)`);
    return join(E2E, folder);
}

/** User settings that keep a run clean and deterministic (see ../shared/notes/TOOLCHAIN.md). */
const SETTINGS = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'editor.minimap.enabled': false,
    'editor.accessibilitySupport': 'off',
    'workbench.colorTheme': 'Default Light Modern'
};

/**
 * A real VS Code (code-server) with the packaged extension installed, on a fresh copy of the
 * examples, in a throw-away profile. Started in its own process group so stop() ends all of it
 * (the extension host and the language server outlive a plain kill).
 */
export class CodeServer {
    private constructor(
        readonly url: string, readonly workspace: string, private readonly home: string,
        private readonly process: ChildProcess, private readonly output: string[]
    ) {}

    static async start(vsix: string, fixture: string): Promise<CodeServer> {
        const node = join(installed('node-24.'), 'bin');
        const bin = join(installed('code-server-'), 'node_modules/.bin/code-server');
        const home = mkdtempSync(join(tmpdir(), 'svcbp-e2e-'));
        const workspace = join(home, 'workspace');
        cpSync(fixture, workspace, { recursive: true });
        mkdirSync(join(home, 'user/User'), { recursive: true });
        writeFileSync(join(home, 'user/User/settings.json'), JSON.stringify(SETTINGS, null, 2));
        // Its temporary files too (IPC sockets, Node's compile cache) go in the profile, removed at stop.
        mkdirSync(join(home, 'tmp'));
        const env = {
            ...process.env, PATH: `${node}:${process.env.PATH}`, TMPDIR: join(home, 'tmp'),
            XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache')
        };
        const profile = ['--user-data-dir', join(home, 'user'), '--extensions-dir', join(home, 'ext')];
        execFileSync(bin, [...profile, '--install-extension', vsix, '--force'], { env, stdio: 'pipe' });
        const port = await freePort();
        const child = spawn(bin, [
            '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
            '--disable-workspace-trust', '--disable-getting-started-override', ...profile, workspace
        ], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        const log: string[] = [];
        child.stdout!.on('data', chunk => log.push(String(chunk)));
        child.stderr!.on('data', chunk => log.push(String(chunk)));
        const server = new CodeServer(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, workspace, home, child, log);
        try {
            await waitForHealth(port, child, log);
        } catch (error) {
            await server.stop();
            throw error;
        }
        return server;
    }

    /**
     * What code-server and the extension host logged (the extension's output channel included),
     * the last lines of each: printed when a test fails on a machine whose screenshots are out of reach.
     */
    logs(lines = 40): string {
        const tail = (text: string) => text.split('\n').slice(-lines).join('\n');
        const parts = [`── code-server ──\n${tail(this.output.join(''))}`];
        const walk = (folder: string): string[] => readdirSync(folder, { withFileTypes: true })
            .flatMap(entry => entry.isDirectory() ? walk(join(folder, entry.name)) : entry.name.endsWith('.log') ? [join(folder, entry.name)] : []);
        const logs = join(this.home, 'user/logs');
        for (const file of existsSync(logs) ? walk(logs) : []) {
            if (/remoteexthost|Service Blueprint/i.test(file)) parts.push(`── ${file.slice(logs.length + 1)} ──\n${tail(readFileSync(file, 'utf8'))}`);
        }
        return parts.join('\n');
    }

    /** Ends the whole process group (code-server, extension host, language server) and deletes the profile. */
    async stop(): Promise<void> {
        const group = -this.process.pid!;
        const exited = new Promise<void>(resolve => (this.process.exitCode !== null ? resolve() : this.process.once('exit', () => resolve())));
        signal(group, 'SIGTERM');
        await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
        // Whatever is left of the group (the extension host lingers for a few seconds).
        signal(group, 'SIGKILL');
        rmSync(this.home, { recursive: true, force: true });
    }
}

function signal(group: number, name: NodeJS.Signals): void {
    try {
        process.kill(group, name);
    } catch {
        // The group is already gone.
    }
}

function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address() as { port: number };
            server.close(() => resolve(port));
        });
    });
}

async function waitForHealth(port: number, child: ChildProcess, log: string[]): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${log.join('')}`);
        try {
            const response = await fetch(`http://127.0.0.1:${port}/healthz`);
            if (response.ok) return;
        } catch {
            // Not listening yet.
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not answer /healthz within 60 s:\n${log.join('')}`);
}
