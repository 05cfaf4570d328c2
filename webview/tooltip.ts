import type { BlueprintModel, StepModel, TouchpointModel } from '../src/model/types.js';

/** The lines of a step's or touchpoint's tooltip: what a designer wants at a glance. */
export function tooltipLines(model: BlueprintModel, kind: string, id: string): string[] | undefined {
    if (kind === 'step') {
        const step = model.lanes.flatMap(lane => lane.steps).find(s => s.id === id);
        return step && stepLines(model, step);
    }
    if (kind === 'touchpoint') {
        const touchpoint = model.touchpoints.find(t => t.id === id);
        return touchpoint && touchpointLines(model, touchpoint);
    }
    return undefined;
}

const titleOf = (list: Array<{ id: string; title: string }>, id: string) => list.find(item => item.id === id)?.title ?? id;

function stepLines(model: BlueprintModel, step: StepModel): string[] {
    const lines = [step.title];
    if (step.description) lines.push(step.description);
    if (step.duration) lines.push(`Duration: ${step.duration.text}`);
    if (step.actor) lines.push(`Actor: ${titleOf(model.actors, step.actor)}`);
    if (step.systems.length) lines.push(`Systems: ${step.systems.map(s => titleOf(model.systems, s)).join(', ')}`);
    for (const fail of step.fails) lines.push(`Fail point: ${fail}`);
    if (step.wait) lines.push(`Wait point: ${step.wait.text}${step.wait.note ? ` — ${step.wait.note}` : ''}`);
    for (const pain of step.pains) lines.push(`Pain: ${pain}`);
    if (step.link) lines.push(`Opens the blueprint '${step.link.blueprint}'`);
    return lines;
}

function touchpointLines(model: BlueprintModel, touchpoint: TouchpointModel): string[] {
    const lines = [touchpoint.title];
    if (touchpoint.description) lines.push(touchpoint.description);
    if (touchpoint.channel) lines.push(`Channel: ${touchpoint.channel}${touchpoint.contactType ? ` (${touchpoint.contactType})` : ''}`);
    if (touchpoint.systems.length) lines.push(`Systems: ${touchpoint.systems.map(s => titleOf(model.systems, s)).join(', ')}`);
    for (const fail of touchpoint.fails) lines.push(`Fail point: ${fail}`);
    return lines;
}

/** Fills the tooltip element with text only (labels are untrusted). */
export function showTooltip(element: HTMLElement, lines: string[], x: number, y: number): void {
    const [title, ...rest] = lines;
    const heading = document.createElement('strong');
    heading.textContent = title;
    element.replaceChildren(heading, ...rest.map(line => {
        const div = document.createElement('div');
        div.textContent = line;
        return div;
    }));
    element.hidden = false;
    const width = element.offsetWidth;
    const height = element.offsetHeight;
    element.style.left = `${Math.max(4, Math.min(x + 14, window.innerWidth - width - 4))}px`;
    element.style.top = `${Math.max(4, y + 18 + height > window.innerHeight ? y - height - 10 : y + 18)}px`;
}
