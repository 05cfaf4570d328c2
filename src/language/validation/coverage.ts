import type { ValidationAcceptor } from 'langium';
import { isBlueprint, type Blueprint, type Phase, type Step, type Touchpoint } from '../generated/ast.js';
import { allArrowLinks, findProperties, findProperty, lanesOf, phasesOf, stepsOf, touchpointsOf } from '../link/blueprint-contents.js';

/** The phases a step spans, as indexes into the blueprint's phases; undefined if unresolved. */
export function stepSpan(step: Step, phaseIndex: Map<Phase, number>): [number, number] | undefined {
    const start = step.phase?.ref ? phaseIndex.get(step.phase.ref) : undefined;
    if (start === undefined) return undefined;
    if (!step.endPhase) return [start, start];
    const end = step.endPhase?.ref ? phaseIndex.get(step.endPhase.ref) : undefined;
    return end === undefined || end < start ? undefined : [start, end];
}

/** phase-without-customer-action: a phase in which no customer step takes place. */
export function checkPhasesHaveCustomerAction(blueprint: Blueprint, accept: ValidationAcceptor): void {
    // A sub-process (no customer lane, reached through a `link`) has no customer to act in it.
    if (!lanesOf(blueprint).some(lane => lane.kind === 'customer') && isLinkedTo(blueprint)) return;
    const phases = phasesOf(blueprint);
    const phaseIndex = new Map(phases.map((phase, index) => [phase, index]));
    const covered = new Array<boolean>(phases.length).fill(false);
    for (const lane of lanesOf(blueprint).filter(lane => lane.kind === 'customer')) {
        for (const step of lane.steps) {
            const span = stepSpan(step, phaseIndex);
            if (span) covered.fill(true, span[0], span[1] + 1);
        }
    }
    phases.forEach((phase, index) => {
        if (!covered[index] && phase.name) {
            accept('info', `No customer step takes place in the phase '${phase.name}'.`,
                { node: phase, property: 'name', code: 'phase-without-customer-action' });
        }
    });
}

/** Whether a `link` of a blueprint in the same file leads to this one. */
function isLinkedTo(blueprint: Blueprint): boolean {
    const file = blueprint.$container;
    return file.elements.some(element => isBlueprint(element) && element !== blueprint
        && stepsOf(element).some(step => step.properties.some(property => property.key === 'link' && (property.target?.ref === blueprint || property.target?.$refText === blueprint.name))));
}

/** touchpoint-unused: a touchpoint that no arrow touches. */
export function checkTouchpointsUsed(blueprint: Blueprint, accept: ValidationAcceptor): void {
    const touched = new Set<unknown>();
    for (const link of allArrowLinks(blueprint)) {
        touched.add(link.from?.ref);
        touched.add(link.to?.ref);
    }
    for (const touchpoint of touchpointsOf(blueprint)) {
        if (!touched.has(touchpoint) && touchpoint.name) {
            accept('info', `No arrow touches the touchpoint '${touchpoint.name}'.`,
                { node: touchpoint, property: 'name', code: 'touchpoint-unused' });
        }
    }
}

/** low-emotion-without-note: emotion ≤ −1 with no pain or opportunity to explain it. */
export function checkLowEmotionHasNote(node: Phase | Step | Touchpoint, accept: ValidationAcceptor): void {
    const emotion = findProperty(node, 'emotion');
    if (!emotion || emotion.value === undefined || emotion.value > -1 || !node.name) return;
    const explained = findProperties(node, 'pain').length + findProperties(node, 'opportunity').length > 0;
    if (!explained) {
        accept('info', `The emotion of '${node.name}' is ${emotion.value}: add a pain or an opportunity that says why.`,
            { node, property: 'name', code: 'low-emotion-without-note' });
    }
}
