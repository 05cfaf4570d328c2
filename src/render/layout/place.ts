/**
 * Stage 5, place: pixels for what stands in the grid, once the gutters are sized for the arrows:
 * cards, touchpoints, lanes with their headers, the drawn lines and the section bands.
 */
import type { BlueprintModel } from '../../model/types.js';
import type { Box, CardLayout, LaneLayout, LineLayout, MarkerLayout, NoteLayout, SectionLayout, TextBlock, TouchpointLayout } from '../layout-types.js';
import type { Body } from './content.js';
import type { Geometry } from './geometry.js';
import type { Grid } from './grid.js';
import { LANE_HEADER, type Measured } from './measure.js';
import { M } from './metrics.js';
import type { Shape } from './route.js';
import { stepTooltip, touchpointTooltip } from './tooltips.js';
import { markerBox, textBox } from '../text-box.js';

export const LINE_LABELS: Record<string, string> = {
    interaction: 'Line of interaction', visibility: 'Line of visibility', internal: 'Line of internal interaction',
    operation: 'Line of operation', implementation: 'Line of implementation', custom: 'Line'
};

/** The row gutters the model's lines are drawn in (the line of interaction through the touchpoint row is not one). */
export function lineGutters(model: BlueprintModel, grid: Grid): Map<number, number> {
    const gutters = new Map<number, number>();
    if (grid.laneRows.length === 0) return gutters;
    model.lines.forEach((line, index) => {
        if (onTouchpointRow(model, grid, line.kind, line.position)) return;
        const gutter = line.position >= grid.laneRows.length ? grid.rows.length : grid.laneRows[Math.max(0, line.position)][0];
        gutters.set(gutter, index);
    });
    return gutters;
}

function onTouchpointRow(model: BlueprintModel, grid: Grid, kind: string, position: number): boolean {
    return kind === 'interaction' && grid.touchpointRow >= 0 && position === model.touchpointPosition;
}

/** Shapes of the nodes for routing, in a geometry's pixels. */
export function shapesIn(grid: Grid, geometry: Geometry, measured: Measured, radii?: Map<string, number>): Map<string, Shape> {
    const shapes = new Map<string, Shape>();
    for (const node of grid.nodes.values()) {
        const x = geometry.columnX[node.colStart];
        const y = geometry.rowY[node.row];
        if (node.kind === 'touchpoint') {
            shapes.set(node.id, { kind: 'circle', cx: x + geometry.sizes.columnWidths[node.colStart] / 2, cy: y + geometry.touchpointCentre(), r: radii?.get(node.id) ?? M.touchpointRadius });
        } else {
            shapes.set(node.id, { kind: 'box', box: { x, y, width: geometry.columnRight(node.colEnd) - x, height: measured.bodies.get(node.id)!.height } });
        }
    }
    return shapes;
}

/** The bar of a step spanning phases: from its card's side to the end of its last phase, through its row's run. */
export const SPAN_BAR = { top: M.rowChannel - 3, height: 6, gap: 0 } as const;

export function placeCards(model: BlueprintModel, grid: Grid, geometry: Geometry, shapes: Map<string, Shape>, measured: Measured): CardLayout[] {
    const cards: CardLayout[] = [];
    for (const lane of model.lanes) {
        for (const step of lane.steps) {
            const shape = shapes.get(step.id);
            if (!shape || shape.kind !== 'box') continue;
            const { box } = shape;
            const body = measured.bodies.get(step.id)!;
            const node = grid.nodes.get(step.id)!;
            const spanRight = geometry.columnRight(node.spanEnd) - 2;
            const span = node.spanEnd > node.colEnd
                ? { x: box.x + box.width + SPAN_BAR.gap, y: box.y + SPAN_BAR.top, width: spanRight - box.x - box.width - SPAN_BAR.gap, height: SPAN_BAR.height }
                : undefined;
            cards.push({
                id: step.id, lane: lane.id, kind: lane.kind, ...box,
                ...moved(body, box.x, box.y),
                span,
                hidden: step.visibilityExplicit && step.visibility === 'hidden',
                decision: step.decision,
                tooltip: stepTooltip(step, model).join('\n'),
                range: step.range
            });
        }
    }
    return cards;
}

export function placeTouchpoints(model: BlueprintModel, shapes: Map<string, Shape>, measured: Measured): TouchpointLayout[] {
    const touchpoints: TouchpointLayout[] = [];
    for (const touchpoint of model.touchpoints) {
        const shape = shapes.get(touchpoint.id);
        if (!shape || shape.kind !== 'circle') continue;
        const body = measured.bodies.get(touchpoint.id)!;
        const placed = moved(body, shape.cx, shape.cy);
        const parts: Box[] = [textBox(placed.title), ...placed.markers.map(markerBox), ...placed.notes.map(note => note.box)];
        touchpoints.push({
            id: touchpoint.id, cx: shape.cx, cy: shape.cy, r: shape.r,
            channel: touchpoint.channel, contactType: touchpoint.contactType,
            failed: touchpoint.fails.length > 0,
            ...placed,
            label: placed.title,
            labelBox: union(parts, 2),
            tooltip: touchpointTooltip(touchpoint, model).join('\n'),
            range: touchpoint.range
        });
    }
    return touchpoints;
}

export function placeLanes(model: BlueprintModel, grid: Grid, geometry: Geometry, measured: Measured, left: number): LaneLayout[] {
    return model.lanes.map((lane, index) => {
        const rows = grid.laneRows[index];
        const top = geometry.gutterMiddle(rows[0]);
        const bottom = geometry.gutterMiddle(rows[rows.length - 1] + 1);
        const { title, kind, kindLines } = measured.laneHeaders[index];
        return {
            id: lane.id, kind: lane.kind,
            box: { x: left, y: top, width: geometry.right - left, height: bottom - top },
            header: text(title, left + 12, top + LANE_HEADER.top, LANE_HEADER.size, 'semibold', lane.title),
            subtitle: text(kindLines, left + 12, top + LANE_HEADER.top + title.length * LANE_HEADER.line, 11, 'regular', kind),
            range: lane.range
        };
    });
}

export function placeLines(model: BlueprintModel, grid: Grid, geometry: Geometry, gutters: Map<number, number>, left: number): LineLayout[] {
    const gutterOf = new Map([...gutters].map(([gutter, index]) => [index, gutter]));
    return model.lines.map((line, index) => {
        const y = onTouchpointRow(model, grid, line.kind, line.position)
            ? geometry.rowY[grid.touchpointRow] + geometry.touchpointCentre()
            : geometry.gutterMiddle(gutterOf.get(index) ?? 0);
        const label = line.label ?? LINE_LABELS[line.kind];
        return { kind: line.kind, y, label: text([label], left + 12, y - 5, 10, 'semibold', label), x1: left, x2: geometry.right, range: line.range };
    });
}

export function placeSections(model: BlueprintModel, lanes: LaneLayout[]): SectionLayout[] {
    return model.sections.map(section => {
        const boxes = section.lanes.map(id => lanes.find(l => l.id === id)?.box).filter((box): box is Box => box !== undefined);
        const top = Math.min(...boxes.map(b => b.y));
        const bottom = Math.max(...boxes.map(b => b.y + b.height));
        const box = { x: M.margin, y: top, width: M.sectionWidth - 4, height: bottom - top };
        return { title: section.title, box, label: text([section.title], box.x + box.width / 2, box.y + box.height / 2, 12, 'semibold', section.title, 'middle') };
    });
}

/** A body laid out at the origin, moved to (x, y). */
function moved(body: Body, x: number, y: number): { title: TextBlock; markers: MarkerLayout[]; notes: NoteLayout[] } {
    return {
        title: shift(body.title, x, y),
        markers: body.markers.map(marker => ({ ...marker, x: marker.x + x, y: marker.y + y, label: shift(marker.label, x, y) })),
        notes: body.notes.map(note => ({ ...note, box: { ...note.box, x: note.box.x + x, y: note.box.y + y }, label: shift(note.label, x, y) }))
    };
}

function shift(block: TextBlock, x: number, y: number): TextBlock {
    return { ...block, x: block.x + x, y: block.y + y };
}

export function text(lines: string[], x: number, y: number, size: number, weight: TextBlock['weight'], whole: string, anchor: TextBlock['anchor'] = 'start'): TextBlock {
    return { lines, x, y, size, weight, anchor, text: whole };
}

function union(boxes: Box[], pad: number): Box {
    const x = Math.min(...boxes.map(b => b.x)) - pad;
    const y = Math.min(...boxes.map(b => b.y)) - pad;
    const right = Math.max(...boxes.map(b => b.x + b.width)) + pad;
    const bottom = Math.max(...boxes.map(b => b.y + b.height)) + pad;
    return { x, y, width: right - x, height: bottom - y };
}
