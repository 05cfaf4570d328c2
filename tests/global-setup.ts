import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The CLI and server tests run the real bundle: build it once before the suites. Every temporary
 * folder a test makes goes into one folder of this run (TMPDIR, which the workers inherit), and
 * that folder is removed when the run ends, whatever the tests left.
 */
export default function setup(): () => void {
    const root = join(import.meta.dirname, '..');
    execFileSync(process.execPath, [join(root, 'scripts/esbuild.mjs')], { cwd: root, stdio: 'inherit' });
    const runTemp = mkdtempSync(join(tmpdir(), 'svcbp-tests-'));
    process.env.TMPDIR = runTemp;
    return () => rmSync(runTemp, { recursive: true, force: true });
}
