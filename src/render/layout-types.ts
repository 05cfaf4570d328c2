/**
 * The drawing's geometry: boxes, lines and routed paths in pixels, computed from the blueprint
 * model by the stages in layout/ and turned into SVG by svg.ts. Tests and the drawing-quality
 * measures (quality.ts) read these numbers.
 */

import type { DrawingPart } from './drawing-parts.js';
import type { ArrowKind, ContactType, LaneKind, LineKind, SourceRange } from '../model/types.js';

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

/**
 * Text broken into lines, with where its first baseline sits. `text` is the whole text the
 * lines show (the quality measures compare the two to find cut words).
 */
export interface TextBlock {
    lines: string[];
    x: number;
    y: number;
    size: number;
    weight: 'regular' | 'semibold';
    anchor: 'start' | 'middle';
    text?: string;
    /** Room kept on the first line, left of the text (a note's tag stands there). */
    indent?: number;
}

export type NoteKind = 'pain' | 'opportunity' | 'metric' | 'policy';

/** A designer's note drawn as a small post-it: a tag word and a glyph, so it reads in grey print. */
export interface NoteLayout {
    kind: NoteKind;
    box: Box;
    tag: string;
    label: TextBlock;
}

export type MarkerKind = 'fail' | 'wait' | 'link' | 'actor' | 'duration' | 'systems';

/** A glyph and a short text inside a card or under a touchpoint's label. */
export interface MarkerLayout {
    kind: MarkerKind;
    /** Left end of the glyph, and the text's baseline. */
    x: number;
    y: number;
    label: TextBlock;
    tooltip: string;
}

export interface CardLayout extends Box {
    id: string;
    lane: string;
    kind: LaneKind;
    title: TextBlock;
    markers: MarkerLayout[];
    notes: NoteLayout[];
    /** A step spanning phases stands in the first and carries on as a bar to the end of the last. */
    span?: Box;
    hidden: boolean;
    decision: boolean;
    tooltip: string;
    range: SourceRange;
}

export interface TouchpointLayout {
    id: string;
    cx: number;
    cy: number;
    r: number;
    channel?: string;
    contactType?: ContactType;
    /** A fail point here: the badge on the circle. */
    failed: boolean;
    label: TextBlock;
    /** The label with its markers and notes: nothing else may enter it. */
    labelBox: Box;
    markers: MarkerLayout[];
    notes: NoteLayout[];
    tooltip: string;
    range: SourceRange;
}

export interface ArrowLayout {
    id: string;
    from: string;
    to: string;
    kind: ArrowKind;
    points: Point[];
    label?: TextBlock;
    labelBox?: Box;
    range: SourceRange;
}

export interface LineLayout { kind: LineKind; y: number; label: TextBlock; x1: number; x2: number; range?: SourceRange }
export interface LaneLayout { id: string; kind: LaneKind; box: Box; header: TextBlock; subtitle: TextBlock; range: SourceRange }
export interface PhaseLayout { id: string; box: Box; header: TextBlock; duration?: TextBlock; notes: NoteLayout[]; range: SourceRange }
export interface SectionLayout { title: string; box: Box; label: TextBlock }

export interface EmotionLayout {
    box: Box;
    /** y of the −2…+2 grid lines. */
    levels: Array<{ value: number; y: number }>;
    /** The phases' emotion, joined into the curve. */
    curve: Array<Point & { value: number }>;
    /** The steps' own emotion, as dots. */
    points: Array<Point & { id: string; value: number }>;
    /** A compare drawing's before side: its phases' emotion, drawn dashed under the curve. */
    before?: Array<Point & { value: number }>;
}

export interface LegendItem { kind: string; label: string; x: number; y: number }
export interface LegendLayout { box: Box; items: LegendItem[] }

export interface BlueprintLayout {
    width: number;
    height: number;
    title: TextBlock;
    subtitle?: TextBlock;
    phases: PhaseLayout[];
    lanes: LaneLayout[];
    sections: SectionLayout[];
    lines: LineLayout[];
    cards: CardLayout[];
    touchpoints: TouchpointLayout[];
    /** The header of the touchpoint row, when there is one. */
    touchpointHeader?: TextBlock;
    arrows: ArrowLayout[];
    emotion?: EmotionLayout;
    durations?: { box: Box; total: TextBlock; cells: TextBlock[] };
    legend?: LegendLayout;
    /** Fail points, numbered as on the cards, for print. */
    footnotes: TextBlock[];
    /** Accessible summary of the whole drawing. */
    description: string;
}

/** What to draw; every switch is on unless set to false. */
/** Which parts to draw (see drawing-parts.ts; the duration part is the row and each card's duration). */
export type LayoutOptions = Partial<Record<DrawingPart, boolean>> & {
    /** A compare drawing's marks, by item key (model/compare.ts): the legend explains the ones used. */
    changes?: ReadonlyMap<string, { change: 'added' | 'changed' | 'removed' }>;
    /** A compare drawing's before side: the emotion of each (after side's) phase, by phase id. */
    beforeEmotion?: Readonly<Record<string, number>>;
    /** A compare drawing's before side: each phase's duration (by the after side's phase id) and the figures, drawn beside the after side's. */
    beforeFigures?: { durations: Readonly<Record<string, string>>; total: string; lines: string[] };
};
