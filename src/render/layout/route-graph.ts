/**
 * The channels arrows may run in, as a graph of junctions on the doubled grid (route-types.ts):
 * every gutter and every column centre and row run, crossing each other. A junction inside a
 * card or a touchpoint is closed; a column gutter under a card spanning it is closed; in the
 * touchpoint row arrows may only pass up or down (the line of interaction runs through it and
 * the touchpoint labels stand there). Each junction keeps how many routes already pass it, for
 * the search to avoid crossings and crowding.
 */
import type { Grid, GridNode } from './grid.js';
import type { Geometry } from './geometry.js';
import type { Side } from './route-types.js';
import { keepShape } from './keep-shape.js';

export interface Port {
    junction: number;
    side: Side;
    /** Along which axis the route leaves or enters: 0 horizontal, 1 vertical. */
    axis: 0 | 1;
    /** Pixels from the node's edge to the junction. */
    stub: number;
}

export class RouteGraph {
    /** Junctions per row of the doubled grid, and rows. */
    readonly width: number;
    readonly height: number;
    readonly xs: Float64Array;
    readonly ys: Float64Array;
    /** Per junction: whether a route may pass horizontally (bit 1) or vertically (bit 2). */
    readonly open: Uint8Array;
    /** Per horizontal channel: it carries a drawn line (a row gutter at a lane boundary). */
    readonly alongLine: Uint8Array;
    /** Routes through each junction, horizontally and vertically; routes along each edge (to the right, downwards). */
    readonly passH: Uint16Array;
    readonly passV: Uint16Array;
    readonly edgeH: Uint16Array;
    readonly edgeV: Uint16Array;

    constructor(readonly grid: Grid, readonly geometry: Geometry, lineGutters: Set<number>) {
        this.width = 2 * grid.columns + 1;
        this.height = 2 * grid.rows.length + 1;
        const size = this.width * this.height;
        this.xs = Float64Array.from({ length: this.width }, (_, v) => geometry.channelX(v));
        this.ys = Float64Array.from({ length: this.height }, (_, h) => geometry.channelY(h));
        this.open = new Uint8Array(size).fill(3);
        this.alongLine = new Uint8Array(this.height);
        for (const gutter of lineGutters) this.alongLine[2 * gutter] = 1;
        this.passH = new Uint16Array(size);
        this.passV = new Uint16Array(size);
        this.edgeH = new Uint16Array(size);
        this.edgeV = new Uint16Array(size);
        if (grid.touchpointRow >= 0) {
            const h = 2 * grid.touchpointRow + 1;
            for (let v = 0; v < this.width; v++) this.open[h * this.width + v] = 2;
        }
        for (const node of grid.nodes.values()) {
            const h = 2 * node.row + 1;
            for (let v = 2 * node.colStart + 1; v <= 2 * node.colEnd + 1; v++) this.open[h * this.width + v] = 0;
            // A spanning step's bar runs through its row: arrows may cross it, not follow it.
            for (let v = 2 * node.colEnd + 2; v <= 2 * node.spanEnd + 1; v++) this.open[h * this.width + v] &= 2;
        }
        keepShape(this);
    }

    junction(v: number, h: number): number {
        return h * this.width + v;
    }

    /** The ports of a node: the column centres above and below it; for a card also the row run at its sides. */
    ports(node: GridNode, top: number, bottom: number, left: number, right: number): Port[] {
        const ports: Port[] = [];
        const h = 2 * node.row + 1;
        for (let v = 2 * node.colStart + 1; v <= 2 * node.colEnd + 1; v += 2) {
            ports.push({ junction: this.junction(v, h - 1), side: 'top', axis: 1, stub: Math.max(0, top - this.ys[h - 1]) });
            ports.push({ junction: this.junction(v, h + 1), side: 'bottom', axis: 1, stub: Math.max(0, this.ys[h + 1] - bottom) });
        }
        if (node.kind === 'step') {
            const v0 = 2 * node.colStart;
            const v1 = 2 * node.colEnd + 2;
            ports.push({ junction: this.junction(v0, h), side: 'left', axis: 0, stub: Math.max(0, left - this.xs[v0]) });
            // A spanning step's right side is where its bar leaves.
            if (node.spanEnd === node.colEnd) ports.push({ junction: this.junction(v1, h), side: 'right', axis: 0, stub: Math.max(0, this.xs[v1] - right) });
        }
        return ports;
    }

    /** Counts a found route's junctions and edges, so later searches keep clear of it. */
    record(path: number[], axes: Array<0 | 1>): void {
        for (let i = 0; i < path.length; i++) {
            const j = path[i];
            const turning = i > 0 && axes[i] !== axes[i - 1];
            if (axes[i] === 0 || turning) this.passH[j]++;
            if (axes[i] === 1 || turning) this.passV[j]++;
            if (i === 0) continue;
            const previous = path[i - 1];
            if (j - previous === 1 || previous - j === 1) this.edgeH[Math.min(j, previous)]++;
            else this.edgeV[Math.min(j, previous)]++;
        }
    }
}
