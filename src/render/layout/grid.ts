/**
 * Stage 1, the grid: columns are the phases' sub-columns (a phase gets as many as the most steps
 * one lane has in it, up to a limit, or as many as its touchpoints), rows are the lanes' tracks
 * and the touchpoint row on the line of interaction. Steps of a lane in one phase stand side by
 * side, in the order they happen; more than the limit, and steps spanning phases, take further
 * tracks. Which sub-column each step takes is left to the order stage.
 */
import type { BlueprintModel, StepModel } from '../../model/types.js';
import { M } from './metrics.js';

export interface GridNode {
    id: string;
    kind: 'step' | 'touchpoint';
    lane: number;
    row: number;
    /** First and last column the node stands in (sub-column index over the whole drawing). */
    colStart: number;
    colEnd: number;
    /**
     * The last column a step spanning phases reaches. It stands in the first column of its span
     * and a bar carries on to here: a card as wide as its span would wall off every arrow
     * between the lanes above and below it. For other nodes, colEnd.
     */
    spanEnd: number;
}

export interface GridRow { kind: 'track' | 'touchpoints'; lane: number }

/** The nodes one lane (or the touchpoint row) has in one phase: the order stage arranges them. */
export interface Cell {
    kind: 'steps' | 'touchpoints';
    phase: number;
    /** Rows of the cell, top first; items fill them left to right, `columns` at a time. */
    rows: number[];
    items: string[];
}

export interface Grid {
    phases: Array<{ firstColumn: number; columns: number }>;
    columns: number;
    rows: GridRow[];
    /** Rows of each lane, top first. */
    laneRows: number[][];
    /** The touchpoint row, or -1. */
    touchpointRow: number;
    nodes: Map<string, GridNode>;
    cells: Cell[];
}

export function buildGrid(model: BlueprintModel): Grid {
    const phaseCount = Math.max(1, model.phases.length);
    const singles = model.lanes.map(lane => groupByPhase(lane.steps.filter(step => step.phaseIndex === step.endPhaseIndex)));
    const touchpointsByPhase = new Map<number, string[]>();
    for (const touchpoint of model.touchpoints) push(touchpointsByPhase, touchpoint.phaseIndex, touchpoint.id);

    const phases: Grid['phases'] = [];
    let columns = 0;
    for (let p = 0; p < phaseCount; p++) {
        const most = Math.max(1, ...singles.map(byPhase => Math.min(M.maxSlotsPerPhase, byPhase.get(p)?.length ?? 0)), touchpointsByPhase.get(p)?.length ?? 0);
        phases.push({ firstColumn: columns, columns: most });
        columns += most;
    }
    const span = (from: number, to: number): [number, number] => [phases[from].firstColumn, phases[to].firstColumn + phases[to].columns - 1];

    const rows: GridRow[] = [];
    const laneRows: number[][] = [];
    const nodes = new Map<string, GridNode>();
    const cells: Cell[] = [];
    let touchpointRow = -1;
    const addTouchpointRow = () => {
        if (model.touchpoints.length === 0) return;
        touchpointRow = rows.length;
        rows.push({ kind: 'touchpoints', lane: -1 });
        for (const [phase, ids] of touchpointsByPhase) {
            cells.push({ kind: 'touchpoints', phase, rows: [touchpointRow], items: ids });
            const [first] = span(phase, phase);
            ids.forEach((id, i) => nodes.set(id, { id, kind: 'touchpoint', lane: -1, row: touchpointRow, colStart: first + i, colEnd: first + i, spanEnd: first + i }));
        }
    };

    model.lanes.forEach((lane, laneIndex) => {
        if (laneIndex === model.touchpointPosition) addTouchpointRow();
        const first = rows.length;
        // Tracks of the lane: which columns each one has taken (whole phases for the steps of a cell).
        const taken: boolean[][] = [];
        const takeTrack = (from: number, to: number, start = 0): number => {
            let track = start;
            while (taken[track]?.slice(from, to + 1).some(Boolean)) track++;
            taken[track] ??= [];
            for (let c = from; c <= to; c++) taken[track][c] = true;
            return track;
        };
        const placed: Array<{ id: string; track: number; from: number; to: number }> = [];
        for (const [phase, steps] of singles[laneIndex]) {
            const [from, to] = span(phase, phase);
            const width = phases[phase].columns;
            const trackCount = Math.ceil(steps.length / width);
            const tracks: number[] = [];
            for (let k = 0; k < trackCount; k++) tracks.push(takeTrack(from, to, tracks.length ? tracks[tracks.length - 1] + 1 : 0));
            const cell: Cell = { kind: 'steps', phase, rows: tracks.map(track => first + track), items: steps.map(step => step.id) };
            cells.push(cell);
            steps.forEach((step, i) => placed.push({ id: step.id, track: tracks[Math.floor(i / width)], from: from + (i % width), to: from + (i % width) }));
        }
        for (const step of lane.steps) {
            if (step.phaseIndex === step.endPhaseIndex) continue;
            const [from, to] = span(step.phaseIndex, step.endPhaseIndex);
            placed.push({ id: step.id, track: takeTrack(from, to), from, to });
        }
        const trackCount = Math.max(1, taken.length);
        const own: number[] = [];
        for (let k = 0; k < trackCount; k++) {
            own.push(rows.length);
            rows.push({ kind: 'track', lane: laneIndex });
        }
        laneRows.push(own);
        for (const entry of placed) {
            nodes.set(entry.id, { id: entry.id, kind: 'step', lane: laneIndex, row: first + entry.track, colStart: entry.from, colEnd: entry.from, spanEnd: entry.to });
        }
    });
    if (touchpointRow < 0 && model.touchpointPosition >= model.lanes.length) addTouchpointRow();
    return { phases, columns, rows, laneRows, touchpointRow, nodes, cells };
}

function groupByPhase(steps: StepModel[]): Map<number, StepModel[]> {
    const byPhase = new Map<number, StepModel[]>();
    for (const step of steps) push(byPhase, step.phaseIndex, step);
    return byPhase;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
