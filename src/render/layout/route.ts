/**
 * Stage 4, route: every arrow's way through the grid's channels (route-search.ts on
 * route-graph.ts), shortest arrows first so the long ones go round them, then nudged apart
 * (nudge.ts). The routes are abstract (channels and tracks); `pathOf` turns one into pixels once
 * the gutters have been sized for their tracks.
 */
import type { Box, Point } from '../layout-types.js';
import type { Geometry } from './geometry.js';
import type { Grid } from './grid.js';
import { M } from './metrics.js';
import { nudge, type Nudged } from './nudge.js';
import { RouteGraph } from './route-graph.js';
import { toRoute } from './route-runs.js';
import { RouteSearch } from './route-search.js';
import type { AbstractRoute, GridArrow, Run, Side } from './route-types.js';

/** A node's outline for routing: a card's box, or a touchpoint's circle. */
export type Shape = { kind: 'box'; box: Box } | { kind: 'circle'; cx: number; cy: number; r: number };

export interface Routing {
    routes: AbstractRoute[];
    nudged: Nudged;
    /** Each touchpoint's radius: larger where many arrows meet one side of it, so they stay apart. */
    radii: Map<string, number>;
}

export function routeArrows(grid: Grid, geometry: Geometry, shapes: Map<string, Shape>, arrows: GridArrow[], lineGutters: Set<number>): Routing {
    const graph = new RouteGraph(grid, geometry, lineGutters);
    const search = new RouteSearch(graph);
    const centre = (id: string) => {
        const box = bounds(shapes.get(id)!);
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    const distance = (arrow: GridArrow) => {
        const a = centre(arrow.from);
        const b = centre(arrow.to);
        return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
    };
    const portsOf = (id: string) => {
        const box = bounds(shapes.get(id)!);
        return graph.ports(grid.nodes.get(id)!, box.y, box.y + box.height, box.x, box.x + box.width);
    };
    const routes = new Map<string, AbstractRoute>();
    const byLength = arrows.map(arrow => ({ arrow, length: distance(arrow) })).sort((a, b) => a.length - b.length);
    for (const { arrow } of byLength) {
        let starts = portsOf(arrow.from);
        let ends = portsOf(arrow.to);
        // A loop leaves on one side and comes back on another.
        if (arrow.from === arrow.to) {
            starts = starts.filter(port => port.side === 'right');
            ends = ends.filter(port => port.side === 'top');
        }
        const found = search.find(starts, ends);
        if (!found) continue;
        graph.record(found.path, found.axes);
        routes.set(arrow.id, toRoute(arrow, found.path, found.axes, found.start, found.end, graph, grid));
    }
    // Back in the model's order: the drawing and its tests read arrows as written.
    const ordered = arrows.map(arrow => routes.get(arrow.id)).filter((route): route is AbstractRoute => route !== undefined);
    const nudged = nudge(ordered);
    return { routes: ordered, nudged, radii: fitCircles(nudged, grid) };
}

/** A circle wide enough for the arrows on its busier side to meet it a track apart. */
export function radiusFor(arrowsOnOneSide: number): number {
    return Math.min(M.maxTouchpointRadius, Math.max(M.touchpointRadius, (M.minRunSeparation * (arrowsOnOneSide - 1)) / SQUEEZE));
}

/** Of a circle's radius, how much the arrows meeting it may spread over. */
const SQUEEZE = 1.7;

/**
 * Each touchpoint's radius, from the most runs drawn side by side where arrows meet it; and each
 * such group of runs squeezed to the smallest circle among them.
 */
function fitCircles(nudged: Nudged, grid: Grid): Map<string, number> {
    const radii = new Map<string, number>();
    for (const node of grid.nodes.values()) if (node.kind === 'touchpoint') radii.set(node.id, M.touchpointRadius);
    for (const group of nudged.groups) {
        for (const run of group) if (run.touchpoint !== undefined) radii.set(run.touchpoint, Math.max(radii.get(run.touchpoint)!, radiusFor(group.length)));
    }
    for (const group of nudged.groups) {
        const touching = group.filter(run => run.touchpoint !== undefined).map(run => radii.get(run.touchpoint!)!);
        const squeeze = touching.length ? Math.min(...touching) : 0;
        for (const run of group) run.squeeze = squeeze;
    }
    return radii;
}

function bounds(shape: Shape): Box {
    return shape.kind === 'box' ? shape.box : { x: shape.cx - shape.r, y: shape.cy - shape.r, width: 2 * shape.r, height: 2 * shape.r };
}

/** Sizes the gutters need for their tracks: column gutters (per vertical channel 2g) and row gutters (2h). */
export function gutterNeeds(nudged: Nudged, lineGutters: Set<number>): { column: (g: number) => number; row: (h: number) => number } {
    return {
        column: g => (nudged.verticalTracks.get(2 * g) ?? 0) * M.trackSpacing + 14,
        row: h => {
            const tracks = nudged.horizontalTracks.get(2 * h) ?? 0;
            if (!lineGutters.has(h)) return tracks * M.trackSpacing + 10;
            const side = Math.ceil(tracks / 2);
            return tracks === 0 ? 0 : 2 * (M.lineClearance + (side - 1) * M.trackSpacing) + 12;
        }
    };
}

/**
 * Pixel coordinate of a run across its channel: its track's place around the channel's centre
 * line, or on either side of a drawn line; squeezed where the room is small (a row's side ports,
 * a touchpoint's circle).
 */
function across(run: Run, geometry: Geometry, lineGutters: Set<number>, rowRoom: (row: number) => number): number {
    const centre = run.horizontal ? geometry.channelY(run.channel) : geometry.channelX(run.channel);
    let spacing: number = M.trackSpacing;
    if (run.horizontal && run.channel % 2 === 0 && lineGutters.has(run.channel / 2)) {
        const above = Math.ceil(run.tracks / 2);
        return run.track < above
            ? centre - M.lineClearance - (above - 1 - run.track) * spacing
            : centre + M.lineClearance + (run.track - above) * spacing;
    }
    if (run.horizontal && run.channel % 2 === 1 && run.tracks > 1) spacing = Math.min(spacing, rowRoom((run.channel - 1) / 2) / (run.tracks - 1));
    if (!run.horizontal && run.squeeze > 0 && run.tracks > 1) spacing = Math.min(spacing, (SQUEEZE * run.squeeze) / (run.tracks - 1));
    return centre + (run.track - (run.tracks - 1) / 2) * spacing;
}

/** A route in pixels: from the source's edge through each run's corner to the target's edge. */
export function pathOf(route: AbstractRoute, geometry: Geometry, shapes: Map<string, Shape>, lineGutters: Set<number>, rowRoom: (row: number) => number): Point[] {
    const positions = route.runs.map(run => across(run, geometry, lineGutters, rowRoom));
    const points: Point[] = [];
    const first = route.runs[0];
    points.push(portPoint(shapes.get(route.from)!, route.startSide, positions[0], first.horizontal));
    for (let i = 0; i + 1 < route.runs.length; i++) {
        const run = route.runs[i];
        points.push(run.horizontal ? { x: positions[i + 1], y: positions[i] } : { x: positions[i], y: positions[i + 1] });
    }
    const last = route.runs[route.runs.length - 1];
    points.push(portPoint(shapes.get(route.to)!, route.endSide, positions[positions.length - 1], last.horizontal));
    return points;
}

function portPoint(shape: Shape, side: Side, position: number, horizontal: boolean): Point {
    if (shape.kind === 'circle') {
        const dx = Math.max(-shape.r, Math.min(shape.r, position - shape.cx));
        const dy = Math.sqrt(Math.max(0, shape.r ** 2 - dx ** 2));
        return { x: shape.cx + dx, y: side === 'top' ? shape.cy - dy : shape.cy + dy };
    }
    const { box } = shape;
    if (horizontal) return { x: side === 'left' ? box.x : box.x + box.width, y: position };
    return { x: position, y: side === 'top' ? box.y : box.y + box.height };
}
