/**
 * Drawing quality, measured on the layout: what a reader of the drawing trips over. Cut labels
 * (a word split across lines, or text left out), labels that cover something (another label, a
 * card, a touchpoint, another arrow, a drawn line) or spill out of their box, arrows through cards
 * or touchpoints, arrows drawn on top of each other or along a drawn line, and for the arrows:
 * crossings, bends and detours. The corpus tests assert the defects are zero and `npm run
 * bench:drawing` prints the figures.
 */
import type { ArrowLayout, BlueprintLayout, Box, Point, TextBlock } from './layout-types.js';
import { textBox } from './text-box.js';
import { isWideScript } from './text.js';

export interface DrawingQuality {
    arrows: number;
    crossings: number;
    bends: number;
    /** Path length over the shortest orthogonal distance between its two ends (1 for a straight, L- or Z-shaped arrow). */
    worstDetour: number;
    detours: Array<{ id: string; ratio: number }>;
    labelCuts: string[];
    /** Labels past the generous limits, shortened with "…" (their whole text is in the tooltip). */
    shortened: string[];
    labelCollisions: string[];
    labelsOutside: string[];
    arrowsThroughNodes: string[];
    overlappingRuns: string[];
    runsAlongLines: string[];
}

/** Parallel runs of two arrows closer than this read as one. */
export const RUN_SEPARATION = 6;
/** A horizontal run this close to a drawn line runs along it. */
export const LINE_SEPARATION = 6;

interface Label { name: string; block: TextBlock; box: Box; owner: string; container?: Box }
interface Segment { arrow: string; a: Point; b: Point; horizontal: boolean }

export function measureQuality(layout: BlueprintLayout): DrawingQuality {
    const labels = collectLabels(layout);
    const segments = layout.arrows.flatMap(arrowSegments);
    const quality: DrawingQuality = {
        arrows: layout.arrows.length, crossings: 0, bends: 0, worstDetour: 0, detours: [],
        labelCuts: [], shortened: [], labelCollisions: [], labelsOutside: [], arrowsThroughNodes: [], overlappingRuns: [], runsAlongLines: []
    };

    for (const label of labels) {
        const verdict = wholeness(label.block);
        if (verdict === 'cut') quality.labelCuts.push(`${label.name}: ${JSON.stringify(label.block.lines)}`);
        if (verdict === 'shortened') quality.shortened.push(label.name);
        if (label.container && !inside(label.box, label.container)) quality.labelsOutside.push(label.name);
        if (label.box.x < -0.5 || label.box.x + label.box.width > layout.width + 0.5) quality.labelsOutside.push(`${label.name} (past the drawing's edge)`);
    }
    labelCollisions(layout, labels, segments, quality.labelCollisions);

    for (const arrow of layout.arrows) {
        quality.bends += Math.max(0, arrow.points.length - 2);
        if (arrow.from !== arrow.to) {
            const start = arrow.points[0];
            const end = arrow.points[arrow.points.length - 1];
            const ratio = length(arrow.points) / Math.max(1, Math.abs(start.x - end.x) + Math.abs(start.y - end.y));
            quality.detours.push({ id: arrow.id, ratio: Math.round(ratio * 100) / 100 });
            quality.worstDetour = Math.max(quality.worstDetour, quality.detours[quality.detours.length - 1].ratio);
        }
    }
    for (const segment of segments) {
        for (const card of layout.cards) {
            if (crossesInterior(segment, card)) quality.arrowsThroughNodes.push(`${segment.arrow} through card ${card.id}`);
        }
        for (const touchpoint of layout.touchpoints) {
            const own = layoutArrow(layout, segment.arrow);
            if (own.from === touchpoint.id || own.to === touchpoint.id) continue;
            if (distanceToSegment({ x: touchpoint.cx, y: touchpoint.cy }, segment) < touchpoint.r - 0.5) quality.arrowsThroughNodes.push(`${segment.arrow} through touchpoint ${touchpoint.id}`);
        }
        if (segment.horizontal) {
            for (const line of drawnLines(layout)) {
                const overlap = Math.min(line.x2, Math.max(segment.a.x, segment.b.x)) - Math.max(line.x1, Math.min(segment.a.x, segment.b.x));
                if (Math.abs(segment.a.y - line.y) < LINE_SEPARATION && overlap > 10) quality.runsAlongLines.push(`${segment.arrow} along the ${line.kind} line`);
            }
        }
    }
    for (let i = 0; i < segments.length; i++) {
        for (let j = i + 1; j < segments.length; j++) {
            const s = segments[i];
            const t = segments[j];
            if (s.arrow === t.arrow) continue;
            if (s.horizontal !== t.horizontal) {
                if (crosses(s, t)) quality.crossings++;
            } else if (runsTogether(s, t)) {
                quality.overlappingRuns.push(`${s.arrow} and ${t.arrow}`);
            }
        }
    }
    return quality;
}

/** Averages over the arrows. */
export function perArrow(quality: DrawingQuality): { crossings: number; bends: number } {
    const n = Math.max(1, quality.arrows);
    return { crossings: quality.crossings / n, bends: quality.bends / n };
}

const layoutArrow = (layout: BlueprintLayout, id: string) => layout.arrows.find(a => a.id === id)!;

function collectLabels(layout: BlueprintLayout): Label[] {
    const labels: Label[] = [];
    const add = (name: string, block: TextBlock | undefined, owner: string, container?: Box) => {
        if (block && block.lines.length) labels.push({ name, block, box: textBox(block), owner, container });
    };
    const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
    add('title', layout.title, 'title', drawing);
    add('subtitle', layout.subtitle, 'subtitle', drawing);
    for (const phase of layout.phases) {
        add(`phase ${phase.id}`, phase.header, `phase:${phase.id}`, phase.box);
        add(`duration of phase ${phase.id}`, phase.duration, `phase:${phase.id}`, phase.box);
        phase.notes.forEach((note, i) => add(`note ${i + 1} of phase ${phase.id}`, note.label, `phase-note:${phase.id}:${i}`, note.box));
    }
    for (const lane of layout.lanes) {
        const header = { x: lane.box.x, y: lane.box.y, width: lane.header.x - lane.box.x + 180 - 12, height: lane.box.height };
        add(`lane ${lane.id}`, lane.header, `lane:${lane.id}`, header);
        add(`kind of lane ${lane.id}`, lane.subtitle, `lane:${lane.id}`, header);
    }
    for (const line of layout.lines) add(`${line.kind} line`, line.label, `line:${line.kind}`);
    add('touchpoint row', layout.touchpointHeader, 'touchpoints');
    for (const card of layout.cards) {
        add(`step ${card.id}`, card.title, `step:${card.id}`, card);
        card.markers.forEach(marker => add(`${marker.kind} of step ${card.id}`, marker.label, `step:${card.id}`, card));
        card.notes.forEach((note, i) => add(`note ${i + 1} of step ${card.id}`, note.label, `step:${card.id}`, note.box));
    }
    for (const touchpoint of layout.touchpoints) {
        add(`touchpoint ${touchpoint.id}`, touchpoint.label, `touchpoint:${touchpoint.id}`, touchpoint.labelBox);
        touchpoint.markers.forEach(marker => add(`${marker.kind} of touchpoint ${touchpoint.id}`, marker.label, `touchpoint:${touchpoint.id}`, touchpoint.labelBox));
        touchpoint.notes.forEach((note, i) => add(`note ${i + 1} of touchpoint ${touchpoint.id}`, note.label, `touchpoint:${touchpoint.id}`, note.box));
    }
    for (const arrow of layout.arrows) if (arrow.label) add(`label of ${arrow.id}`, arrow.label, `arrow:${arrow.id}`, arrow.labelBox);
    layout.footnotes.forEach((note, i) => add(`footnote ${i + 1}`, note, `footnote:${i}`, drawing));
    return labels;
}

/**
 * Whether a label shows its whole text: the lines, spaces aside, spell the text out, and every
 * break falls where a line may break (a space, after a hyphen or slash, beside a character of a
 * script written without spaces).
 */
function wholeness(block: TextBlock): 'whole' | 'cut' | 'shortened' {
    if (block.text === undefined) return 'whole';
    const text = [...block.text];
    let at = 0;
    const skipSpace = () => { while (at < text.length && /\s/u.test(text[at])) at++; };
    for (let i = 0; i < block.lines.length; i++) {
        const line = [...block.lines[i]];
        // An empty first line leaves the row to a note's tag: no break inside the text.
        if (line.length === 0) continue;
        if (at > 0) {
            const spaced = at < text.length && /\s/u.test(text[at]);
            skipSpace();
            const before = text[at - 1] ?? '';
            const after = text[at] ?? '';
            const allowed = spaced || /[-/–]/u.test(before) || isWideScript(before.codePointAt(0) ?? 0) || isWideScript(after.codePointAt(0) ?? 0) || !/[\p{L}\p{N}]/u.test(after);
            if (!allowed) return 'cut';
        }
        for (let k = 0; k < line.length; k++) {
            const char = line[k];
            if (/\s/u.test(char)) {
                skipSpace();
                continue;
            }
            if (char === '…' && k === line.length - 1 && text[at] !== '…') return 'shortened';
            if (text[at] !== char) return 'cut';
            at++;
        }
    }
    skipSpace();
    return at === text.length ? 'whole' : 'cut';
}

function labelCollisions(layout: BlueprintLayout, labels: Label[], segments: Segment[], out: string[]): void {
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
            if (overlaps(labels[i].box, labels[j].box, 0.5)) out.push(`${labels[i].name} and ${labels[j].name}`);
        }
    }
    for (const label of labels) {
        for (const card of layout.cards) {
            if (label.owner !== `step:${card.id}` && overlaps(label.box, card, 0.5)) out.push(`${label.name} on step ${card.id}`);
        }
        for (const touchpoint of layout.touchpoints) {
            const circle = { x: touchpoint.cx - touchpoint.r, y: touchpoint.cy - touchpoint.r, width: 2 * touchpoint.r, height: 2 * touchpoint.r };
            if (overlaps(label.box, circle, 0.5)) out.push(`${label.name} on touchpoint ${touchpoint.id}`);
            if (label.owner !== `touchpoint:${touchpoint.id}` && overlaps(label.box, touchpoint.labelBox, 0.5)) out.push(`${label.name} on the label of touchpoint ${touchpoint.id}`);
        }
        for (const line of drawnLines(layout)) {
            if (label.owner === `line:${line.kind}`) continue;
            if (overlaps(label.box, { x: line.x1, y: line.y - line.half, width: line.x2 - line.x1, height: 2 * line.half }, 0)) out.push(`${label.name} on the ${line.kind} line`);
        }
    }
    // Arrows against labels: the arrow's own label sits on it by design.
    const arrowLabels = labels.filter(label => label.owner.startsWith('arrow:')).map(label => label.owner.slice(6));
    const touchpointBoxes: Label[] = layout.touchpoints.map(t => ({ name: `label of touchpoint ${t.id}`, block: t.label, box: t.labelBox, owner: `touchpoint:${t.id}` }));
    const seen = new Set<string>();
    for (const segment of segments) {
        for (const label of [...labels, ...touchpointBoxes]) {
            if (label.owner === `arrow:${segment.arrow}`) continue;
            const box = label.owner.startsWith('arrow:') ? layoutArrowLabelBox(layout, label.owner.slice(6)) ?? label.box : label.box;
            const key = `${segment.arrow}|${label.name}`;
            if (!seen.has(key) && crossesInterior(segment, box)) {
                seen.add(key);
                out.push(`${label.name} on arrow ${segment.arrow}`);
            }
        }
    }
    void arrowLabels;
}

/** The lines of interaction and the rest, and the bars of steps that span phases: lines an arrow may cross, not follow. */
function drawnLines(layout: BlueprintLayout): Array<{ kind: string; y: number; x1: number; x2: number; half: number }> {
    const bars = layout.cards.filter(card => card.span).map(card => ({ kind: `span of ${card.id}`, y: card.span!.y + card.span!.height / 2, x1: card.span!.x, x2: card.span!.x + card.span!.width, half: card.span!.height / 2 }));
    return [...layout.lines.map(line => ({ ...line, half: 1 })), ...bars];
}

function layoutArrowLabelBox(layout: BlueprintLayout, id: string): Box | undefined {
    return layout.arrows.find(a => a.id === id)?.labelBox;
}

function arrowSegments(arrow: ArrowLayout): Segment[] {
    return arrow.points.slice(1).map((b, i) => ({ arrow: arrow.id, a: arrow.points[i], b, horizontal: Math.abs(arrow.points[i].y - b.y) < 0.01 }));
}

function length(points: Point[]): number {
    let total = 0;
    for (let i = 1; i < points.length; i++) total += Math.abs(points[i].x - points[i - 1].x) + Math.abs(points[i].y - points[i - 1].y);
    return total;
}

function overlaps(a: Box, b: Box, tolerance: number): boolean {
    return a.x + tolerance < b.x + b.width && b.x + tolerance < a.x + a.width && a.y + tolerance < b.y + b.height && b.y + tolerance < a.y + a.height;
}

function inside(box: Box, container: Box): boolean {
    return box.x >= container.x - 0.5 && box.y >= container.y - 0.5 && box.x + box.width <= container.x + container.width + 0.5 && box.y + box.height <= container.y + container.height + 0.5;
}

/** Whether a run enters a box's interior. */
function crossesInterior(segment: Segment, box: Box): boolean {
    const inner = { x: box.x + 0.5, y: box.y + 0.5, width: box.width - 1, height: box.height - 1 };
    const run = { x: Math.min(segment.a.x, segment.b.x), y: Math.min(segment.a.y, segment.b.y), width: Math.abs(segment.a.x - segment.b.x) || 0.001, height: Math.abs(segment.a.y - segment.b.y) || 0.001 };
    return overlaps(run, inner, 0);
}

/** A horizontal and a vertical run cross at a point inside both. */
function crosses(s: Segment, t: Segment): boolean {
    const [h, v] = s.horizontal ? [s, t] : [t, s];
    const y = h.a.y;
    const x = v.a.x;
    const within = (value: number, a: number, b: number) => value > Math.min(a, b) + 0.5 && value < Math.max(a, b) - 0.5;
    return within(x, h.a.x, h.b.x) && within(y, v.a.y, v.b.y);
}

/** Two parallel runs closer than RUN_SEPARATION over more than a couple of pixels. */
function runsTogether(s: Segment, t: Segment): boolean {
    const across = s.horizontal ? Math.abs(s.a.y - t.a.y) : Math.abs(s.a.x - t.a.x);
    if (across >= RUN_SEPARATION) return false;
    const [s1, s2] = s.horizontal ? [s.a.x, s.b.x] : [s.a.y, s.b.y];
    const [t1, t2] = t.horizontal ? [t.a.x, t.b.x] : [t.a.y, t.b.y];
    const overlap = Math.min(Math.max(s1, s2), Math.max(t1, t2)) - Math.max(Math.min(s1, s2), Math.min(t1, t2));
    return overlap > 2;
}

function distanceToSegment(p: Point, s: Segment): number {
    const x = Math.max(Math.min(s.a.x, s.b.x), Math.min(Math.max(s.a.x, s.b.x), p.x));
    const y = Math.max(Math.min(s.a.y, s.b.y), Math.min(Math.max(s.a.y, s.b.y), p.y));
    return Math.hypot(p.x - x, p.y - y);
}
