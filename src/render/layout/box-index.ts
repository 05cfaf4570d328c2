/** Boxes bucketed on a coarse grid, so each overlap test looks at a few neighbours only. */
import type { Box } from '../layout-types.js';
import { keepShape } from './keep-shape.js';

const SIZE = 160;

export function overlaps(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export class BoxIndex {
    private readonly cells = new Map<number, Array<{ box: Box; owner?: string }>>();

    constructor() {
        keepShape(this);
    }

    add(box: Box, owner?: string): void {
        const entry = { box, owner };
        forEachKey(box, key => {
            const list = this.cells.get(key);
            if (list) list.push(entry);
            else this.cells.set(key, [entry]);
        });
    }

    /** How many boxes (not of `owner`) a box overlaps. */
    hits(box: Box, owner?: string): number {
        const seen = new Set<Box>();
        forEachKey(box, key => {
            for (const entry of this.cells.get(key) ?? []) {
                if (owner !== undefined && entry.owner === owner) continue;
                if (!seen.has(entry.box) && overlaps(box, entry.box)) seen.add(entry.box);
            }
        });
        return seen.size;
    }
}

function forEachKey(box: Box, visit: (key: number) => void): void {
    // Cell keys as one number: columns and rows of the coarse grid, both well under 2^20.
    const lastX = Math.floor((box.x + box.width) / SIZE);
    const lastY = Math.floor((box.y + box.height) / SIZE);
    for (let x = Math.floor(box.x / SIZE); x <= lastX; x++) {
        for (let y = Math.floor(box.y / SIZE); y <= lastY; y++) visit((x + 512) * 1048576 + (y + 512));
    }
}
