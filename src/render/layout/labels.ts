/**
 * Stage 6, labels: each arrow's label on or beside one of its runs, where it covers nothing else:
 * no card, touchpoint, other arrow, drawn line or other label. Runs are tried longest first, a
 * label centred on its arrow before one beside it.
 */
import type { ArrowLayout, Box, Point } from '../layout-types.js';
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
    // Spots along each run, every few pixels out from its middle: on the run, then beside it.
    const candidates: Box[] = [];
    for (const run of runs) {
        const steps = Math.min(MAX_STEPS, Math.floor(run.length / STEP));
        for (let k = 0; k <= steps; k++) {
            const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * STEP;
            const t = run.length > 0 ? 0.5 + offset / run.length : 0.5;
            if (t < 0 || t > 1) continue;
            const at: Point = { x: run.a.x + (run.b.x - run.a.x) * t, y: run.a.y + (run.b.y - run.a.y) * t };
            candidates.push({ x: at.x - width / 2, y: at.y - height / 2, width, height });
            if (run.horizontal) {
                candidates.push({ x: at.x - width / 2, y: at.y - height - 3, width, height }, { x: at.x - width / 2, y: at.y + 3, width, height });
            } else {
                candidates.push({ x: at.x + 4, y: at.y - height / 2, width, height }, { x: at.x - 4 - width, y: at.y - height / 2, width, height });
            }
        }
    }
    const inside = (box: Box) => box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
    let best = candidates[0];
    let bestHits = Infinity;
    for (const candidate of candidates) {
        if (!inside(candidate)) continue;
        const hits = taken.hits(candidate, arrow.id);
        if (hits < bestHits) {
            best = candidate;
            bestHits = hits;
            if (hits === 0) break;
        }
    }
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
