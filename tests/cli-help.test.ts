import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './support/cli.js';

/** The CLI in a folder, given 15 s: a command that runs instead of printing help (lsp waits for a client) fails. */
function svcbp(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 15_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const MESSY = 'blueprint b{phase p lane c customer{step s in p}}';

describe('help for every subcommand', () => {
    let dir: string;
    /** Every subcommand `svcbp --help` lists, so one added later is tested too. */
    let commands: string[];

    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'svcbp-help-'));
        writeFileSync(join(dir, 'messy.svcbp'), MESSY);
        const help = svcbp(['--help'], dir).stdout;
        commands = [...new Set([...help.matchAll(/^ {2}svcbp ([a-z]+)/gm)].map(match => match[1]))];
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('lists the subcommands', () => {
        expect(commands).toEqual(expect.arrayContaining(['check', 'export', 'render', 'diff', 'format', 'lsp']));
    });

    it('prints its own help for -h and --help, exit 0, and touches nothing', () => {
        for (const command of commands) {
            for (const args of [[command, '--help'], [command, 'messy.svcbp', '-h']]) {
                const run = svcbp(args, dir);
                expect(run, args.join(' ')).toMatchObject({ status: 0, stderr: '' });
                expect(run.stdout.startsWith(`Usage: svcbp ${command}`), args.join(' ')).toBe(true);
                expect(run.stdout).toContain('-h, --help');
            }
        }
        // Nothing formatted, checked into a file or written.
        expect(readFileSync(join(dir, 'messy.svcbp'), 'utf8')).toBe(MESSY);
        expect(readdirSync(dir)).toEqual(['messy.svcbp']);
    });

    it('prints a command\'s help for svcbp help <command> too', () => {
        expect(svcbp(['help', 'format'], dir)).toEqual(svcbp(['format', '--help'], dir));
    });

    it('says which command it does not know', () => {
        expect(svcbp(['help', 'frobnicate'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Unknown command 'frobnicate'. Run svcbp --help.\n" });
    });

    it('takes --help after -- for a file name', () => {
        writeFileSync(join(dir, '--help'), 'blueprint x { }\n');
        try {
            expect(svcbp(['check', '--', '--help'], dir)).toEqual({ status: 2, stdout: '', stderr: 'svcbp: --help is not a .svcbp file; svcbp reads only .svcbp files.\n' });
        } finally {
            rmSync(join(dir, '--help'));
        }
    });
});
