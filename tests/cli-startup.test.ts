import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as protocol from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as narrow from '../src/cli/langium-protocol.js';
import { CLI } from './support/cli.js';

const RESTAURANT = resolve('examples/restaurant.svcbp');

/** Module hooks that note every file the process loads, one URL a line. */
const RECORDER = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
    if (url.startsWith('file:')) appendFileSync(process.env.SVCBP_LOADED, url + '\\n');
    return next(url, context);
}`;

describe('what a command loads', () => {
    let dir: string;
    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'svcbp-startup-'));
        writeFileSync(join(dir, 'hooks.mjs'), RECORDER);
        writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`);
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** The text of every module file `svcbp <args>` loads (the launcher is CommonJS, the rest ES modules). */
    function loaded(args: string[]): string[] {
        const list = join(dir, `${args[0]}.txt`);
        writeFileSync(list, '');
        const run = spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, CLI, ...args], {
            encoding: 'utf8', env: { ...process.env, SVCBP_LOADED: list }, timeout: 30_000
        });
        expect(run.status, run.stderr).toBe(0);
        const urls = readFileSync(list, 'utf8').split('\n').filter(url => url.includes('/out/cli/'));
        expect(urls.length).toBeGreaterThan(0);
        return urls.map(url => readFileSync(new URL(url), 'utf8'));
    }

    it('check reads no part of the Language Server Protocol and no editor feature', () => {
        const texts = loaded(['check', RESTAURANT]);
        // Two of the protocol's methods, the editor's trigger for suggestions, and a quick fix's title.
        for (const marker of ['textDocument/didOpen', 'workspace/didChangeWatchedFiles', 'editor.action.triggerSuggest', 'Remove the duplicate arrow']) {
            expect(texts.some(text => text.includes(marker)), marker).toBe(false);
        }
        expect(texts.some(text => text.includes('Did you mean'))).toBe(true); // the checks themselves are there
    });

    it('format loads the editor features it uses, the formatter among them', () => {
        const texts = loaded(['format', '--check', RESTAURANT]);
        expect(texts.some(text => text.includes('textDocument/didOpen'))).toBe(true);
    });
});

describe("Langium's protocol objects from their own files (src/cli/langium-protocol.ts)", () => {
    it('exist once in the CLI, so `svcbp lsp`, which loads the whole protocol too, shares them', () => {
        // The shim reaches vscode-jsonrpc by its path in node_modules: a second, nested copy would show here.
        const folder = resolve('out/cli');
        const copies = readdirSync(folder).filter(name => name.endsWith('.mjs'))
            .filter(name => readFileSync(join(folder, name), 'utf8').includes('No runtime abstraction layer installed'));
        expect(copies).toHaveLength(1);
    });


    it('are the protocol\'s own objects, and its error codes', () => {
        expect(narrow.CancellationToken).toBe(protocol.CancellationToken);
        expect(narrow.CancellationTokenSource).toBe(protocol.CancellationTokenSource);
        expect(narrow.Emitter).toBe(protocol.Emitter);
        expect(narrow.ResponseError).toBe(protocol.ResponseError);
        expect({ ...narrow.LSPErrorCodes }).toEqual({ ...protocol.LSPErrorCodes });
    });

    it('work on their own, without the rest of the protocol: a cancelled token still calls back, a failing listener is reported', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'svcbp-protocol-'));
        try {
            const script = join(dir, 'alone.mjs');
            await build({
                stdin: {
                    resolveDir: resolve('src/cli'), loader: 'ts',
                    contents: `import { CancellationTokenSource, Emitter } from './langium-protocol.js';
                        const source = new CancellationTokenSource();
                        const token = source.token;
                        source.cancel();
                        token.onCancellationRequested(() => console.log('called back'));
                        const emitter = new Emitter();
                        emitter.event(() => { throw new Error('listener failed'); });
                        emitter.fire(1);`
                },
                bundle: true, platform: 'node', format: 'esm', outfile: script, logLevel: 'silent'
            });
            expect(readFileSync(script, 'utf8')).not.toContain('textDocument/didOpen');
            const run = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 15_000 });
            expect(run.status, run.stderr).toBe(0);
            expect(run.stdout).toBe('called back\n');
            expect(run.stderr).toContain('listener failed');
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
