/**
 * Stage 7a, the bands above the grid: the title and subtitle (wrapped to the drawing's width),
 * the phase headers with their durations, and the phase notes in a row under them.
 */
import type { BlueprintModel } from '../../model/types.js';
import type { LayoutOptions, PhaseLayout, TextBlock } from '../layout-types.js';
import { wrapText } from '../text.js';
import type { Geometry } from './geometry.js';
import type { Grid } from './grid.js';
import { M } from './metrics.js';
import { notesToDraw, stackNotes } from './notes.js';
import { text } from './place.js';

export interface Header {
    title: TextBlock;
    subtitle?: TextBlock;
    phases: PhaseLayout[];
    /** Where the band below the headers starts. */
    bottom: number;
}

/** The x extent of each phase: its columns and half the gutters at either side. */
export function phaseExtents(grid: Grid, geometry: Geometry): Array<{ x: number; width: number }> {
    return grid.phases.map(phase => {
        const first = phase.firstColumn;
        const last = first + phase.columns - 1;
        const x = geometry.columnX[first] - geometry.sizes.columnGutters[first] / 2;
        const right = geometry.columnRight(last) + geometry.sizes.columnGutters[last + 1] / 2;
        return { x, width: right - x };
    });
}

export function layoutHeader(model: BlueprintModel, grid: Grid, geometry: Geometry, width: number, options: LayoutOptions): Header {
    let y: number = M.margin;
    const titleLines = wrapText(model.title, width - 2 * M.margin, 20, 'semibold');
    const title = text(titleLines, M.margin, y + 20, 20, 'semibold', model.title);
    y += 6 + titleLines.length * 26;
    const subtitleText = [model.persona && `Persona: ${model.persona}`, model.status && `Status: ${model.status}`, model.description].filter(Boolean).join('  ·  ');
    let subtitle: TextBlock | undefined;
    if (subtitleText) {
        const lines = wrapText(subtitleText, width - 2 * M.margin, 12);
        subtitle = text(lines, M.margin, y + 12, 12, 'regular', subtitleText);
        y += lines.length * 16 + 10;
    } else {
        y += 4;
    }

    const extents = phaseExtents(grid, geometry);
    const drafts = model.phases.map((phase, index) => {
        const { x, width: phaseWidth } = extents[index];
        const lines = wrapText(phase.title, phaseWidth - 16, M.phaseTitleSize, 'semibold', M.maxPhaseTitleLines);
        return { phase, x, phaseWidth, lines, height: 14 + lines.length * 16 + (phase.duration ? 16 : 0) + 8 };
    });
    const headerHeight = Math.max(58, ...drafts.map(draft => draft.height));
    const top = y;
    const notesTop = top + headerHeight + 2;
    let notesHeight = 0;
    const phases: PhaseLayout[] = drafts.map(({ phase, x, phaseWidth, lines }) => {
        const centre = x + phaseWidth / 2;
        const stacked = stackNotes(notesToDraw(phase, options), x + 6, notesTop, phaseWidth - 12);
        notesHeight = Math.max(notesHeight, stacked.height);
        return {
            id: phase.id,
            box: { x, y: top, width: phaseWidth, height: headerHeight },
            header: text(lines, centre, top + 20, M.phaseTitleSize, 'semibold', phase.title, 'middle'),
            duration: phase.duration ? text([phase.duration.text], centre, top + 20 + lines.length * 16, 11, 'regular', phase.duration.text, 'middle') : undefined,
            notes: stacked.notes,
            range: phase.range
        };
    });
    return { title, subtitle, phases, bottom: notesTop + (notesHeight ? notesHeight + 8 : 0) };
}
