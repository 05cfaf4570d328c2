/**
 * The designer's notes (pains, opportunities, metrics, policies) as small post-its: one colour per
 * kind in the stylesheet, and a glyph and a tag word in front of the text so they read in grey
 * print too. Laid out in a column of a given width, in the owner's own coordinates.
 */
import type { Notes } from '../../model/types.js';
import type { LayoutOptions, NoteKind, NoteLayout } from '../layout-types.js';
import { lineHeight, longestUnit, measureText, wrapText } from '../text.js';
import { M } from './metrics.js';

export interface NoteDraft { kind: NoteKind; text: string }

export const NOTE_TAGS: Record<NoteKind, string> = { pain: 'Pain', opportunity: 'Opportunity', metric: 'Metric', policy: 'Policy' };
const LISTS: Array<[NoteKind, keyof Notes, keyof LayoutOptions]> = [
    ['pain', 'pains', 'pains'], ['opportunity', 'opportunities', 'opportunities'], ['metric', 'metrics', 'metrics'], ['policy', 'policies', 'policies']
];
const TAG_SIZE = 9;
const GLYPH = 11;

/** The notes of a phase, step or touchpoint that the options show, kind by kind. */
export function notesToDraw(owner: Notes, options: LayoutOptions): NoteDraft[] {
    const drafts: NoteDraft[] = [];
    for (const [kind, list, option] of LISTS) {
        if (options[option] === false) continue;
        for (const text of owner[list] as string[]) drafts.push({ kind, text });
    }
    return drafts;
}

function tagWidth(kind: NoteKind): number {
    return GLYPH + 3 + measureText(NOTE_TAGS[kind].toUpperCase(), TAG_SIZE, 'semibold') + 5;
}

/** The narrowest column the notes fit in without cutting a word. */
export function notesMinWidth(notes: NoteDraft[]): number {
    let widest = 0;
    for (const note of notes) widest = Math.max(widest, tagWidth(note.kind), longestUnit(note.text, M.noteSize));
    return notes.length ? widest + 2 * M.notePadding : 0;
}

/** Notes stacked from (x, y) down, each `width` wide; returns them and the height they take. */
export function stackNotes(notes: NoteDraft[], x: number, y: number, width: number): { notes: NoteLayout[]; height: number } {
    const placed: NoteLayout[] = [];
    let top = y;
    const inner = width - 2 * M.notePadding;
    for (const note of notes) {
        const indent = tagWidth(note.kind);
        const lines = wrapText(note.text, inner, M.noteSize, 'regular', M.maxNoteLines, indent);
        const height = lines.length * lineHeight(M.noteSize) + 2 * M.notePadding - 1;
        placed.push({
            kind: note.kind,
            tag: NOTE_TAGS[note.kind].toUpperCase(),
            box: { x, y: top, width, height },
            label: { lines, x: x + M.notePadding, y: top + M.notePadding + M.noteSize - 1, size: M.noteSize, weight: 'regular', anchor: 'start', text: note.text, indent }
        });
        top += height + M.noteGap;
    }
    return { notes: placed, height: placed.length ? top - y - M.noteGap : 0 };
}
