/**
 * The compare budget (issue 13): the model diff plus the compare drawing of two 1,000-step
 * blueprints, the after side a revision of the before (titles reworded, steps moved to the next
 * phase, arrows dropped), under 150 ms.
 */
import { diffModels } from '../src/model/diff.js';
import { renderCompareSvg } from '../src/render/index.js';
import { generate } from './generate.js';
import { modelFor, modelOfText } from './render.js';

export interface CompareRow { steps: number; changes: number; medianMs: number; minMs: number; budgetMs: number; ok: boolean }

const BUDGET_MS = 150;

/** A revision of a generated blueprint: every 25th title reworded, every 40th step a phase later, every 30th arrow gone. */
function revised(text: string): string {
    let titles = 0;
    let steps = 0;
    let arrows = 0;
    return text.split('\n').filter(line => !(/^\s+s\d+ ~> s\d+$/.test(line) && ++arrows % 30 === 0)).map(line => {
        let next = line.replace(/"Step (\d+)"/, (whole, n) => (++titles % 25 === 0 ? `"Step ${n}, revised"` : whole));
        next = next.replace(/ in ph(\d+) \{/, (whole, p) => (++steps % 40 === 0 && Number(p) < 19 ? ` in ph${Number(p) + 1} {` : whole));
        return next;
    }).join('\n');
}

export async function benchCompare(collectGarbage: () => void): Promise<CompareRow> {
    const before = await modelFor(1000);
    const after = await modelOfText(revised(generate(1000)));
    const changes = diffModels(before, after).changes.length;
    renderCompareSvg(before, after); // warm-up
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
        collectGarbage();
        const start = performance.now();
        renderCompareSvg(before, after);
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[3];
    return { steps: 1000, changes, medianMs: Math.round(median * 10) / 10, minMs: Math.round(times[0] * 10) / 10, budgetMs: BUDGET_MS, ok: median < BUDGET_MS && changes > 0 };
}
