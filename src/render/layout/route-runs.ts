/** A found path as straight runs, each on one channel, with the way the route turns at its ends. */
import type { Grid, GridNode } from './grid.js';
import type { Port, RouteGraph } from './route-graph.js';
import type { AbstractRoute, GridArrow, Run } from './route-types.js';

export function toRoute(arrow: GridArrow, path: number[], axes: Array<0 | 1>, start: Port, end: Port, graph: RouteGraph, grid: Grid): AbstractRoute {
    const width = graph.width;
    const v = (j: number) => j % width;
    const h = (j: number) => Math.floor(j / width);
    const from = grid.nodes.get(arrow.from)!;
    const to = grid.nodes.get(arrow.to)!;
    // Moves: the stub out of the source, the path's steps, the stub into the target; and the
    // positions they join, starting and ending at the nodes' sides.
    const points: Array<{ v: number; h: number }> = [];
    const first = path[0];
    points.push(start.axis === 1 ? { v: v(first), h: sideAt(from, start) } : { v: sideAt(from, start), h: h(first) });
    const moveAxes: Array<0 | 1> = [start.axis];
    for (let i = 0; i < path.length; i++) {
        points.push({ v: v(path[i]), h: h(path[i]) });
        if (i > 0) moveAxes.push(axes[i]);
    }
    const last = path[path.length - 1];
    points.push(end.axis === 1 ? { v: v(last), h: sideAt(to, end) } : { v: sideAt(to, end), h: h(last) });
    moveAxes.push(end.axis);

    const runs: Run[] = [];
    let runStart = 0;
    for (let m = 1; m <= moveAxes.length; m++) {
        if (m < moveAxes.length && moveAxes[m] === moveAxes[runStart]) continue;
        const a = points[runStart];
        const b = points[m];
        const horizontal = moveAxes[runStart] === 0;
        runs.push({ horizontal, channel: horizontal ? a.h : a.v, from: horizontal ? a.v : a.h, to: horizontal ? b.v : b.h, turnFrom: 0, turnTo: 0, track: 0, tracks: 1, squeeze: 0 });
        runStart = m;
    }
    runs.forEach((run, i) => {
        const before = runs[i - 1];
        const after = runs[i + 1];
        if (before) run.turnFrom = Math.sign(before.from - run.channel) as Run['turnFrom'];
        if (after) run.turnTo = Math.sign(after.to - run.channel) as Run['turnTo'];
    });
    if (from.kind === 'touchpoint') runs[0].touchpoint = arrow.from;
    if (to.kind === 'touchpoint') runs[runs.length - 1].touchpoint = arrow.to;
    return { id: arrow.id, from: arrow.from, to: arrow.to, startSide: start.side, endSide: end.side, runs };
}

/**
 * Where a port's side lies along the channel of its run: half a step inside the node, so runs at
 * opposite sides of one node do not count as beside each other.
 */
function sideAt(node: GridNode, port: Port): number {
    if (port.axis === 1) return 2 * node.row + (port.side === 'top' ? 0.5 : 1.5);
    return port.side === 'left' ? 2 * node.colStart + 0.5 : 2 * node.colEnd + 1.5;
}
