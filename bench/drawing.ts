/**
 * `npm run bench:drawing`: the drawing's quality on the corpus (tests/support/corpus.ts), per
 * blueprint: crossings and bends per arrow, the worst detour, the defects the tests forbid, and
 * the layout's time. Prints a table and writes bench-results/drawing.json.
 * Goals: on average at most 0.5 crossings and 2 bends per arrow, no detour above 2.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { layoutBlueprint } from '../src/render/index.js';
import { measureQuality, perArrow } from '../src/render/quality.js';
import { corpusBlueprints } from '../tests/support/corpus.js';

const RUNS = 7;

interface Row {
    file: string; blueprint: string; steps: number; arrows: number;
    crossingsPerArrow: number; bendsPerArrow: number; worstDetour: number; defects: number; layoutMs: number; width: number; height: number;
}

async function main(): Promise<void> {
    const rows: Row[] = [];
    for (const { file, model } of await corpusBlueprints()) {
        const times: number[] = [];
        let layout = layoutBlueprint(model);
        for (let run = 0; run < RUNS; run++) {
            const start = performance.now();
            layout = layoutBlueprint(model);
            times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const quality = measureQuality(layout);
        const { crossings, bends } = perArrow(quality);
        const defects = quality.labelCuts.length + quality.labelCollisions.length + quality.labelsOutside.length + quality.arrowsThroughNodes.length + quality.overlappingRuns.length + quality.runsAlongLines.length;
        rows.push({
            file, blueprint: model.id, steps: model.totals.steps, arrows: quality.arrows,
            crossingsPerArrow: round(crossings), bendsPerArrow: round(bends), worstDetour: quality.worstDetour,
            defects, layoutMs: round(times[Math.floor(times.length / 2)]), width: layout.width, height: layout.height
        });
    }
    const arrows = rows.reduce((sum, row) => sum + row.arrows, 0);
    const mean = (key: 'crossingsPerArrow' | 'bendsPerArrow') => round(rows.reduce((sum, row) => sum + row[key] * row.arrows, 0) / Math.max(1, arrows));
    const summary = { arrows, crossingsPerArrow: mean('crossingsPerArrow'), bendsPerArrow: mean('bendsPerArrow'), worstDetour: Math.max(...rows.map(r => r.worstDetour)), defects: rows.reduce((s, r) => s + r.defects, 0) };
    console.log('\nDrawing quality on the corpus (goals: crossings/arrow <= 0.5, bends/arrow <= 2, detour <= 2, defects 0)\n');
    console.table(rows.map(({ file, blueprint, steps, arrows: n, crossingsPerArrow, bendsPerArrow, worstDetour, defects, layoutMs }) => ({ file: file.replace(/^.*\//, ''), blueprint, steps, arrows: n, 'crossings/arrow': crossingsPerArrow, 'bends/arrow': bendsPerArrow, 'worst detour': worstDetour, defects, 'layout ms': layoutMs })));
    console.log(`All: ${arrows} arrows, ${summary.crossingsPerArrow} crossings and ${summary.bendsPerArrow} bends per arrow, worst detour ${summary.worstDetour}, ${summary.defects} defects.`);
    mkdirSync('bench-results', { recursive: true });
    writeFileSync('bench-results/drawing.json', JSON.stringify({ date: new Date().toISOString(), summary, rows }, null, 2));
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

main().catch(error => {
    console.error(error);
    process.exitCode = 1;
});
