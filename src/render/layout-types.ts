/**
 * The drawing's geometry: boxes, lines and routed paths in pixels, computed from the blueprint
 * model by layout.ts and turned into SVG by svg.ts. Tests assert on these numbers.
 */
import type { ArrowKind, ContactType, LaneKind, LineKind, SourceRange } from '../model/types.js';

export interface Box { x: number; y: number; width: number; height: number }
export interface Point { x: number; y: number }

/** Text broken into lines, with where its first baseline sits. */
export interface TextBlock { lines: string[]; x: number; y: number; size: number; weight: 'regular' | 'semibold'; anchor: 'start' | 'middle' }

export interface CardLayout extends Box {
    id: string;
    lane: string;
    kind: LaneKind;
    title: TextBlock;
    /** Marker glyphs inside the card (fail, wait, decision, hidden, link, actor). */
    markers: Array<{ kind: 'fail' | 'wait' | 'decision' | 'link' | 'actor'; x: number; y: number; text: string; tooltip: string }>;
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
    label: TextBlock;
    labelBox: Box;
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

export interface LineLayout { kind: LineKind; y: number; label: string; x1: number; x2: number; range?: SourceRange }
export interface LaneLayout { id: string; kind: LaneKind; box: Box; header: TextBlock; subtitle: TextBlock; range: SourceRange }
export interface PhaseLayout { id: string; box: Box; header: TextBlock; duration?: TextBlock; range: SourceRange }
export interface SectionLayout { title: string; box: Box; label: TextBlock }

export interface EmotionLayout {
    box: Box;
    /** y of the −2…+2 grid lines. */
    levels: Array<{ value: number; y: number }>;
    curve: Point[];
    points: Array<Point & { id: string; value: number }>;
}

export interface LegendLayout { box: Box; items: Array<{ kind: string; label: string; x: number; y: number }> }

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
    arrows: ArrowLayout[];
    emotion?: EmotionLayout;
    durations?: { box: Box; total: TextBlock; cells: TextBlock[] };
    legend?: LegendLayout;
    /** Fail points, numbered as on the cards, for print. */
    footnotes: TextBlock[];
    /** Accessible summary of the whole drawing. */
    description: string;
}

export interface LayoutOptions {
    emotion?: boolean;
    durations?: boolean;
    legend?: boolean;
}
