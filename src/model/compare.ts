/**
 * The blueprint a compare drawing shows: the after side, with what the before side had and the
 * after side lost put back where it stood (a removed step in its lane and phase, a removed
 * touchpoint in its phase, a removed arrow between ends that are still drawn), and a mark for
 * each element that changed. Pure: two models and their diff in, a model and marks out.
 */
import type { Change, ModelDiff } from './diff.js';
import type { ArrowModel, BlueprintModel, StepModel, TouchpointModel } from './types.js';
import { formatDuration } from './format-duration.js';

export type ChangeMark = 'added' | 'changed' | 'removed';

export interface CompareMark {
    change: ChangeMark;
    /** The diff's change behind a changed mark, for its tooltip (the renderer puts it in words). */
    source?: Change;
}

export interface CompareModel {
    model: BlueprintModel;
    /** The before side's emotion of each phase the after side still has, by its (after) id. */
    beforeEmotion: Record<string, number>;
    /** The before side's durations by the after side's phase ids, its total, and the figures of both side by side. */
    beforeFigures: { durations: Record<string, string>; total: string; lines: string[] };
    /** By drawing key: `step:id`, `touchpoint:id`, `arrow:id`, `phase:id`, `lane:id`. */
    marks: Map<string, CompareMark>;
}

/** A removed arrow's id in the compare model: apart from any arrow of the after side. */
export const REMOVED_ARROW_SUFFIX = '~removed';

export function compareModel(before: BlueprintModel, after: BlueprintModel, diff: ModelDiff): CompareModel {
    const model: BlueprintModel = structuredClone(after);
    const marks = new Map<string, CompareMark>();
    const lanes = new Map(model.lanes.map(lane => [lane.id, lane]));
    const phaseIndex = new Map(model.phases.map(phase => [phase.id, phase.index]));
    const beforeSteps = new Map(before.lanes.flatMap(lane => lane.steps).map(step => [step.id, step]));
    const beforeTouchpoints = new Map(before.touchpoints.map(touchpoint => [touchpoint.id, touchpoint]));
    const drawn = new Set([...model.lanes.flatMap(lane => lane.steps.map(step => step.id)), ...model.touchpoints.map(t => t.id)]);

    for (const change of diff.changes) {
        const key = `${change.kind}:${change.id}`;
        if (change.change === 'added') marks.set(key, { change: 'added' });
        else if (change.change !== 'removed') marks.set(key, { change: 'changed', source: change });
        else if (change.kind === 'step') putBackStep(beforeSteps.get(change.id), lanes, phaseIndex, drawn, marks);
        else if (change.kind === 'touchpoint') putBackTouchpoint(beforeTouchpoints.get(change.id), model, phaseIndex, drawn, marks);
    }
    for (const change of diff.changes.filter(c => c.change === 'removed' && c.kind === 'arrow')) {
        const arrow = before.arrows.find(a => a.id === change.id);
        if (!arrow || !drawn.has(arrow.from) || !drawn.has(arrow.to)) continue;
        const ghost: ArrowModel = { ...arrow, id: `${arrow.id}${REMOVED_ARROW_SUFFIX}` };
        model.arrows.push(ghost);
        marks.set(`arrow:${ghost.id}`, { change: 'removed' });
    }
    const renamedPhases = new Map(diff.changes.filter(c => c.kind === 'phase' && c.change === 'renamed').map(c => [c.before!, c.after!]));
    const beforeEmotion: Record<string, number> = {};
    for (const phase of before.phases) {
        const id = renamedPhases.get(phase.id) ?? phase.id;
        const value = phase.emotion ?? phase.emotionDerived;
        if (value !== undefined && phaseIndex.has(id)) beforeEmotion[id] = value;
    }
    const durations: Record<string, string> = {};
    for (const phase of before.phases) {
        const id = renamedPhases.get(phase.id) ?? phase.id;
        if (phaseIndex.has(id)) durations[id] = phase.duration?.text ?? '';
    }
    const { before: b, after: a } = diff.figures;
    const figure = (name: string, x: string | number, y: string | number) => `${name} ${x} → ${y}`;
    const lines = [`Before → after: ${[
        figure('duration', formatDuration(b.durationSeconds), formatDuration(a.durationSeconds)),
        figure('waiting', formatDuration(b.waitSeconds), formatDuration(a.waitSeconds)),
        figure('fail points', b.failPoints, a.failPoints),
        figure('handoffs between lanes', b.handoffs, a.handoffs),
        figure('steps', b.steps, a.steps)
    ].join('; ')}`];
    return { model, marks, beforeEmotion, beforeFigures: { durations, total: formatDuration(b.durationSeconds), lines } };
}

function putBackStep(step: StepModel | undefined, lanes: Map<string, BlueprintModel['lanes'][number]>, phaseIndex: Map<string, number>, drawn: Set<string>, marks: Map<string, CompareMark>): void {
    const lane = step && lanes.get(step.lane);
    const start = step && phaseIndex.get(step.phase);
    const end = step && phaseIndex.get(step.endPhase);
    // Where its lane or phase went too, there is no place to show it: the list of changes says it.
    if (!step || !lane || start === undefined || end === undefined || drawn.has(step.id)) return;
    lane.steps.push({ ...step, phaseIndex: start, endPhaseIndex: end });
    drawn.add(step.id);
    marks.set(`step:${step.id}`, { change: 'removed' });
}

function putBackTouchpoint(touchpoint: TouchpointModel | undefined, model: BlueprintModel, phaseIndex: Map<string, number>, drawn: Set<string>, marks: Map<string, CompareMark>): void {
    const index = touchpoint && phaseIndex.get(touchpoint.phase);
    if (!touchpoint || index === undefined || drawn.has(touchpoint.id)) return;
    model.touchpoints.push({ ...touchpoint, phaseIndex: index });
    drawn.add(touchpoint.id);
    marks.set(`touchpoint:${touchpoint.id}`, { change: 'removed' });
}

