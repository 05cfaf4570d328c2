import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The CLI and server tests run the real bundle: build it once before the suites. */
export default function setup(): void {
    const root = join(import.meta.dirname, '..');
    execFileSync(process.execPath, [join(root, 'scripts/esbuild.mjs')], { cwd: root, stdio: 'inherit' });
}
