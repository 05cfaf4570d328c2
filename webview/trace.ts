import type { ArrowModel } from '../src/model/types.js';

export interface Trace {
    upstream: Set<string>;
    downstream: Set<string>;
    /** Every element reached either way, the start included. */
    elements: Set<string>;
}

/** The arrows that lead to an element and lead on from it, followed transitively (cycles end). */
export function traceFlow(arrows: ArrowModel[], start: string): Trace {
    const walk = (next: (arrow: ArrowModel) => [string, string]) => {
        const arrowIds = new Set<string>();
        const seen = new Set([start]);
        const queue = [start];
        while (queue.length > 0) {
            const current = queue.shift()!;
            for (const arrow of arrows) {
                const [from, to] = next(arrow);
                if (from !== current) continue;
                arrowIds.add(arrow.id);
                if (!seen.has(to)) {
                    seen.add(to);
                    queue.push(to);
                }
            }
        }
        return { arrowIds, seen };
    };
    const down = walk(arrow => [arrow.from, arrow.to]);
    const up = walk(arrow => [arrow.to, arrow.from]);
    return { upstream: up.arrowIds, downstream: down.arrowIds, elements: new Set([...down.seen, ...up.seen]) };
}
