/**
 * Orthogonal arrow routing in the free space of the blueprint grid.
 *
 * Cards sit in rows (lane tracks, the touchpoint row) and columns (phases). Between rows run
 * horizontal gutters and between columns vertical gutters; only spanning cards cover vertical
 * gutters. An arrow leaves its source at the top or bottom, runs along the gutter next to it to a
 * vertical trunk (straight down a clear column, or a free column gutter), along the gutter next to
 * its target, and into the target: at most five segments, none through a card. Segments that
 * share a gutter get their own slot (interval colouring), and the layout widens gutters to fit.
 * Work per arrow is O(columns + rows crossed); slotting sorts, so the whole is O(n log n).
 */

/** A node to connect, in grid terms: its row and the columns it spans; touchpoints share a column. */
export interface GridNode {
    row: number;
    colStart: number;
    colEnd: number;
    /** For touchpoints: which of `of` slots of the column it occupies. */
    slot?: { index: number; of: number };
}

export interface GridArrow {
    id: string;
    from: string;
    to: string;
}

export type Side = 'top' | 'bottom';

/** A port: a side of a node and the fraction along it (0…1, left to right). */
export interface Port { node: string; side: Side; fraction: number }

/** One abstract route; the layout turns it into pixels. */
export interface GridRoute {
    id: string;
    start: Port;
    end: Port;
    /** The horizontal gutter below/above the source and above/below the target. */
    startGutter: number;
    endGutter: number;
    /** The vertical run: along a column gutter (with its slot) or straight down a clear column at the end port. */
    trunk: { kind: 'gutter'; gutter: number; slot: number } | { kind: 'direct' };
    /** Slots in the two horizontal gutters. */
    startSlot: number;
    endSlot: number;
}

export interface RouteResult {
    routes: GridRoute[];
    /** Slots needed per horizontal gutter (index 0 = above the first row) and per column gutter. */
    rowGutterSlots: number[];
    colGutterSlots: number[];
}

const EPSILON = 1e-6;

export function routeArrows(nodes: Map<string, GridNode>, arrows: GridArrow[], rows: number, columns: number): RouteResult {
    const blocked = blockedColumnGutters(nodes, rows);
    const occupied = occupiedSpans(nodes, rows);
    const ports = assignPorts(nodes, arrows);
    const routes: GridRoute[] = [];
    const rowSegments: Array<Array<{ from: number; to: number; set: (slot: number) => void }>> = Array.from({ length: rows + 1 }, () => []);
    const colSegments: Array<Array<{ from: number; to: number; set: (slot: number) => void }>> = Array.from({ length: columns + 1 }, () => []);

    for (const arrow of arrows) {
        const [start, end] = ports.get(arrow.id)!;
        const source = nodes.get(arrow.from)!;
        const target = nodes.get(arrow.to)!;
        const startGutter = start.side === 'bottom' ? source.row + 1 : source.row;
        const endGutter = end.side === 'bottom' ? target.row + 1 : target.row;
        const uStart = portU(source, start);
        const uEnd = portU(target, end);
        const route: GridRoute = { id: arrow.id, start, end, startGutter, endGutter, trunk: { kind: 'direct' }, startSlot: 0, endSlot: 0 };
        // Rows the trunk crosses: those strictly between the two gutters.
        const [low, high] = startGutter <= endGutter ? [startGutter, endGutter] : [endGutter, startGutter];
        const directClear = startGutter !== endGutter && columnClear(occupied, uEnd, low, high);
        if (startGutter === endGutter || directClear) {
            // One horizontal run in the shared gutter (or a jog next to the source), then straight into the target.
            if (Math.abs(uStart - uEnd) > EPSILON) {
                rowSegments[startGutter].push({ from: Math.min(uStart, uEnd), to: Math.max(uStart, uEnd), set: slot => { route.startSlot = slot; route.endSlot = slot; } });
            }
        } else {
            const gutter = chooseColumnGutter(blocked, uStart, uEnd, low, high, columns);
            const trunk = { kind: 'gutter' as const, gutter, slot: 0 };
            route.trunk = trunk;
            rowSegments[startGutter].push({ from: Math.min(uStart, gutter), to: Math.max(uStart, gutter), set: slot => { route.startSlot = slot; } });
            rowSegments[endGutter].push({ from: Math.min(uEnd, gutter), to: Math.max(uEnd, gutter), set: slot => { route.endSlot = slot; } });
            colSegments[gutter].push({ from: low, to: high, set: slot => { trunk.slot = slot; } });
        }
        routes.push(route);
    }
    return { routes, rowGutterSlots: rowSegments.map(assignSlots), colGutterSlots: colSegments.map(assignSlots) };
}

/** Where on the grid's horizontal axis a port sits, in column units (column c spans c…c+1). */
export function portU(node: GridNode, port: Port): number {
    if (node.slot) {
        const width = 1 / node.slot.of;
        return node.colStart + width * node.slot.index + width / 2;
    }
    const span = node.colEnd - node.colStart + 1;
    return node.colStart + 0.08 + port.fraction * (span - 0.16);
}

/**
 * Sides and positions of every arrow's two ports. An arrow leaves downwards when its target lies
 * lower (or on the same row), upwards otherwise. Ports on one side are spread evenly, ordered by
 * where the other end lies, which keeps arrows from crossing right at the card.
 */
function assignPorts(nodes: Map<string, GridNode>, arrows: GridArrow[]): Map<string, [Port, Port]> {
    const bySide = new Map<string, Array<{ arrow: string; end: 0 | 1; otherU: number }>>();
    const sides = new Map<string, [Side, Side]>();
    for (const arrow of arrows) {
        const source = nodes.get(arrow.from)!;
        const target = nodes.get(arrow.to)!;
        const down = target.row >= source.row;
        const startSide: Side = down ? 'bottom' : 'top';
        const endSide: Side = target.row === source.row ? 'bottom' : down ? 'top' : 'bottom';
        sides.set(arrow.id, [startSide, endSide]);
        const centre = (node: GridNode) => (node.colStart + node.colEnd + 1) / 2 + (node.slot ? node.slot.index * 0.01 : 0);
        push(bySide, `${arrow.from}|${startSide}`, { arrow: arrow.id, end: 0, otherU: centre(target) });
        push(bySide, `${arrow.to}|${endSide}`, { arrow: arrow.id, end: 1, otherU: centre(source) });
    }
    const fractions = new Map<string, [number, number]>();
    for (const list of bySide.values()) {
        list.sort((a, b) => a.otherU - b.otherU || (a.arrow < b.arrow ? -1 : 1));
        list.forEach((entry, index) => {
            const pair = fractions.get(entry.arrow) ?? [0.5, 0.5];
            pair[entry.end] = (index + 1) / (list.length + 1);
            fractions.set(entry.arrow, pair);
        });
    }
    const ports = new Map<string, [Port, Port]>();
    for (const arrow of arrows) {
        const [startSide, endSide] = sides.get(arrow.id)!;
        const [f0, f1] = fractions.get(arrow.id)!;
        ports.set(arrow.id, [{ node: arrow.from, side: startSide, fraction: f0 }, { node: arrow.to, side: endSide, fraction: f1 }]);
    }
    return ports;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** Per row, the column gutters that a spanning card covers (gutter g lies left of column g). */
function blockedColumnGutters(nodes: Map<string, GridNode>, rows: number): Array<Set<number>> {
    const blocked = Array.from({ length: rows }, () => new Set<number>());
    for (const node of nodes.values()) {
        for (let gutter = node.colStart + 1; gutter <= node.colEnd; gutter++) blocked[node.row]?.add(gutter);
    }
    return blocked;
}

/** Per row, the horizontal extents (column units) taken by cards and touchpoints. */
function occupiedSpans(nodes: Map<string, GridNode>, rows: number): Array<Array<[number, number]>> {
    const spans: Array<Array<[number, number]>> = Array.from({ length: rows }, () => []);
    for (const node of nodes.values()) {
        if (node.slot) {
            const width = 1 / node.slot.of;
            spans[node.row]?.push([node.colStart + width * node.slot.index, node.colStart + width * (node.slot.index + 1)]);
        } else {
            spans[node.row]?.push([node.colStart, node.colEnd + 1]);
        }
    }
    return spans;
}

/** Whether a vertical line at u crosses nothing in the rows between two gutters. */
function columnClear(occupied: Array<Array<[number, number]>>, u: number, lowGutter: number, highGutter: number): boolean {
    for (let row = lowGutter; row < highGutter; row++) {
        if (occupied[row]?.some(([from, to]) => u > from - EPSILON && u < to + EPSILON)) return false;
    }
    return true;
}

/** The free column gutter with the least horizontal travel; the outer two are always free. */
function chooseColumnGutter(blocked: Array<Set<number>>, uStart: number, uEnd: number, lowGutter: number, highGutter: number, columns: number): number {
    let best = 0;
    let bestCost = Infinity;
    for (let gutter = 0; gutter <= columns; gutter++) {
        let free = true;
        for (let row = lowGutter; row < highGutter && free; row++) free = !blocked[row]?.has(gutter);
        if (!free) continue;
        const cost = Math.abs(gutter - uStart) + Math.abs(gutter - uEnd);
        if (cost < bestCost - EPSILON) {
            best = gutter;
            bestCost = cost;
        }
    }
    return best;
}

/** Interval colouring: overlapping segments get different slots; returns how many slots are used. */
function assignSlots(segments: Array<{ from: number; to: number; set: (slot: number) => void }>): number {
    segments.sort((a, b) => a.from - b.from || a.to - b.to);
    const slotEnds: number[] = [];
    for (const segment of segments) {
        let slot = slotEnds.findIndex(end => end < segment.from - EPSILON);
        if (slot < 0) {
            slot = slotEnds.length;
            slotEnds.push(segment.to);
        } else {
            slotEnds[slot] = segment.to;
        }
        segment.set(slot);
    }
    return slotEnds.length;
}
