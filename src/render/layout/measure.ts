/**
 * Stage 3, measure: the size of everything in the grid before any arrow is routed. A column is
 * as wide as its widest word needs (a touchpoint's column also leaves its label room beside the
 * arrows); a row as tall as its tallest card; a lane at least as tall as its header, with room
 * at its foot for the label of a line drawn there.
 */
import type { BlueprintModel, LaneModel, StepModel } from '../../model/types.js';
import type { LayoutOptions } from '../layout-types.js';
import { lineHeight, longestUnit, wrapText } from '../text.js';
import { notesMinWidth, notesToDraw } from './notes.js';
import { numberFailPoints, stepContent, touchpointColumnWidth, touchpointContent, touchpointLabelWidth, type Body, type Content } from './content.js';
import type { GridSizes } from './geometry.js';
import type { Grid } from './grid.js';
import { M } from './metrics.js';

export interface Measured {
    contents: Map<string, Content>;
    /** Cards and touchpoint labels laid out at their column's width. */
    bodies: Map<string, Body>;
    fails: Map<string, number>;
    /** Sizes with every gutter at its base size. */
    base: GridSizes;
    /** Per row, the shortest card (side ports and runs through a row keep within it). */
    shortest: number[];
    /** Each lane's header: its title's lines, and the lines of its kind (with its actor). */
    laneHeaders: Array<{ title: string[]; kind: string; kindLines: string[] }>;
}

export const LANE_HEADER = { size: 13, line: 16, top: 22, subtitle: 14, maxLines: 8 } as const;

export function measure(model: BlueprintModel, grid: Grid, options: LayoutOptions): Measured {
    const fails = numberFailPoints(model);
    const contents = new Map<string, Content>();
    const stepOf = new Map<string, { step: StepModel; lane: LaneModel }>();
    for (const lane of model.lanes) {
        for (const step of lane.steps) {
            stepOf.set(step.id, { step, lane });
            if (grid.nodes.has(step.id)) contents.set(step.id, stepContent(step, lane, model, fails, options));
        }
    }
    for (const touchpoint of model.touchpoints) {
        if (grid.nodes.has(touchpoint.id)) contents.set(touchpoint.id, touchpointContent(touchpoint, model, fails, options));
    }

    const columnWidths = new Array<number>(grid.columns).fill(M.cardWidth);
    for (const node of grid.nodes.values()) {
        const content = contents.get(node.id)!;
        const need = node.kind === 'touchpoint' ? touchpointColumnWidth(content.minWidth) : content.minWidth;
        columnWidths[node.colStart] = Math.max(columnWidths[node.colStart], need);
    }
    const columnGutters = new Array<number>(grid.columns + 1).fill(M.columnGutter);
    const spanWidth = (from: number, to: number) => {
        let width = 0;
        for (let c = from; c <= to; c++) width += columnWidths[c] + (c > from ? columnGutters[c] : 0);
        return width;
    };
    // A phase as wide as its title's longest word and its notes need.
    grid.phases.forEach((phase, index) => {
        const own = model.phases[index];
        if (!own) return;
        const need = Math.max(longestUnit(own.title, M.phaseTitleSize, 'semibold') + 16, notesMinWidth(notesToDraw(own, options)) + 12);
        const last = phase.firstColumn + phase.columns - 1;
        const lack = need - spanWidth(phase.firstColumn, last) - M.columnGutter;
        if (lack > 0) columnWidths[last] += lack;
    });

    const bodies = new Map<string, Body>();
    const rowHeights = grid.rows.map((): number => M.minCardHeight);
    const shortest = grid.rows.map(() => Infinity);
    for (const node of grid.nodes.values()) {
        const content = contents.get(node.id)!;
        if (node.kind === 'touchpoint') {
            const body = content.layout(touchpointLabelWidth(columnWidths[node.colStart]));
            bodies.set(node.id, body);
            rowHeights[node.row] = Math.max(rowHeights[node.row], touchpointRowHeight(M.touchpointRadius + 3, M.touchpointRadius, body));
        } else {
            const body = content.layout(columnWidths[node.colStart]);
            bodies.set(node.id, body);
            rowHeights[node.row] = Math.max(rowHeights[node.row], body.height);
            shortest[node.row] = Math.min(shortest[node.row], body.height);
        }
    }

    const rowGutters = grid.rows.map((_, h) => isLaneBoundary(grid, h) ? M.laneGutter : M.trackGutter);
    rowGutters.push(M.laneGutter);
    // Lanes at least as tall as their header, plus the foot where a line's label may stand.
    const laneHeaders = model.lanes.map(lane => {
        const actor = lane.actor ? model.actors.find(a => a.id === lane.actor)?.title : undefined;
        const kind = actor ? `${lane.kind} · ${actor}` : lane.kind;
        return { title: wrapText(lane.title, M.headerWidth - 24, LANE_HEADER.size, 'semibold', LANE_HEADER.maxLines), kind, kindLines: wrapText(kind, M.headerWidth - 24, 11) };
    });
    grid.laneRows.forEach((rows, laneIndex) => {
        const header = laneHeaders[laneIndex];
        const need = LANE_HEADER.top + header.title.length * LANE_HEADER.line + header.kindLines.length * LANE_HEADER.subtitle + lineHeight(10) + 4;
        let have = rowGutters[rows[0]] / 2 + rowGutters[rows[rows.length - 1] + 1] / 2;
        rows.forEach((row, k) => { have += rowHeights[row] + (k > 0 ? rowGutters[row] : 0); });
        if (need > have) rowHeights[rows[rows.length - 1]] += need - have;
    });
    return {
        contents, bodies, fails, laneHeaders,
        base: { columnWidths, columnGutters, rowHeights, rowGutters },
        shortest: shortest.map(height => (Number.isFinite(height) ? height : M.minCardHeight))
    };
}

/** Whether the row gutter above row h lies between two lanes (or at the grid's edge). */
export function isLaneBoundary(grid: Grid, h: number): boolean {
    const above = grid.rows[h - 1];
    const below = grid.rows[h];
    return !above || !below || above.lane !== below.lane || above.kind !== below.kind;
}

function touchpointRowHeight(centre: number, r: number, body: Body): number {
    return centre + Math.max(r + 4, body.height + 6);
}

/**
 * Once routing has sized the circles (routes.ts radii): each touchpoint's label laid out again
 * beside its own circle, its column widened if the label needs it, and the touchpoint row's
 * height. Returns where the line crosses the row, below its top. Changes `sizes` and `measured`.
 */
export function fitTouchpoints(grid: Grid, measured: Measured, sizes: GridSizes, radii: Map<string, number>): number {
    const centre = Math.max(M.touchpointRadius, ...radii.values()) + 3;
    if (grid.touchpointRow < 0) return centre;
    let height: number = M.minCardHeight;
    for (const node of grid.nodes.values()) {
        if (node.kind !== 'touchpoint') continue;
        const r = radii.get(node.id) ?? M.touchpointRadius;
        const content = measured.contents.get(node.id)!;
        const column = node.colStart;
        sizes.columnWidths[column] = Math.max(sizes.columnWidths[column], touchpointColumnWidth(content.minWidth, r));
        const body = content.layout(touchpointLabelWidth(sizes.columnWidths[column], r), r);
        measured.bodies.set(node.id, body);
        height = Math.max(height, touchpointRowHeight(centre, r, body));
    }
    sizes.rowHeights[grid.touchpointRow] = height;
    return centre;
}
