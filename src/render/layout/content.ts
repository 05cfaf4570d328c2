/**
 * What stands inside a card and under a touchpoint: the title, the markers (fail and wait points,
 * a linked blueprint by its title, another actor, the duration, the systems used) and the notes.
 * Each is measured first (the narrowest width that cuts no word) and laid out once the columns'
 * widths are known, in the element's own coordinates (its top left, or a touchpoint's centre).
 */
import type { BlueprintModel, LaneModel, StepModel, TouchpointModel } from '../../model/types.js';
import type { LayoutOptions, MarkerKind, MarkerLayout, NoteLayout, TextBlock } from '../layout-types.js';
import { lineHeight, longestUnit, measureText, wrapText } from '../text.js';
import { M } from './metrics.js';
import { notesMinWidth, notesToDraw, stackNotes, type NoteDraft } from './notes.js';

interface MarkerDraft { kind: MarkerKind; text: string; tooltip: string }

export interface Body {
    height: number;
    title: TextBlock;
    markers: MarkerLayout[];
    notes: NoteLayout[];
}

export interface Content {
    /** The narrowest width the content fits without cutting a word (for a touchpoint: its label's). */
    minWidth: number;
    /** The content laid out at a width (for a touchpoint: beside a circle of radius `r`). */
    layout(width: number, r?: number): Body;
}

/** Glyph before a marker's text: fail and wait points are lettered circles, the rest small icons. */
const GLYPH_WIDTH = 15;

/** Fail points numbered in reading order, as the footnotes list them. */
export function numberFailPoints(model: BlueprintModel): Map<string, number> {
    const numbers = new Map<string, number>();
    for (const lane of model.lanes) {
        if (lane.kind === 'notes') continue;
        for (const step of lane.steps) for (const fail of step.fails) numbers.set(failKey(step.title, fail), numbers.size + 1);
    }
    for (const touchpoint of model.touchpoints) for (const fail of touchpoint.fails) numbers.set(failKey(touchpoint.title, fail), numbers.size + 1);
    return numbers;
}

export const failKey = (title: string, fail: string) => `${title}: ${fail}`;

const titleOf = (list: Array<{ id: string; title: string }>, id: string) => list.find(item => item.id === id)?.title ?? id;

function stepMarkers(step: StepModel, lane: LaneModel, model: BlueprintModel, fails: Map<string, number>, options: LayoutOptions): MarkerDraft[] {
    const markers: MarkerDraft[] = [];
    for (const fail of step.fails) markers.push({ kind: 'fail', text: `${fails.get(failKey(step.title, fail))}`, tooltip: `Fail point: ${fail}` });
    if (step.wait) markers.push({ kind: 'wait', text: step.wait.note ? `${step.wait.text} ${step.wait.note}` : step.wait.text, tooltip: `Wait point: ${step.wait.text}${step.wait.note ? ` — ${step.wait.note}` : ''}` });
    if (step.duration && options.durations !== false) markers.push({ kind: 'duration', text: step.duration.text, tooltip: `Duration: ${step.duration.text}` });
    if (step.link) markers.push({ kind: 'link', text: step.link.title, tooltip: `Opens the blueprint '${step.link.title}'` });
    if (step.actor && step.actor !== lane.actor) {
        const actor = titleOf(model.actors, step.actor);
        markers.push({ kind: 'actor', text: actor, tooltip: `Done by ${actor}` });
    }
    if (step.systems.length && options.systems !== false) {
        const systems = step.systems.map(id => titleOf(model.systems, id)).join(', ');
        markers.push({ kind: 'systems', text: systems, tooltip: `Uses ${systems}` });
    }
    return markers;
}

function markersMinWidth(markers: MarkerDraft[]): number {
    return Math.max(0, ...markers.map(marker => GLYPH_WIDTH + longestUnit(marker.text, M.markerSize)));
}

/** Markers flowed into rows from (x, y): side by side while they fit, a long one wrapped on rows of its own. */
function flowMarkers(markers: MarkerDraft[], x: number, y: number, width: number): { markers: MarkerLayout[]; height: number } {
    const placed: MarkerLayout[] = [];
    let row = 0;
    let cursor = 0;
    for (const marker of markers) {
        const natural = GLYPH_WIDTH + measureText(marker.text, M.markerSize);
        if (cursor > 0 && cursor + natural > width) {
            row++;
            cursor = 0;
        }
        const lines = natural <= width ? [marker.text] : wrapText(marker.text, width - GLYPH_WIDTH, M.markerSize);
        const baseline = y + row * M.markerLine + 12;
        placed.push({
            kind: marker.kind, x: x + cursor, y: baseline, tooltip: marker.tooltip,
            label: { lines, x: x + cursor + GLYPH_WIDTH, y: baseline, size: M.markerSize, weight: 'regular', anchor: 'start', text: marker.text }
        });
        if (lines.length > 1) {
            row += lines.length;
            cursor = 0;
        } else {
            cursor += natural + 10;
        }
    }
    const rows = placed.length === 0 ? 0 : row + (cursor > 0 ? 1 : 0);
    return { markers: placed, height: rows * M.markerLine };
}

export function stepContent(step: StepModel, lane: LaneModel, model: BlueprintModel, fails: Map<string, number>, options: LayoutOptions): Content {
    const commentary = lane.kind === 'notes';
    const markers = commentary ? [] : stepMarkers(step, lane, model, fails, options);
    const notes: NoteDraft[] = commentary ? [] : notesToDraw(step, options);
    const titleSize = commentary ? 12 : M.titleSize;
    const reserved = step.decision ? 16 : 0;
    const pad = M.cardPadding;
    const minWidth = Math.min(M.maxCardWidth, Math.max(
        M.cardWidth,
        longestUnit(step.title, titleSize) + 2 * pad + reserved,
        markersMinWidth(markers) + 2 * pad,
        notesMinWidth(notes) + 2 * (pad - 4)
    ));
    return {
        minWidth,
        layout(width: number): Body {
            const lines = wrapText(step.title, width - 2 * pad - reserved, titleSize, 'regular', M.maxTitleLines);
            const title: TextBlock = { lines, x: pad, y: pad + titleSize, size: titleSize, weight: 'regular', anchor: 'start', text: step.title };
            let y = pad + lines.length * M.titleLine;
            const flowed = flowMarkers(markers, pad, y + 1, width - 2 * pad);
            if (flowed.height) y += flowed.height + 3;
            const stacked = stackNotes(notes, pad - 4, y + 2, width - 2 * (pad - 4));
            if (stacked.height) y += stacked.height + 4;
            return { height: Math.max(M.minCardHeight, y + pad - 2), title, markers: flowed.markers, notes: stacked.notes };
        }
    };
}

/**
 * A touchpoint's label stands right of its circle (`gap` beyond the radius) and below the line,
 * so arrows meeting the circle keep clear of it.
 */
export const TOUCHPOINT_LABEL = { gap: 6, dy: 7, margin: 4 } as const;

export function touchpointContent(touchpoint: TouchpointModel, model: BlueprintModel, fails: Map<string, number>, options: LayoutOptions): Content {
    const markers: MarkerDraft[] = touchpoint.fails.map(fail => ({ kind: 'fail', text: `${fails.get(failKey(touchpoint.title, fail))}`, tooltip: `Fail point: ${fail}` }));
    if (touchpoint.systems.length && options.systems !== false) {
        const systems = touchpoint.systems.map(id => titleOf(model.systems, id)).join(', ');
        markers.push({ kind: 'systems', text: systems, tooltip: `Uses ${systems}` });
    }
    const notes = notesToDraw(touchpoint, options);
    const size = M.touchpointLabelSize;
    const minWidth = Math.max(longestUnit(touchpoint.title, size), markersMinWidth(markers), notesMinWidth(notes));
    return {
        minWidth,
        layout(width: number, r = M.touchpointRadius): Body {
            const x = r + TOUCHPOINT_LABEL.gap;
            const lines = wrapText(touchpoint.title, width, size, 'regular', M.maxTitleLines);
            const title: TextBlock = { lines, x, y: TOUCHPOINT_LABEL.dy + size, size, weight: 'regular', anchor: 'start', text: touchpoint.title };
            let y = TOUCHPOINT_LABEL.dy + lines.length * lineHeight(size) + 3;
            const flowed = flowMarkers(markers, x, y - 2, width);
            y += flowed.height;
            const stacked = stackNotes(notes, x, y + 2, width);
            if (stacked.height) y += stacked.height + 2;
            return { height: y, title, markers: flowed.markers, notes: stacked.notes };
        }
    };
}

/** The width a touchpoint's column needs: its label beside the circle, within the column's right half. */
export function touchpointColumnWidth(labelMinWidth: number, r: number = M.touchpointRadius): number {
    return Math.min(2 * M.maxCardWidth, Math.max(M.touchpointColumn, 2 * (r + TOUCHPOINT_LABEL.gap + labelMinWidth + TOUCHPOINT_LABEL.margin)));
}

/** The label width a touchpoint gets in a column of that width. */
export function touchpointLabelWidth(columnWidth: number, r: number = M.touchpointRadius): number {
    return columnWidth / 2 - r - TOUCHPOINT_LABEL.gap - TOUCHPOINT_LABEL.margin;
}
