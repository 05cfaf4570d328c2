/**
 * Stage 7b, the emotional thermometer: a band above the lanes with the −2…+2 scale, the phases'
 * emotion joined into a curve at each phase's centre and the steps' own emotion as dots over
 * their cards (a notes lane's steps are commentary and stay off it).
 */
import type { BlueprintModel } from '../../model/types.js';
import type { Box, CardLayout, EmotionLayout } from '../layout-types.js';

export function layoutEmotion(model: BlueprintModel, box: Box, phases: Array<{ x: number; width: number }>, cards: Map<string, CardLayout>, beforeEmotion?: Readonly<Record<string, number>>): EmotionLayout {
    const inner = { top: box.y + 14, bottom: box.y + box.height - 10 };
    const yOf = (value: number) => inner.top + ((2 - value) * (inner.bottom - inner.top)) / 4;
    const levels = [2, 1, 0, -1, -2].map(value => ({ value, y: yOf(value) }));
    const curve = model.phases
        .filter(phase => phase.emotionDerived !== undefined)
        .map(phase => ({ x: phases[phase.index].x + phases[phase.index].width / 2, y: yOf(phase.emotionDerived!), value: phase.emotionDerived! }));
    const points = model.lanes.filter(lane => lane.kind !== 'notes').flatMap(lane => lane.steps)
        .filter(step => step.emotion !== undefined && cards.has(step.id))
        .map(step => {
            const card = cards.get(step.id)!;
            return { id: step.id, value: step.emotion!, x: card.x + card.width / 2, y: yOf(step.emotion!) };
        });
    const before = beforeEmotion && model.phases
        .filter(phase => beforeEmotion[phase.id] !== undefined)
        .map(phase => ({ x: phases[phase.index].x + phases[phase.index].width / 2, y: yOf(beforeEmotion[phase.id]), value: beforeEmotion[phase.id] }));
    return { box, levels, curve, points, ...(before ? { before } : {}) };
}

/** Whether a blueprint has an emotion to draw. */
export function hasEmotion(model: BlueprintModel): boolean {
    return model.phases.some(p => p.emotionDerived !== undefined) || model.lanes.some(l => l.kind !== 'notes' && l.steps.some(s => s.emotion !== undefined));
}
