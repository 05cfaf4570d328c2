/**
 * Blueprint model → drawing geometry, as a pipeline of small stages (after ELK's layered
 * algorithm): grid → order → measure → route → place → labels → decorations. Pure and
 * deterministic: the same model gives the same numbers.
 */
import type { BlueprintModel } from '../../model/types.js';
import { formatDuration } from '../../model/format-duration.js';
import type { ArrowLayout, BlueprintLayout, Box, LayoutOptions, Point, TextBlock } from '../layout-types.js';
import { wrapText } from '../text.js';
import { BoxIndex } from './box-index.js';
import { hasEmotion, layoutEmotion } from './emotion.js';
import { Geometry, type GridSizes } from './geometry.js';
import { buildGrid, type Grid } from './grid.js';
import { layoutHeader, phaseExtents } from './header.js';
import { labelSize, placeArrowLabel } from './labels.js';
import { layoutLegend } from './legend.js';
import { fitTouchpoints, measure, type Measured } from './measure.js';
import { M } from './metrics.js';
import { orderGrid } from './order.js';
import { lineGutters, placeCards, placeLanes, placeLines, placeSections, placeTouchpoints, shapesIn, text } from './place.js';
import { gutterNeeds, pathOf, routeArrows, type Routing } from './route.js';

export { METRICS } from './metrics.js';
export { LINE_LABELS } from './place.js';

export function layoutBlueprint(model: BlueprintModel, options: LayoutOptions = {}): BlueprintLayout {
    // Grid and order: which column and row each step and touchpoint takes.
    const grid = buildGrid(model);
    const arrows = model.arrows.filter(arrow => grid.nodes.has(arrow.from) && grid.nodes.has(arrow.to));
    orderGrid(grid, arrows);
    // Measure, then route with the gutters at their base size, then size the gutters for their tracks.
    const measured = measure(model, grid, options);
    const lines = lineGutters(model, grid);
    const lineRows = new Set(lines.keys());
    const provisional = new Geometry(measured.base, 0, 0, grid.touchpointRow);
    const routing = routeArrows(grid, provisional, shapesIn(grid, provisional, measured), arrows, lineRows);
    const needs = gutterNeeds(routing.nudged, lineRows);
    const sizes: GridSizes = {
        columnWidths: [...measured.base.columnWidths],
        rowHeights: [...measured.base.rowHeights],
        columnGutters: measured.base.columnGutters.map((width, g) => Math.max(width, needs.column(g))),
        rowGutters: measured.base.rowGutters.map((height, h) => Math.max(height, needs.row(h)))
    };
    const touchpointCentre = fitTouchpoints(grid, measured, sizes, routing.radii);

    // Place, then label; where a label finds no free spot, the gutters its arrow crosses grow and
    // everything is placed again (twice at most: each round only adds room).
    let placed = place(model, options, grid, measured, sizes, routing, lines, touchpointCentre);
    for (let round = 0; round < 2 && placed.crowded.length > 0; round++) {
        sizes.rowGutters = sizes.rowGutters.map((height, h) => height + Math.max(0, ...placed.crowded.filter(c => c.rowGutters.has(h)).map(c => c.height + 8)));
        sizes.columnGutters = sizes.columnGutters.map((width, g) => width + Math.max(0, ...placed.crowded.filter(c => c.columnGutters.has(g)).map(c => c.width + 8)));
        placed = place(model, options, grid, measured, sizes, routing, lines, touchpointCentre);
    }
    const { header, geometry, cards, touchpoints, arrows: arrowLayouts, lanes, drawnLines, sections, touchpointHeader, emotionBox, width, left } = placed;

    // Decorations: the emotion curve, the duration row, the legend and the fail points in full.
    const extents = phaseExtents(grid, geometry);
    const cardById = new Map(cards.map(card => [card.id, card]));
    const emotion = emotionBox ? layoutEmotion(model, emotionBox, extents, cardById, options.beforeEmotion) : undefined;
    let y = geometry.bottom;
    let durations: BlueprintLayout['durations'];
    if (options.durations !== false && model.phases.some(p => p.duration)) {
        const box = { x: left, y: y + 6, width: geometry.right - left, height: M.durationHeight };
        const before = options.beforeFigures;
        const total = `Total ${formatDuration(model.totals.durationSeconds)}${model.totals.durationComplete ? '' : '+'}${before ? ` (was ${before.total})` : ''}`;
        durations = {
            box,
            total: text([total], left + 12, box.y + 25, 12, 'semibold', total),
            cells: model.phases.map((phase, index) => {
                const was = before?.durations[phase.id];
                const now = phase.duration?.text ?? '—';
                const cell = before && was !== (phase.duration?.text ?? '') ? `${now} (was ${was || '—'})` : now;
                return text([cell], extents[index].x + extents[index].width / 2, box.y + 25, 12, 'regular', cell, 'middle');
            })
        };
        y = box.y + box.height;
    }
    let legend: BlueprintLayout['legend'];
    if (options.legend !== false) {
        legend = layoutLegend(model, { arrows: arrowLayouts, cards, touchpoints, phases: header.phases, emotion }, { x: left, y: y + 16, width: geometry.right - left }, options.changes);
        y = legend.box.y + legend.box.height;
    }
    y += 12;
    // Fail points in full, numbered as on the cards: the drawing must read on paper too.
    const footnotes: TextBlock[] = [];
    for (const line of options.beforeFigures?.lines ?? []) {
        footnotes.push(text([line], left, y + 16, 11, 'semibold', line));
        y += 16;
    }
    for (const [note, number] of measured.fails) {
        const whole = `F${number}  ${note}`;
        const lines = wrapText(whole, geometry.right - left, 11);
        footnotes.push(text(lines, left, y + 16, 11, 'regular', whole));
        y += 16 + (lines.length - 1) * 14;
    }

    return {
        width,
        height: Math.ceil(y + M.margin),
        title: header.title,
        subtitle: header.subtitle,
        phases: header.phases,
        lanes,
        sections,
        lines: drawnLines,
        cards,
        touchpoints,
        touchpointHeader,
        arrows: arrowLayouts,
        emotion,
        durations,
        legend,
        footnotes,
        description: describe(model)
    };
}


interface Crowded { width: number; height: number; rowGutters: Set<number>; columnGutters: Set<number> }

/** Everything in pixels for given grid sizes, with the arrows' labels, and the labels that found no free spot. */
function place(model: BlueprintModel, options: LayoutOptions, grid: Grid, measured: Measured, sizes: GridSizes, routing: Routing, lines: Map<number, number>, touchpointCentre: number) {
    const lineRows = new Set(lines.keys());
    // The bands above the grid need the columns' final x.
    const left = M.margin + (model.sections.length ? M.sectionWidth : 0);
    const gridLeft = left + M.headerWidth;
    const columns = new Geometry(sizes, gridLeft, 0, grid.touchpointRow, touchpointCentre);
    const width = Math.ceil(columns.right + M.margin);
    const header = layoutHeader(model, grid, columns, width, options);
    let top = header.bottom;
    const emotionBox: Box | undefined = options.emotion !== false && hasEmotion(model)
        ? { x: left, y: top + 4, width: columns.right - left, height: M.emotionHeight - 12 }
        : undefined;
    if (emotionBox) top += M.emotionHeight;

    // Place: cards, touchpoints and arrows in pixels.
    const geometry = new Geometry(sizes, gridLeft, top, grid.touchpointRow, touchpointCentre);
    const shapes = shapesIn(grid, geometry, measured, routing.radii);
    const cards = placeCards(model, grid, geometry, shapes, measured);
    const touchpoints = placeTouchpoints(model, shapes, measured);
    const kinds = new Map(model.arrows.map(arrow => [arrow.id, arrow]));
    const rowRoom = (row: number) => measured.shortest[row] - 16;
    const arrowLayouts: ArrowLayout[] = routing.routes.map(route => {
        const arrow = kinds.get(route.id)!;
        return { id: arrow.id, from: arrow.from, to: arrow.to, kind: arrow.kind, points: simplify(pathOf(route, geometry, shapes, lineRows, rowRoom)), range: arrow.range };
    });
    const lanes = placeLanes(model, grid, geometry, measured, left);
    const drawnLines = placeLines(model, grid, geometry, lines, left);
    const sections = placeSections(model, lanes);
    const touchpointHeader = grid.touchpointRow >= 0
        ? text(['Touchpoints'], left + 12, geometry.rowY[grid.touchpointRow] + geometry.touchpointCentre() + 18, 11, 'semibold', 'Touchpoints')
        : undefined;

    // Labels: each arrow's label where it covers nothing else.
    const taken = new BoxIndex();
    for (const card of cards) {
        taken.add(card);
        if (card.span) taken.add(card.span);
    }
    for (const touchpoint of touchpoints) {
        taken.add({ x: touchpoint.cx - touchpoint.r, y: touchpoint.cy - touchpoint.r, width: 2 * touchpoint.r, height: 2 * touchpoint.r });
        taken.add(touchpoint.labelBox);
    }
    for (const line of drawnLines) taken.add({ x: line.x1, y: line.y - 1.5, width: line.x2 - line.x1, height: 3 });
    for (const arrow of arrowLayouts) {
        for (let i = 1; i < arrow.points.length; i++) taken.add(segmentBox(arrow.points[i - 1], arrow.points[i]), arrow.id);
    }
    const labelArea = { x: gridLeft, y: geometry.top, width: geometry.right - gridLeft, height: geometry.bottom - geometry.top };
    const crowded: Crowded[] = [];
    for (const arrow of arrowLayouts) {
        const label = kinds.get(arrow.id)!.label;
        if (!label || placeArrowLabel(arrow, label, taken, labelArea) === 0) continue;
        const route = routing.routes.find(r => r.id === arrow.id)!;
        const rowGutters = new Set<number>();
        const columnGutters = new Set<number>();
        // The gutters the arrow's runs cross (even channel numbers are gutters).
        for (const run of route.runs) {
            const [low, high] = [Math.min(run.from, run.to), Math.max(run.from, run.to)];
            for (let k = Math.ceil(low); k <= high; k++) if (k % 2 === 0) (run.horizontal ? columnGutters : rowGutters).add(k / 2);
        }
        crowded.push({ ...labelSize(label), rowGutters, columnGutters });
    }

    return { header, geometry, cards, touchpoints, arrows: arrowLayouts, lanes, drawnLines, sections, touchpointHeader, emotionBox, width, left, crowded };
}

function segmentBox(a: Point, b: Point): Box {
    return { x: Math.min(a.x, b.x) - 1, y: Math.min(a.y, b.y) - 1, width: Math.abs(a.x - b.x) + 2, height: Math.abs(a.y - b.y) + 2 };
}

/** Drops points that repeat or sit on a straight run. */
function simplify(points: Point[]): Point[] {
    const result: Point[] = [];
    const same = (a: number, b: number) => Math.abs(a - b) < 0.01;
    for (const point of points) {
        const last = result[result.length - 1];
        if (last && same(last.x, point.x) && same(last.y, point.y)) continue;
        const before = result[result.length - 2];
        if (before && last && ((same(before.x, last.x) && same(last.x, point.x)) || (same(before.y, last.y) && same(last.y, point.y)))) {
            result[result.length - 1] = point;
            continue;
        }
        result.push(point);
    }
    return result;
}

function describe(model: BlueprintModel): string {
    return `Service blueprint "${model.title}": ${model.phases.length} phases, ${model.lanes.length} lanes, `
        + `${model.totals.steps} steps, ${model.totals.touchpoints} touchpoints and ${model.totals.arrows} arrows.`;
}

