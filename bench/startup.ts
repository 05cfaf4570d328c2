/**
 * Start-up (issue 15): the CLI as whole processes, as CI and pre-commit hooks run it, in ratios
 * taken pair by pair in one run (A, B, A, B …) so the machine's drift cancels out:
 * - `svcbp --version` and `svcbp check examples/restaurant.svcbp` against a bare `node -e 0`;
 * - `svcbp check` against `likec4 validate --no-layout` on a same-shaped model at 200, 1,000 and
 *   5,000 steps, where LikeC4 is installed (LIKEC4=path/to/likec4, or .bench/likec4 as the README
 *   says); otherwise that part is skipped and says so.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from './generate.js';
import { generateLikeC4 } from './likec4-model.js';
import { median } from './stats.js';

/** `ratio` is the median of a/b over the pairs; each side's median time in ms. */
export interface RatioRow { a: string; aMs: number; b: string; bMs: number; ratio: number; target: string; ok: boolean }
export interface StartupResult { rows: RatioRow[]; likec4: string | undefined }

const CLI = resolve('out/cli.cjs');
const LIKEC4_IN_SCRATCH = resolve('.bench/likec4/node_modules/.bin/likec4');

/** Milliseconds of one whole process, from spawn to exit. */
function timeOnce(command: string, args: string[], cwd?: string, env?: NodeJS.ProcessEnv): number {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd, env, stdio: 'ignore' });
    const ms = performance.now() - start;
    if (result.error) throw result.error;
    return ms;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `runs` pairs A then B; the median of the pairwise ratios A/B and of each side's times. */
function pairs(runs: number, a: () => number, b: () => number): Pick<RatioRow, 'ratio' | 'aMs' | 'bMs'> {
    a(); b(); // warm-up: the file cache, the compile cache
    const as: number[] = [], bs: number[] = [], ratios: number[] = [];
    for (let i = 0; i < runs; i++) {
        const x = a(), y = b();
        as.push(x); bs.push(y); ratios.push(x / y);
    }
    return { ratio: round(median(ratios), 2), aMs: round(median(as), 0), bMs: round(median(bs), 0) };
}

export function benchStartup(): StartupResult {
    const rows: RatioRow[] = [];
    const bare = (env?: NodeJS.ProcessEnv) => timeOnce(process.execPath, ['-e', '0'], undefined, env);
    const checkRestaurant = (env?: NodeJS.ProcessEnv) => timeOnce(process.execPath, [CLI, 'check', resolve('examples/restaurant.svcbp')], undefined, env);
    const version = pairs(15, () => timeOnce(process.execPath, [CLI, '--version']), bare);
    rows.push({ a: 'svcbp --version', b: 'node -e 0', ...version, target: '≤ 1.3', ok: version.ratio <= 1.3 });
    const check = pairs(15, checkRestaurant, bare);
    rows.push({ a: 'svcbp check examples/restaurant.svcbp', b: 'node -e 0', ...check, target: '≤ 2', ok: check.ratio <= 2 });
    // Node 20 reads and parses every certificate in NODE_EXTRA_CA_CERTS as it starts (Node 22
    // only when a connection needs them): tens of milliseconds added to both sides, which flatters
    // the ratio. Where it is set, the same pair is also timed without it.
    if (process.env.NODE_EXTRA_CA_CERTS) {
        const { NODE_EXTRA_CA_CERTS: _, ...plain } = process.env;
        const checkPlain = pairs(15, () => checkRestaurant(plain), () => bare(plain));
        rows.push({ a: 'the same, without NODE_EXTRA_CA_CERTS', b: 'node -e 0, without it', ...checkPlain, target: '≤ 2', ok: checkPlain.ratio <= 2 });
    }

    const likec4 = process.env.LIKEC4 ?? (existsSync(LIKEC4_IN_SCRATCH) ? LIKEC4_IN_SCRATCH : undefined);
    if (likec4) {
        const folder = mkdtempSync(join(tmpdir(), 'svcbp-startup-bench-'));
        try {
            for (const steps of [200, 1000, 5000]) {
                const file = join(folder, `generated-${steps}.svcbp`);
                writeFileSync(file, generate(steps));
                const workspace = join(folder, `likec4-${steps}`);
                mkdirSync(workspace);
                writeFileSync(join(workspace, 'model.c4'), generateLikeC4(steps));
                const runs = steps >= 5000 ? 5 : 7;
                const side = pairs(runs, () => timeOnce(likec4, ['validate', '--no-layout', workspace], workspace), () => timeOnce(process.execPath, [CLI, 'check', file]));
                rows.push({ a: `likec4 validate --no-layout, ${steps} steps`, b: `svcbp check, ${steps} steps`, ...side, target: '≥ 10', ok: side.ratio >= 10 });
            }
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    }
    return { rows, likec4 };
}
