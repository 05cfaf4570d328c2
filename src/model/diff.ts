/**
 * What changes between two blueprint models (as-is against to-be, or a file against an earlier
 * commit): phases, lanes, steps, touchpoints and arrows added, removed, changed, renamed or moved,
 * and the figures of both side by side. Pure: models in, a change set out.
 */
import type { ArrowModel, BlueprintModel, LaneModel, PhaseModel, StepModel, TouchpointModel } from './types.js';
import { editDistance } from '../language/validation/suggest.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'renamed' | 'moved';
export type ElementKind = 'phase' | 'lane' | 'step' | 'touchpoint' | 'arrow';

export interface PropertyChange {
    before: unknown;
    after: unknown;
}

export interface Change {
    change: ChangeKind;
    kind: ElementKind;
    /** The element's id on the side it is on (the after side, unless removed). */
    id: string;
    /** For a renamed element: its old id and its new one. */
    before?: string;
    after?: string;
    title: string;
    properties?: Record<string, PropertyChange>;
}

export interface Figures {
    /** Total duration of the phases, in seconds. */
    durationSeconds: number;
    waitSeconds: number;
    failPoints: number;
    /** Arrows between steps of different lanes. */
    handoffs: number;
    steps: number;
    /** Emotion per phase, by the phase's title (the written or derived value). */
    emotion: Record<string, number | null>;
}

export interface ModelDiff {
    changes: Change[];
    figures: { before: Figures; after: Figures };
}

type Element = PhaseModel | LaneModel | StepModel | TouchpointModel;

/** Two models in, what changed from the first to the second. */
export function diffModels(before: BlueprintModel, after: BlueprintModel): ModelDiff {
    const changes: Change[] = [];
    const phases = match(before.phases, after.phases, () => true);
    const lanes = match(before.lanes, after.lanes, (a, b) => a.kind === b.kind);
    const laneOf = (id: string) => lanes.renamed.get(id) ?? id;
    const phaseOf = (id: string) => phases.renamed.get(id) ?? id;
    const steps = match(stepsOf(before), stepsOf(after), (a, b) => laneOf(a.lane) === b.lane && phaseOf(a.phase) === b.phase);
    const touchpoints = match(before.touchpoints, after.touchpoints, (a, b) => phaseOf(a.phase) === b.phase);

    report(changes, 'phase', phases, phaseProperties, () => false);
    report(changes, 'lane', lanes, laneProperties, () => false);
    report(changes, 'step', steps, (a, b) => stepProperties(a, b, laneOf, phaseOf), (a, b) => laneOf(a.lane) !== b.lane || phaseOf(a.phase) !== b.phase || phaseOf(a.endPhase) !== b.endPhase);
    report(changes, 'touchpoint', touchpoints, (a, b) => touchpointProperties(a, b, phaseOf), (a, b) => phaseOf(a.phase) !== b.phase);
    const node = (id: string) => steps.renamed.get(id) ?? touchpoints.renamed.get(id) ?? id;
    diffArrows(changes, before.arrows, after.arrows, node);
    return { changes, figures: { before: figuresOf(before), after: figuresOf(after) } };
}

interface Matching<T extends Element> {
    pairs: Array<[T, T]>;
    removed: T[];
    added: T[];
    /** Old id → new id, for elements matched by title under a new id. */
    renamed: Map<string, string>;
}

/**
 * Pairs elements by id, then the rest by title: an element with a new id and the same or a similar
 * title (where `place` says it stands in the same lane and phase) is the same one, renamed.
 */
function match<T extends Element>(before: T[], after: T[], place: (a: T, b: T) => boolean): Matching<T> {
    const afterById = new Map(after.map(element => [element.id, element]));
    const pairs: Array<[T, T]> = [];
    const leftBefore: T[] = [];
    for (const element of before) {
        const other = afterById.get(element.id);
        if (other) {
            pairs.push([element, other]);
            afterById.delete(element.id);
        } else {
            leftBefore.push(element);
        }
    }
    const leftAfter = after.filter(element => afterById.has(element.id));
    const renamed = new Map<string, string>();
    const removed: T[] = [];
    for (const element of leftBefore) {
        const candidates = leftAfter.filter(other => place(element, other) && similarTitles(element.title, other.title));
        const best = candidates.sort((a, b) => titleDistance(element.title, a.title) - titleDistance(element.title, b.title))[0];
        if (!best) {
            removed.push(element);
            continue;
        }
        leftAfter.splice(leftAfter.indexOf(best), 1);
        pairs.push([element, best]);
        renamed.set(element.id, best.id);
    }
    return { pairs, removed, added: leftAfter, renamed };
}

function report<T extends Element>(changes: Change[], kind: ElementKind, matching: Matching<T>, properties: (a: T, b: T) => Record<string, PropertyChange>, moved: (a: T, b: T) => boolean): void {
    for (const element of matching.removed) changes.push({ change: 'removed', kind, id: element.id, title: element.title });
    for (const [a, b] of matching.pairs) {
        const changed = properties(a, b);
        const props = Object.keys(changed).length ? { properties: changed } : {};
        if (a.id !== b.id) changes.push({ change: 'renamed', kind, id: b.id, before: a.id, after: b.id, title: b.title, ...props });
        else if (moved(a, b)) changes.push({ change: 'moved', kind, id: b.id, title: b.title, ...props });
        else if (props.properties) changes.push({ change: 'changed', kind, id: b.id, title: b.title, ...props });
    }
    for (const element of matching.added) changes.push({ change: 'added', kind, id: element.id, title: element.title });
}

function diffArrows(changes: Change[], before: ArrowModel[], after: ArrowModel[], node: (id: string) => string): void {
    const key = (arrow: ArrowModel, map: (id: string) => string) => `${map(arrow.from)}\u0000${map(arrow.to)}\u0000${arrow.kind}`;
    const afterByKey = new Map<string, ArrowModel[]>();
    for (const arrow of after) {
        const list = afterByKey.get(key(arrow, id => id)) ?? [];
        list.push(arrow);
        afterByKey.set(key(arrow, id => id), list);
    }
    const title = (arrow: ArrowModel) => `${arrow.from} ${ARROW_SIGN[arrow.kind]} ${arrow.to}`;
    for (const arrow of before) {
        const other = afterByKey.get(key(arrow, node))?.shift();
        if (!other) {
            changes.push({ change: 'removed', kind: 'arrow', id: arrow.id, title: title(arrow) });
            continue;
        }
        if ((arrow.label ?? null) !== (other.label ?? null)) {
            changes.push({ change: 'changed', kind: 'arrow', id: other.id, title: title(other), properties: { label: { before: arrow.label ?? null, after: other.label ?? null } } });
        }
    }
    for (const list of afterByKey.values()) for (const arrow of list) changes.push({ change: 'added', kind: 'arrow', id: arrow.id, title: title(arrow) });
}

const ARROW_SIGN: Record<ArrowModel['kind'], string> = { flow: '->', 'two-way': '<->', async: '~>', enables: '..>' };

type Compare<T> = Array<[string, (element: T) => unknown]>;

const NOTES: Compare<StepModel | TouchpointModel | PhaseModel> = [
    ['fail', e => e.fails], ['pain', e => e.pains], ['opportunity', e => e.opportunities], ['metric', e => e.metrics], ['policy', e => e.policies]
];

function compare<T>(a: T, b: T, fields: Compare<T>): Record<string, PropertyChange> {
    const result: Record<string, PropertyChange> = {};
    for (const [name, read] of fields) {
        const x = read(a) ?? null;
        const y = read(b) ?? null;
        if (JSON.stringify(x) !== JSON.stringify(y)) result[name] = { before: x, after: y };
    }
    return result;
}

const phaseProperties = (a: PhaseModel, b: PhaseModel) => compare(a, b, [
    ['title', e => e.title], ['duration', e => e.duration?.text], ['emotion', e => e.emotion], ...NOTES
]);

const laneProperties = (a: LaneModel, b: LaneModel) => compare(a, b, [['title', e => e.title], ['kind', e => e.kind], ['actor', e => e.actor]]);

function stepProperties(a: StepModel, b: StepModel, laneOf: (id: string) => string, phaseOf: (id: string) => string): Record<string, PropertyChange> {
    const span = (step: StepModel, map: (id: string) => string) => (step.phase === step.endPhase ? map(step.phase) : `${map(step.phase)}..${map(step.endPhase)}`);
    const changed = compare(a, b, [
        ['title', e => e.title], ['duration', e => e.duration?.text], ['wait', e => e.wait?.text], ['emotion', e => e.emotion], ...NOTES,
        ['actor', e => e.actor], ['systems', e => e.systems], ['visibility', e => (e.visibilityExplicit ? e.visibility : undefined)],
        ['decision', e => e.decision || undefined], ['link', e => e.link?.blueprint]
    ]);
    if (laneOf(a.lane) !== b.lane) changed.lane = { before: a.lane, after: b.lane };
    if (span(a, phaseOf) !== span(b, id => id)) changed.phase = { before: span(a, id => id), after: span(b, id => id) };
    return changed;
}

function touchpointProperties(a: TouchpointModel, b: TouchpointModel, phaseOf: (id: string) => string): Record<string, PropertyChange> {
    const changed = compare(a, b, [['title', e => e.title], ['channel', e => e.channel], ['systems', e => e.systems], ...NOTES]);
    if (phaseOf(a.phase) !== b.phase) changed.phase = { before: a.phase, after: b.phase };
    return changed;
}

function stepsOf(model: BlueprintModel): StepModel[] {
    return model.lanes.flatMap(lane => lane.steps);
}

/** Titles that name the same thing: equal but for case and spaces, or a few edits apart. */
function similarTitles(a: string, b: string): boolean {
    const x = normalise(a);
    const y = normalise(b);
    if (x === y) return true;
    return titleDistance(a, b) <= Math.max(2, Math.floor(Math.min(x.length, y.length) * 0.3));
}

function titleDistance(a: string, b: string): number {
    return editDistance(normalise(a), normalise(b));
}

const normalise = (title: string) => title.toLowerCase().replace(/\s+/g, ' ').trim();

function figuresOf(model: BlueprintModel): Figures {
    const laneOfStep = new Map(stepsOf(model).map(step => [step.id, step.lane]));
    const handoffs = model.arrows.filter(arrow => {
        const from = laneOfStep.get(arrow.from);
        const to = laneOfStep.get(arrow.to);
        return from !== undefined && to !== undefined && from !== to;
    }).length;
    return {
        durationSeconds: model.totals.durationSeconds,
        waitSeconds: model.totals.waitSeconds,
        failPoints: model.totals.failPoints,
        handoffs,
        steps: model.totals.steps,
        emotion: Object.fromEntries(model.phases.map(phase => [phase.title, phase.emotion ?? phase.emotionDerived ?? null]))
    };
}
