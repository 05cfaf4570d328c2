import type { BlueprintModel } from '../src/model/types.js';
import { stepTooltip, touchpointTooltip } from '../src/render/index.js';

/** The lines of a step's or touchpoint's tooltip, the same as the exported SVG's hover text. */
export function tooltipLines(model: BlueprintModel, kind: string, id: string): string[] | undefined {
    if (kind === 'step') {
        const step = model.lanes.flatMap(lane => lane.steps).find(s => s.id === id);
        return step && stepTooltip(step, model);
    }
    if (kind === 'touchpoint') {
        const touchpoint = model.touchpoints.find(t => t.id === id);
        return touchpoint && touchpointTooltip(touchpoint, model);
    }
    return undefined;
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
