/**
 * Stage 2, order: barycentric sweeps, as layered graph layouts do. Each cell (a lane's steps in a
 * phase, a phase's touchpoints) is arranged by where the nodes it is connected to stand: its
 * touchpoints in any order, its steps in the order their own arrows give (else by the same pull),
 * and then each takes the sub-column nearest its pull, keeping that order. So a touchpoint stands
 * under the customer step that reaches it and the frontstage step it leads to stands under it:
 * straight arrows, few crossings.
 */
import type { GridArrow } from './route-types.js';
import type { Cell, Grid } from './grid.js';

// Down, up, down, up, down: the last sweep pulls each cell towards the lanes above it, the
// customer's side, whose order the rest of the service follows.
const SWEEPS = 5;

export function orderGrid(grid: Grid, arrows: GridArrow[]): void {
    const neighbours = new Map<string, string[]>();
    const outgoing = new Map<string, GridArrow[]>();
    for (const arrow of arrows) {
        if (arrow.from === arrow.to) continue;
        push(neighbours, arrow.from, arrow.to);
        push(neighbours, arrow.to, arrow.from);
        push(outgoing, arrow.from, arrow);
    }
    const centre = (id: string) => {
        const node = grid.nodes.get(id)!;
        return node.colStart + 0.5;
    };
    const arrangeable = grid.cells.filter(cell => cell.items.length > 1 || grid.phases[cell.phase].columns > 1);
    const within = new Map<Cell, Flow>();
    for (const cell of arrangeable) {
        const inCell = new Set(cell.items);
        const flow: Flow = { before: new Map(cell.items.map(id => [id, 0])), after: new Map() };
        for (const id of cell.items) {
            for (const arrow of outgoing.get(id) ?? []) {
                if (!inCell.has(arrow.to) || flow.after.get(id)?.includes(arrow.to)) continue;
                push(flow.after, id, arrow.to);
                flow.before.set(arrow.to, flow.before.get(arrow.to)! + 1);
            }
        }
        within.set(cell, flow);
    }
    // Top to bottom, then bottom to top, and again: each sweep pulls towards the last one's places.
    const downwards = [...arrangeable].sort((a, b) => a.rows[0] - b.rows[0]);
    const upwards = [...downwards].reverse();
    // A down sweep and an up sweep that both move nothing are a fixpoint: every further sweep
    // would start from the same places and move nothing either.
    let still = 0;
    for (let sweep = 0; sweep < SWEEPS && still < 2; sweep++) {
        const down = sweep % 2 === 0;
        const before = placesOf(grid);
        for (const cell of down ? downwards : upwards) arrange(cell, grid, neighbours, centre, within.get(cell)!, down ? -1 : 1);
        still = placesOf(grid) === before ? still + 1 : 0;
    }
}

/** The arrows between one cell's items: how many lead into each, and where each leads. */
interface Flow {
    before: Map<string, number>;
    after: Map<string, string[]>;
}

/**
 * Orders one cell and gives each item its sub-column; `flow` is the cell's arrows between its
 * own items, `side` the rows whose neighbours pull (-1 above, +1 below).
 */
function arrange(cell: Cell, grid: Grid, neighbours: Map<string, string[]>, centre: (id: string) => number, flow: Flow, side: -1 | 1): void {
    const inCell = new Set(cell.items);
    const pull = new Map<string, number>();
    const cellRow = cell.rows[0];
    for (const id of cell.items) {
        // Pulled by the neighbours on the side the sweep comes from, as layered layouts do; by all where there are none.
        let facingSum = 0, facingCount = 0, allSum = 0, allCount = 0;
        for (const other of neighbours.get(id) ?? []) {
            const node = grid.nodes.get(other);
            if (!node || inCell.has(other)) continue;
            const at = centre(other);
            allSum += at;
            allCount++;
            if (Math.sign(node.row - cellRow) === side) {
                facingSum += at;
                facingCount++;
            }
        }
        pull.set(id, facingCount ? facingSum / facingCount : allCount ? allSum / allCount : centre(id));
    }
    const order = cell.kind === 'touchpoints'
        ? cell.items.map((id, index) => ({ id, index, pull: pull.get(id)! })).sort((a, b) => a.pull - b.pull || a.index - b.index).map(item => item.id)
        : flowOrder(cell.items, flow, pull);
    cell.items = order;
    const phase = grid.phases[cell.phase];
    const perRow = phase.columns;
    cell.rows.forEach((row, r) => {
        const ids = order.slice(r * perRow, (r + 1) * perRow);
        const slots = nearestSlots(ids.map(id => pull.get(id)! - phase.firstColumn), perRow);
        ids.forEach((id, i) => {
            const node = grid.nodes.get(id)!;
            node.row = row;
            node.colStart = node.colEnd = node.spanEnd = phase.firstColumn + slots[i];
        });
    });
}

/**
 * Steps of one cell in the order their arrows within the cell give (a before b for a -> b),
 * choosing among the steps free to go next the one pulled furthest left; source order breaks ties
 * and cycles.
 */
function flowOrder(items: string[], flow: Flow, pull: Map<string, number>): string[] {
    // How many of each item's predecessors are still to be placed (Kahn's algorithm).
    const waiting = new Map(flow.before);
    const order: string[] = [];
    const left = new Set(items);
    while (left.size > 0) {
        let next: string | undefined;
        for (const id of items) {
            if (!left.has(id) || waiting.get(id)! > 0) continue;
            if (next === undefined || pull.get(id)! < pull.get(next)! - 1e-9) next = id;
        }
        // A cycle: the first item left in source order breaks it.
        if (next === undefined) for (const id of items) if (left.has(id)) { next = id; break; }
        order.push(next!);
        left.delete(next!);
        for (const to of flow.after.get(next!) ?? []) waiting.set(to, waiting.get(to)! - 1);
    }
    return order;
}

/**
 * Sub-columns for ordered items, strictly increasing, each as near its pull as can be (the sum of
 * distances is least; dynamic programming over items × sub-columns).
 */
export function nearestSlots(pulls: number[], columns: number): number[] {
    const n = pulls.length;
    if (n === 0) return [];
    // cost[i][s]: least cost of items 0..i with item i in sub-column s.
    const cost = pulls.map(() => new Array<number>(columns).fill(Infinity));
    const from = pulls.map(() => new Array<number>(columns).fill(-1));
    for (let i = 0; i < n; i++) {
        let bestBefore = Infinity;
        let bestBeforeSlot = -1;
        for (let s = i; s <= columns - (n - i); s++) {
            if (i > 0 && cost[i - 1][s - 1] < bestBefore) {
                bestBefore = cost[i - 1][s - 1];
                bestBeforeSlot = s - 1;
            }
            const here = Math.abs(s + 0.5 - pulls[i]);
            cost[i][s] = (i === 0 ? 0 : bestBefore) + here;
            from[i][s] = bestBeforeSlot;
        }
    }
    let slot = -1;
    for (let s = 0; s < columns; s++) if (slot < 0 || cost[n - 1][s] < cost[n - 1][slot] - 1e-9) slot = s;
    const slots = new Array<number>(n);
    for (let i = n - 1; i >= 0; i--) {
        slots[i] = slot;
        slot = from[i][slot];
    }
    return slots;
}

/** Every node's row and column, and every cell's order, as one text to compare sweeps by. */
function placesOf(grid: Grid): string {
    let text = '';
    for (const node of grid.nodes.values()) text += `${node.row},${node.colStart};`;
    for (const cell of grid.cells) text += `${cell.items.join(',')}|`;
    return text;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
