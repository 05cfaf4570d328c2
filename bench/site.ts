/**
 * The site budget (issue 14): `svcbp site` over a library of 200 generated blueprints of 100
 * steps each, from scratch, under 10 s; then the rebuild after one file changed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSite } from '../src/cli/site.js';
import { generate } from './generate.js';

export interface SiteRow { blueprints: number; steps: number; fullMs: number; rebuildMs: number; budgetMs: number; ok: boolean }

const BUDGET_MS = 10_000;

export async function benchSite(): Promise<SiteRow> {
    const folder = mkdtempSync(join(tmpdir(), 'svcbp-site-bench-'));
    try {
        const library = join(folder, 'library');
        const out = join(folder, 'site');
        mkdirSync(library);
        for (let i = 0; i < 200; i++) writeFileSync(join(library, `service-${i}.svcbp`), generate(100).replace('blueprint big "Generated 100"', `blueprint service${i} "Service ${i}"`));
        const quiet = process.stdout.write.bind(process.stdout);
        process.stdout.write = (() => true) as typeof process.stdout.write;
        try {
            let start = performance.now();
            await runSite([library], { output: out });
            const fullMs = performance.now() - start;
            writeFileSync(join(library, 'service-7.svcbp'), generate(100).replace('blueprint big "Generated 100"', 'blueprint service7 "Service 7, revised"'));
            start = performance.now();
            await runSite([library], { output: out });
            const rebuildMs = performance.now() - start;
            return { blueprints: 200, steps: 100, fullMs: Math.round(fullMs), rebuildMs: Math.round(rebuildMs), budgetMs: BUDGET_MS, ok: fullMs < BUDGET_MS };
        } finally {
            process.stdout.write = quiet;
        }
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }
}
