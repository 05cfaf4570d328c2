import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES } from './workspace.js';

export const CLI = join(import.meta.dirname, '../../out/cli.cjs');

export interface Run { status: number | null; stdout: string; stderr: string }

/** Runs the bundled CLI as a user would, in the given folder. */
export function svcbp(args: string[], cwd: string, input?: string): Run {
    const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder with a copy of the examples in `examples/`. */
export function tempProject(): string {
    const dir = mkdtempSync(join(tmpdir(), 'svcbp-'));
    cpSync(EXAMPLES, join(dir, 'examples'), { recursive: true });
    return dir;
}
