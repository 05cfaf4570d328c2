/**
 * The blueprint model: the one contract between the language and everything that draws or
 * exports a blueprint (preview, CLI renderers, exports). Plain JSON: no AST, no functions.
 * `svcbp export --format json` prints it.
 *
 * Ids are the names written in the source. Ranges are LSP ranges (0-based line and character)
 * in the file named by `uri` (the blueprint's file unless an element says otherwise).
 */

export const MODEL_VERSION = 1;

export interface Position { line: number; character: number }
export interface SourceRange { start: Position; end: Position }

export type LaneKind = 'evidence' | 'customer' | 'frontstage' | 'backstage' | 'support' | 'actor' | 'notes';
export type LineKind = 'interaction' | 'visibility' | 'internal' | 'operation' | 'implementation' | 'custom';
export type ArrowKind = 'flow' | 'two-way' | 'async' | 'enables';
export type ContactType = 'face-to-face' | 'voice' | 'digital' | 'self-service' | 'physical';

/** A duration as written and in seconds. */
export interface Duration { text: string; seconds: number }

/** Notes that phases, steps and touchpoints can carry, each a list in source order. */
export interface Notes {
    fails: string[];
    pains: string[];
    opportunities: string[];
    metrics: string[];
    policies: string[];
}

export interface BlueprintModel {
    version: typeof MODEL_VERSION;
    id: string;
    title: string;
    /** The file the blueprint is written in (a URI). */
    uri: string;
    description?: string;
    /** The doc comment above the blueprint. */
    documentation?: string;
    persona?: string;
    status?: 'as-is' | 'to-be';
    range: SourceRange;
    phases: PhaseModel[];
    /** Section bands of the digital-canvas variant, top to bottom. */
    sections: SectionModel[];
    /** Lanes top to bottom, each with its steps in source order. */
    lanes: LaneModel[];
    /** The lines in force (written, or inferred from the lane kinds), top to bottom. */
    lines: LineModel[];
    /** Where touchpoints are drawn: the number of lanes above them (the line of interaction). */
    touchpointPosition: number;
    touchpoints: TouchpointModel[];
    arrows: ArrowModel[];
    /** Actors and systems the blueprint refers to or declares. */
    actors: DeclarationModel[];
    systems: DeclarationModel[];
    totals: Totals;
    /** Elements left out because a reference of theirs is broken; the rest is still drawn. */
    omitted: OmittedElement[];
}

export interface PhaseModel extends Notes {
    id: string;
    title: string;
    index: number;
    description?: string;
    duration?: Duration;
    /** The phase's own emotion (−2…+2), if written. */
    emotion?: number;
    /** The emotional thermometer: the phase's emotion, else the mean of its steps' own emotions. */
    emotionDerived?: number;
    range: SourceRange;
}

export interface SectionModel {
    title: string;
    /** Lanes of the section, as ids, top to bottom. */
    lanes: string[];
    range: SourceRange;
}

export interface LaneModel {
    id: string;
    title: string;
    kind: LaneKind;
    /** Index into `sections`, for lanes inside a section. */
    section?: number;
    /** The lane's actor (`by`), as an actor id. */
    actor?: string;
    description?: string;
    steps: StepModel[];
    range: SourceRange;
}

export interface StepModel extends Notes {
    id: string;
    title: string;
    lane: string;
    /** First and last phase the step spans (ids), and their indexes. */
    phase: string;
    endPhase: string;
    phaseIndex: number;
    endPhaseIndex: number;
    description?: string;
    duration?: Duration;
    /** A wait point: how long, and what the customer waits for. */
    wait?: Duration & { note?: string };
    /** The step's own emotion, if written. */
    emotion?: number;
    /** The emotion that applies: the step's own, else its first phase's. */
    emotionEffective?: number;
    /** The actor who performs it: the step's `by`, else its lane's. */
    actor?: string;
    systems: string[];
    /** Visible to the customer: `visibility` if written, else from its lane's place relative to the line of visibility. */
    visibility: 'visible' | 'hidden';
    visibilityExplicit: boolean;
    decision: boolean;
    /** A linked sub-blueprint: its id and title, and its file's URI when that is another file. */
    link?: { blueprint: string; title: string; uri?: string };
    documentation?: string;
    range: SourceRange;
}

export interface LineModel {
    kind: LineKind;
    label?: string;
    /** Number of lanes above the line. */
    position: number;
    written: boolean;
    range?: SourceRange;
}

export interface TouchpointModel extends Notes {
    id: string;
    title: string;
    phase: string;
    phaseIndex: number;
    /** Index into `sections`, for touchpoints written inside a section. */
    section?: number;
    description?: string;
    channel?: string;
    contactType?: ContactType;
    systems: string[];
    documentation?: string;
    range: SourceRange;
}

export interface ArrowModel {
    /** Unique in the blueprint: `from->to` plus a counter for repeats. */
    id: string;
    from: string;
    to: string;
    kind: ArrowKind;
    label?: string;
    range: SourceRange;
}

export interface DeclarationModel {
    id: string;
    title: string;
    description?: string;
    /** Where it is declared (it may be an imported file). */
    uri: string;
    range: SourceRange;
}

export interface Totals {
    /** Sum of the phases' durations, in seconds (phases without one count as 0). */
    durationSeconds: number;
    /** Whether every phase has a duration. */
    durationComplete: boolean;
    steps: number;
    touchpoints: number;
    arrows: number;
    failPoints: number;
    waitPoints: number;
    waitSeconds: number;
    painPoints: number;
    opportunities: number;
}

export interface OmittedElement {
    kind: 'phase' | 'lane' | 'step' | 'touchpoint' | 'arrow' | 'actor' | 'system' | 'link';
    id: string;
    reason: string;
    range: SourceRange;
}

/** A file's blueprints, or why none can be built. */
export interface ModelResult {
    uri: string;
    blueprints: BlueprintModel[];
    /** Blueprints that could not be built (a syntax error inside them), with the reason. */
    unbuilt: Array<{ id: string; reason: string; range: SourceRange }>;
}
