/**
 * One arrow's way through the route graph: A* over (junction, axis) states, from any port of the
 * source to any port of the target. A route pays for its length, more for running along a drawn
 * line, for each bend, for each route it crosses and for each it runs beside, so the cheapest is
 * short, straight and clear of the others. The search state lives in typed arrays stamped per
 * search, so a search costs only what it visits.
 */
import type { Port, RouteGraph } from './route-graph.js';
import { keepShape } from './keep-shape.js';

export const COSTS = {
    bend: 60,
    crossing: 90,
    /** Per route already running along the same edge. */
    crowding: 14,
    /** Length along a drawn line counts this many times. */
    alongLine: 3
} as const;

export interface Found {
    /** Junctions from the source's port to the target's. */
    path: number[];
    /** The axis each junction was reached along (the first: the source port's). */
    axes: Array<0 | 1>;
    start: Port;
    end: Port;
}

export class RouteSearch {
    private stamp = 0;
    private readonly seen: Uint32Array;
    private readonly cost: Float64Array;
    private readonly parent: Int32Array;
    private readonly closed: Uint32Array;
    /** Junctions where a port of the current search's target is (stamped, like the rest). */
    private readonly endStamp: Uint32Array;
    private readonly heap = new MinHeap();

    constructor(private readonly graph: RouteGraph) {
        const states = graph.width * graph.height * 2;
        this.seen = new Uint32Array(states);
        this.closed = new Uint32Array(states);
        this.cost = new Float64Array(states);
        this.parent = new Int32Array(states);
        this.endStamp = new Uint32Array(graph.width * graph.height);
        keepShape(this);
    }

    find(starts: Port[], ends: Port[]): Found | undefined {
        const graph = this.graph;
        const width = graph.width;
        const stamp = ++this.stamp;
        const heap = this.heap;
        heap.clear();
        const endAt = new Map<number, Port[]>();
        let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
        for (const end of ends) {
            const list = endAt.get(end.junction);
            if (list) list.push(end);
            else endAt.set(end.junction, [end]);
            this.endStamp[end.junction] = stamp;
            const x = graph.xs[end.junction % width];
            const y = graph.ys[Math.floor(end.junction / width)];
            minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
        // The least a state can still cost: the distance to the nearest end, and a bend where the
        // way on needs the other axis (a consistent bound, so A* still finds the cheapest route).
        const estimate = (x: number, y: number, axis: number) => {
            const dx = Math.max(0, minX - x, x - maxX);
            const dy = Math.max(0, minY - y, y - maxY);
            const bend = (dx > 0 && dy > 0) || (dx > 0 && axis === 1) || (dy > 0 && axis === 0) ? COSTS.bend : 0;
            return dx + dy + bend;
        };
        const startPort = new Map<number, Port>();
        for (const start of starts) {
            const state = start.junction * 2 + start.axis;
            if (this.seen[state] === stamp && this.cost[state] <= start.stub) continue;
            this.seen[state] = stamp;
            this.cost[state] = start.stub;
            this.parent[state] = -1;
            startPort.set(state, start);
            heap.push(state, start.stub + estimate(graph.xs[start.junction % width], graph.ys[Math.floor(start.junction / width)], start.axis));
        }
        let best = Infinity;
        let bestState = -1;
        let bestEnd: Port | undefined;
        while (heap.size > 0) {
            if (heap.peekPriority() >= best) break;
            const state = heap.pop();
            if (this.closed[state] === stamp) continue;
            this.closed[state] = stamp;
            const j = state >> 1;
            const axis = state & 1;
            const g = this.cost[state];
            if (this.endStamp[j] === stamp) {
                for (const end of endAt.get(j)!) {
                    const total = g + end.stub + (end.axis === axis ? 0 : COSTS.bend);
                    if (total < best) {
                        best = total;
                        bestState = state;
                        bestEnd = end;
                    }
                }
            }
            const v = j % width;
            const h = (j - v) / width;
            // Four moves: left, right along a row channel (axis 0); up, down along a column channel (axis 1).
            for (let move = 0; move < 4; move++) {
                const moveAxis = move < 2 ? 0 : 1;
                const step = move % 2 === 0 ? -1 : 1;
                const nv = moveAxis === 0 ? v + step : v;
                const nh = moveAxis === 1 ? h + step : h;
                if (nv < 0 || nv >= width || nh < 0 || nh >= graph.height) continue;
                const next = nh * width + nv;
                const need = moveAxis === 0 ? 1 : 2;
                if ((graph.open[next] & need) === 0 || (graph.open[j] & need) === 0) continue;
                let length = moveAxis === 0 ? Math.abs(graph.xs[nv] - graph.xs[v]) : Math.abs(graph.ys[nh] - graph.ys[h]);
                if (moveAxis === 0 && graph.alongLine[h]) length *= COSTS.alongLine;
                const edge = moveAxis === 0 ? graph.edgeH[Math.min(j, next)] : graph.edgeV[Math.min(j, next)];
                const crossed = moveAxis === 0 ? graph.passV[next] : graph.passH[next];
                const nextCost = g + length + (moveAxis === axis ? 0 : COSTS.bend) + edge * COSTS.crowding + crossed * COSTS.crossing;
                const nextState = next * 2 + moveAxis;
                if (this.closed[nextState] === stamp) continue;
                if (this.seen[nextState] === stamp && this.cost[nextState] <= nextCost) continue;
                this.seen[nextState] = stamp;
                this.cost[nextState] = nextCost;
                this.parent[nextState] = state;
                heap.push(nextState, nextCost + estimate(graph.xs[nv], graph.ys[nh], moveAxis));
            }
        }
        if (bestState < 0 || !bestEnd) return undefined;
        const states: number[] = [];
        for (let s = bestState; s >= 0; s = this.parent[s]) states.push(s);
        states.reverse();
        return { path: states.map(s => s >> 1), axes: states.map(s => (s & 1) as 0 | 1), start: startPort.get(states[0])!, end: bestEnd };
    }
}

/** A binary heap of states by priority, in typed arrays that grow as needed. */
class MinHeap {
    private items = new Int32Array(1024);
    private priorities = new Float64Array(1024);
    size = 0;

    constructor() {
        keepShape(this);
    }

    clear(): void {
        this.size = 0;
    }

    peekPriority(): number {
        return this.priorities[0];
    }

    push(item: number, priority: number): void {
        if (this.size === this.items.length) {
            const items = new Int32Array(this.size * 2);
            items.set(this.items);
            this.items = items;
            const priorities = new Float64Array(this.size * 2);
            priorities.set(this.priorities);
            this.priorities = priorities;
        }
        let i = this.size++;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (this.priorities[parent] <= priority) break;
            this.items[i] = this.items[parent];
            this.priorities[i] = this.priorities[parent];
            i = parent;
        }
        this.items[i] = item;
        this.priorities[i] = priority;
    }

    pop(): number {
        const top = this.items[0];
        const lastItem = this.items[--this.size];
        const lastPriority = this.priorities[this.size];
        let i = 0;
        for (;;) {
            let child = 2 * i + 1;
            if (child >= this.size) break;
            if (child + 1 < this.size && this.priorities[child + 1] < this.priorities[child]) child++;
            if (this.priorities[child] >= lastPriority) break;
            this.items[i] = this.items[child];
            this.priorities[i] = this.priorities[child];
            i = child;
        }
        this.items[i] = lastItem;
        this.priorities[i] = lastPriority;
        return top;
    }
}
