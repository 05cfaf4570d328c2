/**
 * Blueprint model → drawing geometry. Pure and deterministic: the same model gives the same
 * numbers. Columns are phases; rows are lane tracks (steps that would overlap in a lane are
 * stacked) plus one row for the touchpoints on the line of interaction.
 */
import type { BlueprintModel, LaneModel, StepModel, TouchpointModel } from '../model/types.js';
import { formatDuration } from '../language/duration.js';
import type {
    ArrowLayout, BlueprintLayout, Box, CardLayout, LayoutOptions, LineLayout, Point, TextBlock, TouchpointLayout
} from './layout-types.js';
import { portU, routeArrows, type GridNode, type GridRoute } from './route.js';
import { lineHeight, measureText, wrapText } from './text.js';

export const METRICS = {
    margin: 24,
    sectionWidth: 30,
    headerWidth: 172,
    cardWidth: 176,
    cardPadding: 10,
    titleSize: 13,
    titleLine: 17,
    markerSize: 11,
    markerRow: 18,
    minCardHeight: 44,
    maxTitleLines: 5,
    columnGutter: 28,
    laneGutter: 22,
    trackGutter: 12,
    slot: 8,
    phaseHeader: 58,
    touchpointRadius: 13,
    touchpointLabelSize: 11,
    labelSize: 11,
    emotionHeight: 104,
    durationHeight: 40
} as const;

const M = METRICS;

interface Row { kind: 'track' | 'touchpoints'; lane?: number; height: number }

export function layoutBlueprint(model: BlueprintModel, options: LayoutOptions = {}): BlueprintLayout {
    const show = { emotion: options.emotion ?? true, durations: options.durations ?? true, legend: options.legend ?? true };
    const columns = Math.max(1, model.phases.length);
    const hasSections = model.sections.length > 0;
    const failNumbers = numberFailPoints(model);

    // 1. Rows: lane tracks, and the touchpoint row where the spec draws touchpoints.
    const rows: Row[] = [];
    const laneRows: number[][] = [];
    const nodes = new Map<string, GridNode>();
    const cardDrafts = new Map<string, { step: StepModel; lane: LaneModel; title: string[]; height: number; markers: CardLayout['markers'] }>();
    const touchpointsByPhase = groupTouchpoints(model.touchpoints);
    const addTouchpointRow = () => {
        if (model.touchpoints.length === 0) return;
        const rowIndex = rows.length;
        const labelLines = Math.max(1, ...model.touchpoints.map(t => touchpointLabel(t, touchpointsByPhase).length));
        rows.push({ kind: 'touchpoints', height: 2 * M.touchpointRadius + 14 + labelLines * lineHeight(M.touchpointLabelSize) });
        for (const [phase, list] of touchpointsByPhase) {
            list.forEach((touchpoint, index) => nodes.set(touchpoint.id, { row: rowIndex, colStart: phase, colEnd: phase, slot: { index, of: list.length } }));
        }
    };
    model.lanes.forEach((lane, laneIndex) => {
        if (laneIndex === model.touchpointPosition) addTouchpointRow();
        const tracks = packTracks(lane.steps);
        const first = rows.length;
        const heights = new Array<number>(Math.max(1, tracks.count)).fill(M.minCardHeight);
        for (const step of lane.steps) {
            const width = cardWidthFor(step.phaseIndex, step.endPhaseIndex) - 2 * M.cardPadding;
            const title = wrapText(step.title, width, M.titleSize, 'regular', M.maxTitleLines);
            const markers = markersOf(step, lane, model, failNumbers);
            const height = 2 * M.cardPadding + title.length * M.titleLine + (markers.length > 0 ? M.markerRow : 0);
            const track = tracks.trackOf.get(step)!;
            heights[track] = Math.max(heights[track], height);
            cardDrafts.set(step.id, { step, lane, title, height, markers });
            nodes.set(step.id, { row: first + track, colStart: step.phaseIndex, colEnd: step.endPhaseIndex });
        }
        laneRows.push(heights.map((height, k) => {
            rows.push({ kind: 'track', lane: laneIndex, height });
            return first + k;
        }));
    });
    if (model.touchpointPosition >= model.lanes.length) addTouchpointRow();

    // 2. Routes in grid terms, then gutter sizes from the slots they need.
    const arrows = model.arrows.filter(a => nodes.has(a.from) && nodes.has(a.to));
    const routing = routeArrows(nodes, arrows, rows.length, columns);
    const labelled = new Set(arrows.filter(a => a.label).map(a => a.id));
    const rowGutterHeights = routing.rowGutterSlots.map((slots, gutter) => {
        const base = isLaneBoundary(gutter, rows) ? M.laneGutter : M.trackGutter;
        const labelRoom = routing.routes.some(r => labelled.has(r.id) && (r.startGutter === gutter || r.endGutter === gutter)) ? 18 : 0;
        return Math.max(base, 12 + slots * M.slot, labelRoom + slots * M.slot);
    });
    const columnGutterWidths = routing.colGutterSlots.map(slots => Math.max(M.columnGutter, 16 + slots * M.slot));

    // 3. Pixels: columns left to right, then the bands top to bottom.
    const left = M.margin + (hasSections ? M.sectionWidth : 0);
    const gridLeft = left + M.headerWidth;
    const columnX: number[] = [];
    const gutterX: number[] = [];
    let x = gridLeft;
    for (let c = 0; c <= columns; c++) {
        gutterX.push(x);
        x += columnGutterWidths[c];
        if (c < columns) {
            columnX.push(x);
            x += M.cardWidth;
        }
    }
    const gridRight = x;
    const width = gridRight + M.margin;

    let y: number = M.margin;
    const title = block([model.title], M.margin, y + 20, 20, 'semibold');
    y += 30;
    const subtitleText = [model.persona && `Persona: ${model.persona}`, model.status && `Status: ${model.status}`, model.description].filter(Boolean).join('  ·  ');
    const subtitle = subtitleText ? block(wrapText(subtitleText, width - 2 * M.margin, 12), M.margin, y + 14, 12) : undefined;
    y += subtitle ? subtitle.lines.length * 16 + 10 : 6;

    const phaseTop = y;
    const phases = model.phases.map((phase, index) => {
        const box = { x: columnX[index] - columnGutterWidths[index] / 2, y: phaseTop, width: M.cardWidth + (columnGutterWidths[index] + columnGutterWidths[index + 1]) / 2, height: M.phaseHeader };
        const lines = wrapText(phase.title, box.width - 12, 13, 'semibold', 2);
        return {
            id: phase.id,
            box,
            header: block(lines, box.x + box.width / 2, box.y + 20, 13, 'semibold', 'middle'),
            duration: phase.duration ? block([phase.duration.text], box.x + box.width / 2, box.y + 20 + lines.length * 16, 11, 'regular', 'middle') : undefined,
            range: phase.range
        };
    });
    y += M.phaseHeader;

    let emotion: BlueprintLayout['emotion'];
    const emotionY = y;
    const hasEmotion = show.emotion && (model.phases.some(p => p.emotionDerived !== undefined) || model.lanes.some(l => l.steps.some(s => s.emotion !== undefined)));
    if (hasEmotion) y += M.emotionHeight;

    // Rows and gutters.
    const rowTop: number[] = [];
    const gutterTop: number[] = [];
    for (let r = 0; r <= rows.length; r++) {
        gutterTop.push(y);
        y += rowGutterHeights[r];
        if (r < rows.length) {
            rowTop.push(y);
            y += rows[r].height;
        }
    }
    const gridBottom = y;
    const gutterMid = (g: number) => gutterTop[g] + rowGutterHeights[g] / 2;

    // Cards.
    const cards: CardLayout[] = [];
    for (const [id, draft] of cardDrafts) {
        const node = nodes.get(id)!;
        const box = { x: columnX[node.colStart], y: rowTop[node.row], width: columnX[node.colEnd] + M.cardWidth - columnX[node.colStart], height: rows[node.row].height };
        // Cards keep their own height, aligned to the top of their track.
        box.height = draft.height;
        const markerY = box.y + box.height - M.cardPadding - 2;
        let markerX = box.x + M.cardPadding;
        const markers = draft.markers.map(marker => {
            const placed = { ...marker, x: markerX, y: markerY };
            markerX += measureText(marker.text, M.markerSize) + (marker.kind === 'fail' || marker.kind === 'wait' ? 22 : 10);
            return placed;
        });
        const step = draft.step;
        cards.push({
            id, lane: draft.lane.id, kind: draft.lane.kind, ...box,
            title: block(draft.title, box.x + M.cardPadding, box.y + M.cardPadding + M.titleSize, M.titleSize),
            markers,
            hidden: step.visibilityExplicit && step.visibility === 'hidden',
            decision: step.decision,
            tooltip: stepTooltip(step, model),
            range: step.range
        });
    }
    const cardById = new Map(cards.map(card => [card.id, card]));

    // Touchpoints on the line of interaction.
    const touchpoints: TouchpointLayout[] = [];
    for (const touchpoint of model.touchpoints) {
        const node = nodes.get(touchpoint.id);
        if (!node) continue;
        const cx = xOfU(portU(node, { node: touchpoint.id, side: 'top', fraction: 0.5 }), columnX, gutterX, columnGutterWidths);
        const cy = rowTop[node.row] + M.touchpointRadius + 2;
        // Arrows meet a touchpoint on its centre line, so its label stands right of that line.
        const labelLines = touchpointLabel(touchpoint, touchpointsByPhase);
        const labelWidth = Math.max(...labelLines.map(line => measureText(line, M.touchpointLabelSize)));
        const labelTop = cy + M.touchpointRadius + 2;
        const labelX = cx + M.touchpointRadius * 0.6 + 4;
        touchpoints.push({
            id: touchpoint.id, cx, cy, r: M.touchpointRadius, channel: touchpoint.channel, contactType: touchpoint.contactType,
            label: block(labelLines, labelX + 2, labelTop + 11, M.touchpointLabelSize),
            labelBox: { x: labelX, y: labelTop, width: labelWidth + 4, height: labelLines.length * lineHeight(M.touchpointLabelSize) + 3 },
            tooltip: touchpointTooltip(touchpoint),
            range: touchpoint.range
        });
    }
    const touchpointById = new Map(touchpoints.map(t => [t.id, t]));

    // Arrows in pixels.
    const portPoint = (route: GridRoute, which: 'start' | 'end'): Point => {
        const port = route[which];
        const touchpoint = touchpointById.get(port.node);
        if (touchpoint) {
            // Spread like card ports, so two arrows between the same pair do not share one line.
            const x = touchpoint.cx + (port.fraction - 0.5) * touchpoint.r * 1.2;
            const dy = Math.sqrt(Math.max(0, touchpoint.r ** 2 - (x - touchpoint.cx) ** 2));
            return { x, y: port.side === 'top' ? touchpoint.cy - dy : touchpoint.cy + dy };
        }
        const card = cardById.get(port.node)!;
        const node = nodes.get(port.node)!;
        return { x: xOfU(portU(node, port), columnX, gutterX, columnGutterWidths), y: port.side === 'top' ? card.y : card.y + card.height };
    };
    const slotY = (gutter: number, slot: number, slots: number) => gutterMid(gutter) + (slot - (slots - 1) / 2) * M.slot;
    const arrowLayouts: ArrowLayout[] = [];
    const routes = new Map(routing.routes.map(route => [route.id, route]));
    // Labels keep clear of cards, touchpoint labels and each other.
    const taken = new BoxIndex();
    for (const card of cardById.values()) taken.add(card);
    for (const touchpoint of touchpoints) taken.add(touchpoint.labelBox);
    for (const arrow of arrows) {
        const route = routes.get(arrow.id)!;
        const start = portPoint(route, 'start');
        const end = portPoint(route, 'end');
        const y1 = slotY(route.startGutter, route.startSlot, routing.rowGutterSlots[route.startGutter]);
        const y2 = slotY(route.endGutter, route.endSlot, routing.rowGutterSlots[route.endGutter]);
        let points: Point[];
        if (route.trunk.kind === 'gutter') {
            const slots = routing.colGutterSlots[route.trunk.gutter];
            const trunkX = gutterX[route.trunk.gutter] + columnGutterWidths[route.trunk.gutter] / 2 + (route.trunk.slot - (slots - 1) / 2) * M.slot;
            points = [start, { x: start.x, y: y1 }, { x: trunkX, y: y1 }, { x: trunkX, y: y2 }, { x: end.x, y: y2 }, end];
        } else {
            points = [start, { x: start.x, y: y1 }, { x: end.x, y: y1 }, end];
        }
        const layout: ArrowLayout = { id: arrow.id, from: arrow.from, to: arrow.to, kind: arrow.kind, points: simplify(points), range: arrow.range };
        if (arrow.label) placeLabel(layout, arrow.label, taken);
        arrowLayouts.push(layout);
    }

    // Lanes, lines and sections.
    const laneBoxes = model.lanes.map((lane, index) => {
        const rowsOfLane = laneRows[index];
        const top = gutterMid(rowsOfLane[0]);
        const bottom = gutterMid(rowsOfLane[rowsOfLane.length - 1] + 1);
        const box = { x: left, y: top, width: gridRight - left, height: bottom - top };
        const headerLines = wrapText(lane.title, M.headerWidth - 20, 13, 'semibold', 3);
        const actor = lane.actor ? model.actors.find(a => a.id === lane.actor)?.title : undefined;
        return {
            id: lane.id, kind: lane.kind, box,
            header: block(headerLines, left + 12, top + 22, 13, 'semibold'),
            subtitle: block([actor ? `${lane.kind} · ${actor}` : lane.kind], left + 12, top + 22 + headerLines.length * 16, 11),
            range: lane.range
        };
    });
    const boundaryY = (position: number): number => {
        // The gutter between lane position-1 and lane position (touchpoint row counted as in between).
        if (position <= 0) return laneBoxes[0]?.box.y ?? gutterMid(0);
        if (position >= model.lanes.length) return laneBoxes[laneBoxes.length - 1]?.box.y + laneBoxes[laneBoxes.length - 1]?.box.height;
        return laneBoxes[position].box.y;
    };
    const touchpointRow = rows.findIndex(row => row.kind === 'touchpoints');
    const lines: LineLayout[] = model.lines.map(line => {
        const onTouchpoints = line.kind === 'interaction' && touchpointRow >= 0 && line.position === model.touchpointPosition;
        const lineY = onTouchpoints ? rowTop[touchpointRow] + M.touchpointRadius + 2 : boundaryY(line.position);
        return { kind: line.kind, y: lineY, label: line.label ?? LINE_LABELS[line.kind], x1: left, x2: gridRight, range: line.range };
    });
    const sections = model.sections.map(section => {
        const boxes = section.lanes.map(id => laneBoxes.find(l => l.id === id)!.box);
        const top = Math.min(...boxes.map(b => b.y));
        const bottom = Math.max(...boxes.map(b => b.y + b.height));
        const box = { x: M.margin, y: top, width: M.sectionWidth - 4, height: bottom - top };
        return { title: section.title, box, label: block([section.title], box.x + box.width / 2, box.y + box.height / 2, 12, 'semibold', 'middle') };
    });

    if (hasEmotion) emotion = layoutEmotion(model, { x: left, y: emotionY + 8, width: gridRight - left, height: M.emotionHeight - 16 }, columnX, cardById);

    y = gridBottom;
    let durations: BlueprintLayout['durations'];
    if (show.durations && model.phases.some(p => p.duration)) {
        const box = { x: left, y: y + 6, width: gridRight - left, height: M.durationHeight };
        const total = formatDuration(model.totals.durationSeconds) + (model.totals.durationComplete ? '' : '+');
        durations = {
            box,
            total: block([`Total ${total}`], left + 12, box.y + 25, 12, 'semibold'),
            cells: model.phases.map((phase, index) => block([phase.duration?.text ?? '—'], columnX[index] + M.cardWidth / 2, box.y + 25, 12, 'regular', 'middle'))
        };
        y = box.y + box.height;
    }

    let legend: BlueprintLayout['legend'];
    if (show.legend) {
        legend = layoutLegend(model, arrowLayouts, cards, { x: left, y: y + 16, width: gridRight - left });
        y = legend.box.y + legend.box.height;
    }
    y += 12;
    // Fail points in full, numbered as on the cards: the drawing must read on paper too.
    const footnotes = [...failNumbers.entries()].map(([text, number]) => {
        y += 16;
        return block(wrapText(`F${number}  ${text}`, gridRight - left, 11, 'regular', 1), left, y, 11);
    });

    return {
        width: Math.ceil(width),
        height: Math.ceil(y + M.margin),
        title,
        subtitle,
        phases,
        lanes: laneBoxes,
        sections,
        lines,
        cards,
        touchpoints,
        arrows: arrowLayouts,
        emotion,
        durations,
        legend,
        footnotes,
        description: describe(model)
    };
}

export const LINE_LABELS: Record<string, string> = {
    interaction: 'Line of interaction', visibility: 'Line of visibility', internal: 'Line of internal interaction',
    operation: 'Line of operation', implementation: 'Line of implementation', custom: 'Line'
};

function block(lines: string[], x: number, y: number, size: number, weight: TextBlock['weight'] = 'regular', anchor: TextBlock['anchor'] = 'start'): TextBlock {
    return { lines, x, y, size, weight, anchor };
}

/** Card width before gutters are known (the minimum), for wrapping titles. */
function cardWidthFor(start: number, end: number): number {
    return (end - start + 1) * M.cardWidth + (end - start) * M.columnGutter;
}

/** Steps of a lane in tracks: a step goes to the first track whose phases are free (source order). */
function packTracks(steps: StepModel[]): { count: number; trackOf: Map<StepModel, number> } {
    const busyUntil: Array<Array<[number, number]>> = [];
    const trackOf = new Map<StepModel, number>();
    for (const step of steps) {
        let track = busyUntil.findIndex(spans => spans.every(([a, b]) => step.endPhaseIndex < a || step.phaseIndex > b));
        if (track < 0) {
            track = busyUntil.length;
            busyUntil.push([]);
        }
        busyUntil[track].push([step.phaseIndex, step.endPhaseIndex]);
        trackOf.set(step, track);
    }
    return { count: busyUntil.length, trackOf };
}

function isLaneBoundary(gutter: number, rows: Row[]): boolean {
    const above = rows[gutter - 1];
    const below = rows[gutter];
    return !above || !below || above.lane !== below.lane || above.kind !== below.kind;
}

function groupTouchpoints(touchpoints: TouchpointModel[]): Map<number, TouchpointModel[]> {
    const byPhase = new Map<number, TouchpointModel[]>();
    for (const touchpoint of touchpoints) {
        const list = byPhase.get(touchpoint.phaseIndex) ?? [];
        list.push(touchpoint);
        byPhase.set(touchpoint.phaseIndex, list);
    }
    return byPhase;
}

function touchpointLabel(touchpoint: TouchpointModel, byPhase: Map<number, TouchpointModel[]>): string[] {
    const share = byPhase.get(touchpoint.phaseIndex)?.length ?? 1;
    // Half the touchpoint's share of the column: the label starts at the circle's centre line.
    return wrapText(touchpoint.title, (M.cardWidth + M.columnGutter) / share / 2 - 16, M.touchpointLabelSize, 'regular', 3);
}

/** Maps a column-unit position to pixels (columns are cards; integer positions fall in gutters). */
function xOfU(u: number, columnX: number[], gutterX: number[], gutterWidths: number[]): number {
    const column = Math.min(columnX.length - 1, Math.max(0, Math.floor(u)));
    const fraction = u - column;
    if (fraction <= 0) return gutterX[column] + gutterWidths[column] / 2;
    return columnX[column] + fraction * M.cardWidth;
}

/** Drops points that repeat or sit on a straight run. */
function simplify(points: Point[]): Point[] {
    const result: Point[] = [];
    for (const point of points) {
        const last = result[result.length - 1];
        if (last && Math.abs(last.x - point.x) < 0.01 && Math.abs(last.y - point.y) < 0.01) continue;
        const before = result[result.length - 2];
        if (before && last && ((Math.abs(before.x - last.x) < 0.01 && Math.abs(last.x - point.x) < 0.01) || (Math.abs(before.y - last.y) < 0.01 && Math.abs(last.y - point.y) < 0.01))) {
            result[result.length - 1] = point;
            continue;
        }
        result.push(point);
    }
    return result;
}

/**
 * A label centred on the arrow: on its longest horizontal run if that spot is free, else the
 * first free spot along its runs (longest first, then towards the ends); failing all, the first.
 */
function placeLabel(arrow: ArrowLayout, text: string, taken: BoxIndex): void {
    const lines = wrapText(text, 150, M.labelSize, 'regular', 2);
    const width = Math.max(...lines.map(line => measureText(line, M.labelSize))) + 8;
    const height = lines.length * lineHeight(M.labelSize) + 4;
    const runs = arrow.points.slice(1).map((b, i) => ({ a: arrow.points[i], b }))
        .map(run => ({ ...run, horizontal: Math.abs(run.a.y - run.b.y) < 0.01, length: Math.abs(run.a.x - run.b.x) + Math.abs(run.a.y - run.b.y) }))
        .sort((p, q) => Number(q.horizontal) - Number(p.horizontal) || q.length - p.length);
    const candidates: Box[] = [];
    for (const run of runs) {
        for (const t of [0.5, 0.3, 0.7, 0.15, 0.85]) {
            const cx = run.a.x + (run.b.x - run.a.x) * t;
            const cy = run.a.y + (run.b.y - run.a.y) * t;
            candidates.push({ x: cx - width / 2, y: cy - height / 2, width, height });
        }
    }
    const box = candidates.find(candidate => !taken.hits(candidate)) ?? candidates[0];
    taken.add(box);
    arrow.labelBox = box;
    arrow.label = block(lines, box.x + width / 2, box.y + 12, M.labelSize, 'regular', 'middle');
}

/** Boxes bucketed on a coarse grid, so each overlap test looks at a few neighbours only. */
class BoxIndex {
    private readonly cells = new Map<string, Box[]>();
    private static readonly SIZE = 160;

    add(box: Box): void {
        for (const key of this.keys(box)) {
            const list = this.cells.get(key);
            if (list) list.push(box);
            else this.cells.set(key, [box]);
        }
    }

    hits(box: Box): boolean {
        for (const key of this.keys(box)) {
            for (const other of this.cells.get(key) ?? []) {
                if (box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height) return true;
            }
        }
        return false;
    }

    private *keys(box: Box): Generator<string> {
        const size = BoxIndex.SIZE;
        for (let x = Math.floor(box.x / size); x <= Math.floor((box.x + box.width) / size); x++) {
            for (let y = Math.floor(box.y / size); y <= Math.floor((box.y + box.height) / size); y++) yield `${x},${y}`;
        }
    }
}

function numberFailPoints(model: BlueprintModel): Map<string, number> {
    const numbers = new Map<string, number>();
    for (const lane of model.lanes) {
        for (const step of lane.steps) for (const fail of step.fails) numbers.set(`${step.title}: ${fail}`, numbers.size + 1);
    }
    for (const touchpoint of model.touchpoints) for (const fail of touchpoint.fails) numbers.set(`${touchpoint.title}: ${fail}`, numbers.size + 1);
    return numbers;
}

function markersOf(step: StepModel, lane: LaneModel, model: BlueprintModel, failNumbers: Map<string, number>): CardLayout['markers'] {
    const markers: CardLayout['markers'] = [];
    for (const fail of step.fails) markers.push({ kind: 'fail', x: 0, y: 0, text: `F${failNumbers.get(`${step.title}: ${fail}`)}`, tooltip: `Fail point: ${fail}` });
    if (step.wait) markers.push({ kind: 'wait', x: 0, y: 0, text: step.wait.text, tooltip: `Wait point: ${step.wait.text}${step.wait.note ? ` — ${step.wait.note}` : ''}` });
    if (step.link) markers.push({ kind: 'link', x: 0, y: 0, text: step.link.blueprint, tooltip: `Opens the blueprint '${step.link.blueprint}'` });
    if (step.actor && step.actor !== lane.actor) {
        const actor = model.actors.find(a => a.id === step.actor)?.title ?? step.actor;
        markers.push({ kind: 'actor', x: 0, y: 0, text: actor, tooltip: `Done by ${actor}` });
    }
    return markers;
}

function stepTooltip(step: StepModel, model: BlueprintModel): string {
    const phase = (index: number) => model.phases[index]?.title ?? '';
    const parts = [step.title];
    if (step.description) parts.push(step.description);
    parts.push(step.phaseIndex === step.endPhaseIndex ? `Phase: ${phase(step.phaseIndex)}` : `Phases: ${phase(step.phaseIndex)} – ${phase(step.endPhaseIndex)}`);
    if (step.duration) parts.push(`Duration: ${step.duration.text}`);
    if (step.actor) parts.push(`Actor: ${model.actors.find(a => a.id === step.actor)?.title ?? step.actor}`);
    if (step.systems.length) parts.push(`Systems: ${step.systems.map(id => model.systems.find(s => s.id === id)?.title ?? id).join(', ')}`);
    for (const fail of step.fails) parts.push(`Fail point: ${fail}`);
    if (step.wait) parts.push(`Wait: ${step.wait.text}${step.wait.note ? ` — ${step.wait.note}` : ''}`);
    for (const pain of step.pains) parts.push(`Pain: ${pain}`);
    for (const opportunity of step.opportunities) parts.push(`Opportunity: ${opportunity}`);
    return parts.join('\n');
}

function touchpointTooltip(touchpoint: TouchpointModel): string {
    const parts = [touchpoint.title];
    if (touchpoint.channel) parts.push(`Channel: ${touchpoint.channel}${touchpoint.contactType ? ` (${touchpoint.contactType})` : ''}`);
    for (const fail of touchpoint.fails) parts.push(`Fail point: ${fail}`);
    return parts.join('\n');
}

function layoutEmotion(model: BlueprintModel, box: Box, columnX: number[], cards: Map<string, CardLayout>): NonNullable<BlueprintLayout['emotion']> {
    const yOf = (value: number) => box.y + 8 + ((2 - value) * (box.height - 16)) / 4;
    const levels = [2, 1, 0, -1, -2].map(value => ({ value, y: yOf(value) }));
    const curve = model.phases
        .filter(phase => phase.emotionDerived !== undefined)
        .map(phase => ({ x: columnX[phase.index] + M.cardWidth / 2, y: yOf(phase.emotionDerived!) }));
    const points = model.lanes.flatMap(lane => lane.steps)
        .filter(step => step.emotion !== undefined && cards.has(step.id))
        .map(step => {
            const card = cards.get(step.id)!;
            return { id: step.id, value: step.emotion!, x: card.x + card.width / 2, y: yOf(step.emotion!) };
        });
    return { box, levels, curve, points };
}

function layoutLegend(model: BlueprintModel, arrows: ArrowLayout[], cards: CardLayout[], area: { x: number; y: number; width: number }): NonNullable<BlueprintLayout['legend']> {
    const entries: Array<{ kind: string; label: string }> = [];
    const kinds = new Set(arrows.map(a => a.kind));
    const arrowLabels: Record<string, string> = { flow: 'Flow', 'two-way': 'Two-way', async: 'Asynchronous', enables: 'Enables' };
    for (const kind of ['flow', 'two-way', 'async', 'enables']) if (kinds.has(kind as never)) entries.push({ kind: `arrow-${kind}`, label: arrowLabels[kind] });
    const contactTypes = new Map<string, Set<string>>();
    for (const touchpoint of model.touchpoints) {
        const type = touchpoint.contactType ?? 'other';
        const set = contactTypes.get(type) ?? new Set<string>();
        if (touchpoint.channel) set.add(touchpoint.channel);
        contactTypes.set(type, set);
    }
    for (const [type, channels] of contactTypes) entries.push({ kind: `contact-${type}`, label: `${type}${channels.size ? ` (${[...channels].join(', ')})` : ''}` });
    if (cards.some(c => c.markers.some(m => m.kind === 'fail')) || model.touchpoints.some(t => t.fails.length)) entries.push({ kind: 'marker-fail', label: 'Fail point' });
    if (cards.some(c => c.markers.some(m => m.kind === 'wait'))) entries.push({ kind: 'marker-wait', label: 'Wait point' });
    if (cards.some(c => c.decision)) entries.push({ kind: 'marker-decision', label: 'Decision' });
    if (cards.some(c => c.hidden)) entries.push({ kind: 'marker-hidden', label: 'Hidden from the customer' });
    if (cards.some(c => c.markers.some(m => m.kind === 'link'))) entries.push({ kind: 'marker-link', label: 'Linked blueprint' });
    const items: Array<{ kind: string; label: string; x: number; y: number }> = [];
    let x = area.x;
    let y = area.y + 24;
    for (const entry of entries) {
        const itemWidth = 44 + measureText(entry.label, 12) + 24;
        if (x + itemWidth > area.x + area.width && x > area.x) {
            x = area.x;
            y += 24;
        }
        items.push({ ...entry, x, y });
        x += itemWidth;
    }
    return { box: { x: area.x, y: area.y, width: area.width, height: y - area.y + 12 }, items };
}

function describe(model: BlueprintModel): string {
    return `Service blueprint "${model.title}": ${model.phases.length} phases, ${model.lanes.length} lanes, `
        + `${model.totals.steps} steps, ${model.totals.touchpoints} touchpoints and ${model.totals.arrows} arrows.`;
}
