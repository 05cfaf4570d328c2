/** Hover text of cards and touchpoints (standalone SVG and the preview's tooltip): everything written about them, in full, a line each. */
import type { BlueprintModel, Notes, StepModel, TouchpointModel } from '../../model/types.js';

const titleOf = (list: Array<{ id: string; title: string }>, id: string) => list.find(item => item.id === id)?.title ?? id;

function noteLines(owner: Notes): string[] {
    return [
        ...owner.fails.map(text => `Fail point: ${text}`),
        ...owner.pains.map(text => `Pain: ${text}`),
        ...owner.opportunities.map(text => `Opportunity: ${text}`),
        ...owner.metrics.map(text => `Metric: ${text}`),
        ...owner.policies.map(text => `Policy: ${text}`)
    ];
}

export function stepTooltip(step: StepModel, model: BlueprintModel): string[] {
    const phase = (index: number) => model.phases[index]?.title ?? '';
    const parts = [step.title];
    if (step.description) parts.push(step.description);
    parts.push(step.phaseIndex === step.endPhaseIndex ? `Phase: ${phase(step.phaseIndex)}` : `Phases: ${phase(step.phaseIndex)} – ${phase(step.endPhaseIndex)}`);
    if (step.duration) parts.push(`Duration: ${step.duration.text}`);
    if (step.actor) parts.push(`Actor: ${titleOf(model.actors, step.actor)}`);
    if (step.systems.length) parts.push(`Systems: ${step.systems.map(id => titleOf(model.systems, id)).join(', ')}`);
    if (step.wait) parts.push(`Wait: ${step.wait.text}${step.wait.note ? ` — ${step.wait.note}` : ''}`);
    if (step.link) parts.push(`Opens the blueprint '${step.link.title}'`);
    parts.push(...noteLines(step));
    return parts;
}

export function touchpointTooltip(touchpoint: TouchpointModel, model: BlueprintModel): string[] {
    const parts = [touchpoint.title];
    if (touchpoint.description) parts.push(touchpoint.description);
    if (touchpoint.channel) parts.push(`Channel: ${touchpoint.channel}${touchpoint.contactType ? ` (${touchpoint.contactType})` : ''}`);
    if (touchpoint.systems.length) parts.push(`Systems: ${touchpoint.systems.map(id => titleOf(model.systems, id)).join(', ')}`);
    parts.push(...noteLines(touchpoint));
    return parts;
}
