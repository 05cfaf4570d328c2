import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';
import { answered, LspClient } from './support/lsp-client.js';

/** The CLI as a subprocess, given at most 15 s: a read that blocks on a pipe fails the test instead of hanging it. */
function svcbp(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 15_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, timedOut: result.error !== undefined };
}

const BLUEPRINT = 'blueprint b {\n  phase p\n  lane c customer { step s in p }\n}\n';
const TOO_LARGE = 10 * 1024 * 1024 + 1;

describe('odd files', () => {
    let dir: string;

    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'svcbp-odd-'));
        execFileSync('mkfifo', [join(dir, 'pipe.svcbp')]);
        writeFileSync(join(dir, 'big.svcbp'), '');
        truncateSync(join(dir, 'big.svcbp'), TOO_LARGE); // sparse: large to stat, nothing on the disk
        writeFileSync(join(dir, 'ok.svcbp'), BLUEPRINT);
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses a named pipe given to any command, naming it, without reading it', () => {
        for (const command of [['check'], ['export'], ['render'], ['format'], ['format', '--check']]) {
            expect(svcbp([...command, 'pipe.svcbp'], dir), command.join(' ')).toEqual({
                status: 2, stdout: '', timedOut: false,
                stderr: 'svcbp: pipe.svcbp is not a regular file (it is a named pipe); svcbp reads only regular files.\n'
            });
        }
    });

    it('refuses a file that is not a .svcbp file, instead of a message about service registries', () => {
        writeFileSync(join(dir, 'notes.txt'), 'blueprint b { }\n');
        expect(svcbp(['check', 'notes.txt'], dir)).toMatchObject({ status: 2, stderr: 'svcbp: notes.txt is not a .svcbp file; svcbp reads only .svcbp files.\n' });
    });

    it('refuses a device, and a file over the size limit, saying the limit', () => {
        expect(svcbp(['check', '/dev/zero'], dir)).toMatchObject({ status: 2, stderr: 'svcbp: /dev/zero is not a regular file (it is a character device); svcbp reads only regular files.\n' });
        expect(svcbp(['check', 'big.svcbp'], dir)).toMatchObject({ status: 2, stderr: 'svcbp: big.svcbp is 10 MB, more than the 10 MB svcbp reads of one file.\n' });
    });

    it('leaves a pipe and a file too large out of a folder, says so, and checks the rest', () => {
        const run = svcbp(['check', '.'], dir);
        expect(run).toMatchObject({ status: 0, stdout: 'No problems in 1 file.\n', timedOut: false });
        expect(run.stderr.split('\n').sort()).toEqual([
            '',
            'warning: left out: big.svcbp is 10 MB, more than the 10 MB svcbp reads of one file.',
            'warning: left out: pipe.svcbp is not a regular file (it is a named pipe); svcbp reads only regular files.'
        ]);
    });

    it('says what is wrong with an import of a pipe, of a file too large, and of an empty path', () => {
        const sub = join(dir, 'imports');
        mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, 'main.svcbp'), `import "../pipe"\nimport "../big.svcbp"\nimport ""\n${BLUEPRINT}`);
        const run = svcbp(['check', 'main.svcbp'], sub);
        expect(run.timedOut).toBe(false);
        expect(run.stdout.split('\n')).toEqual([
            "main.svcbp:1:8 error unresolved-import '../pipe.svcbp' is not a regular file (it is a named pipe); svcbp reads only regular files.",
            "main.svcbp:2:8 error unresolved-import '../big.svcbp' is 10 MB, more than the 10 MB svcbp reads of one file.",
            'main.svcbp:3:8 error unresolved-import An import needs a path, relative to this file: import "common/platform".',
            '3 errors, 0 warnings, 0 infos, 0 hints in 1 file.',
            ''
        ]);
    });

    it('warns where the first byte that is not UTF-8 is, and does not format such a file', () => {
        const sub = join(dir, 'latin1');
        mkdirSync(sub, { recursive: true });
        const bytes = Buffer.concat([Buffer.from('blueprint b {\n  phase p "Caf'), Buffer.from([0xe9]), Buffer.from('"\n  lane c customer { step s in p }\n}\n')]);
        writeFileSync(join(sub, 'cafe.svcbp'), bytes);
        const warning = 'warning: cafe.svcbp:2:15: byte 0xE9 is not UTF-8; it and any like it read as U+FFFD. Save the file as UTF-8.\n';
        expect(svcbp(['check', 'cafe.svcbp'], sub)).toMatchObject({ status: 0, stdout: 'No problems in 1 file.\n', stderr: warning });
        const format = svcbp(['format', 'cafe.svcbp'], sub);
        expect(format).toMatchObject({ status: 1, stdout: 'Formatted 0 of 1 files; 1 was left alone (syntax errors or bytes that are not UTF-8).\n' });
        expect(format.stderr).toBe(`${warning}cafe.svcbp: not formatted, it is not all UTF-8 (see the warning above)\n`);
        expect(readFileSync(join(sub, 'cafe.svcbp'))).toEqual(bytes);
    });

    it('warns on the import of a file that is not all UTF-8, once, with where its bad byte is', () => {
        const sub = join(dir, 'latin1-import');
        mkdirSync(sub, { recursive: true });
        writeFileSync(join(sub, 'shared.svcbp'), Buffer.concat([Buffer.from('system cafe "Caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
        writeFileSync(join(sub, 'main.svcbp'), 'import "shared"\nblueprint b {\n  phase p\n  lane c customer { step s in p { uses cafe } }\n}\n');
        expect(svcbp(['check', 'main.svcbp'], sub)).toMatchObject({
            status: 0, stderr: '',
            stdout: 'main.svcbp:1:8 warning not-utf8 The imported file is not all UTF-8: byte 0xE9 at line 1, column 17 reads as U+FFFD, and any like it. Save it as UTF-8.\n0 errors, 1 warning, 0 infos, 0 hints in 1 file.\n'
        });
    });

    it('in the editor, warns on the import of a file that is not UTF-8 until that file is open (the editor decodes it)', async () => {
        const sub = join(dir, 'latin1-editor');
        mkdirSync(sub, { recursive: true });
        const shared = join(sub, 'shared.svcbp');
        writeFileSync(shared, Buffer.concat([Buffer.from('system cafe "Caf'), Buffer.from([0xe9]), Buffer.from('"\n')]));
        const client = await LspClient.start(sub);
        try {
            const uri = pathToFileURL(join(sub, 'main.svcbp')).toString();
            const text = 'import "shared"\nblueprint b {\n  phase p\n  lane c customer { step s in p { uses cafe } }\n}\n';
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'svcbp', version: 1, text } });
            const before = await client.diagnostics(uri, d => d.length > 0, 10_000);
            expect(before.map(d => [d.code, d.range.start.line])).toEqual([['not-utf8', 0]]);
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(shared).toString(), languageId: 'svcbp', version: 1, text: 'system cafe "Café"\n' } });
            expect(await client.diagnostics(uri, d => d.length === 0, 10_000)).toEqual([]);
        } finally {
            await client.stop();
        }
    });

    it('serves a folder with a pipe and a file too large, and answers for a file importing the pipe', async () => {
        const client = await LspClient.start(dir);
        try {
            const uri = pathToFileURL(join(dir, 'main.svcbp')).toString();
            const text = `import "pipe"\n${BLUEPRINT}`;
            await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'svcbp', version: 1, text } });
            const diagnostics = await client.diagnostics(uri, d => d.length > 0, 10_000);
            expect(diagnostics.map(d => d.message)).toEqual(["'pipe.svcbp' is not a regular file (it is a named pipe); svcbp reads only regular files."]);
            const symbols = await answered(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), 5000, 'outline') as Array<{ name: string }>;
            expect(symbols.map(s => s.name)).toEqual(['b']);
            // The file too large is left out of the workspace, with a line in the log.
            expect(await client.connection.sendRequest('workspace/symbol', { query: 's' })).toEqual(expect.arrayContaining([expect.objectContaining({ name: 's' })]));
        } finally {
            await client.stop();
        }
        expect(client.loggedErrors).toEqual([]);
    });
});
