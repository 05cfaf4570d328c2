/**
 * Stage 6, labels: each arrow's label on or beside one of its runs, where it covers nothing else:
 * no card, touchpoint, other arrow, drawn line or other label. Runs are tried longest first, a
 * label centred on its arrow before one beside it.
 */
import type { ArrowLayout, Box } from '../layout-types.js';
import { lineHeight, measureText, wrapText } from '../text.js';
import type { BoxIndex } from './box-index.js';
import { M } from './metrics.js';

/** Spots along a run are tried this many pixels apart, at most this many per run. */
const STEP = 6;
const MAX_STEPS = 120;

/** Places the label and returns how many other things it covers (0 unless there was no free spot). */
export function placeArrowLabel(arrow: ArrowLayout, text: string, taken: BoxIndex, area: Box): number {
    const lines = wrapText(text, M.maxLabelWidth, M.labelSize);
    const { width, height } = labelSize(text);
    const runs = arrow.points.slice(1).map((b, i) => ({ a: arrow.points[i], b }))
        .map(run => ({ ...run, horizontal: Math.abs(run.a.y - run.b.y) < 0.01, length: Math.abs(run.a.x - run.b.x) + Math.abs(run.a.y - run.b.y) }))
        .sort((p, q) => q.length - p.length || Number(q.horizontal) - Number(p.horizontal));
    const inside = (box: Box) => box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
    // Spots along each run, every few pixels out from its middle: on the run, then beside it; the
    // first free one wins (tried one by one: most labels find one within a few tries).
    let first: Box | undefined;
    let best: Box | undefined;
    let bestHits = Infinity;
    const free = (x: number, y: number): boolean => {
        const box = { x, y, width, height };
        first ??= box;
        if (!inside(box)) return false;
        const hits = taken.hits(box, arrow.id);
        if (hits < bestHits) {
            best = box;
            bestHits = hits;
        }
        return hits === 0;
    };
    search: for (const run of runs) {
        const steps = Math.min(MAX_STEPS, Math.floor(run.length / STEP));
        for (let k = 0; k <= steps; k++) {
            const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * STEP;
            const t = run.length > 0 ? 0.5 + offset / run.length : 0.5;
            if (t < 0 || t > 1) continue;
            const x = run.a.x + (run.b.x - run.a.x) * t;
            const y = run.a.y + (run.b.y - run.a.y) * t;
            if (free(x - width / 2, y - height / 2)) break search;
            if (run.horizontal ? free(x - width / 2, y - height - 3) || free(x - width / 2, y + 3) : free(x + 4, y - height / 2) || free(x - 4 - width, y - height / 2)) break search;
        }
    }
    best ??= first!;
    taken.add(best);
    arrow.labelBox = best;
    arrow.label = { lines, x: best.x + width / 2, y: best.y + 12, size: M.labelSize, weight: 'regular', anchor: 'middle', text };
    return bestHits;
}

/** The size of a label's box. */
export function labelSize(text: string): { width: number; height: number } {
    const lines = wrapText(text, M.maxLabelWidth, M.labelSize);
    return { width: Math.max(...lines.map(line => measureText(line, M.labelSize))) + 8, height: lines.length * lineHeight(M.labelSize) + 4 };
}
