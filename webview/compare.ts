import type { Change } from '../src/model/diff.js';
import type { BlueprintModel, ModelResult, SourceRange } from '../src/model/types.js';
import { describeChange } from '../src/render/index.js';

/** The before side of a compare, as the extension sent it. */
export interface CompareSide { label: string; result: ModelResult }

/** The before blueprint for the one on screen: the one with its id, else the file's first. */
export function beforeFor(side: CompareSide, after: BlueprintModel): BlueprintModel | undefined {
    return side.result.blueprints.find(b => b.id === after.id) ?? side.result.blueprints[0];
}

/** Fills the toolbar's list of changes: a heading, then one entry a change. */
export function fillChangeList(list: HTMLSelectElement, changes: Change[], label: string): void {
    const heading = document.createElement('option');
    heading.value = '';
    heading.textContent = changes.length === 0 ? `No changes against ${label}` : `${changes.length} change${changes.length === 1 ? '' : 's'} against ${label}`;
    list.replaceChildren(heading, ...changes.map((change, index) => {
        const option = document.createElement('option');
        option.value = String(index);
        // Text only: titles are untrusted.
        option.textContent = describeChange(change);
        return option;
    }));
}

/** Where a change stands in the after side's source; none for what was removed. */
export function rangeOf(change: Change, after: BlueprintModel): SourceRange | undefined {
    if (change.change === 'removed') return undefined;
    switch (change.kind) {
        case 'step': return after.lanes.flatMap(lane => lane.steps).find(step => step.id === change.id)?.range;
        case 'touchpoint': return after.touchpoints.find(t => t.id === change.id)?.range;
        case 'phase': return after.phases.find(p => p.id === change.id)?.range;
        case 'lane': return after.lanes.find(l => l.id === change.id)?.range;
        case 'arrow': return after.arrows.find(a => a.id === change.id)?.range;
    }
}
