import type { Reference } from 'langium';
import {
    isActor, isArrow, isProperty, isLane, isLine, isPhase, isSection, isSystem, isTouchpoint,
    type Actor, type Arrow, type Blueprint, type Lane, type Line, type Node, type Phase,
    type Property, type Section, type Segment, type Step, type System, type Touchpoint
} from './generated/ast.js';
import { cached } from './ast-walk.js';

/** Lanes, lines and touchpoints in reading order, with the section each stands in. */
export interface PlacedMember<T> {
    node: T;
    section?: Section;
}

export function placedMembers(blueprint: Blueprint): Array<PlacedMember<Lane | Line | Touchpoint>> {
    const result: Array<PlacedMember<Lane | Line | Touchpoint>> = [];
    for (const member of blueprint.members) {
        if (isSection(member)) {
            for (const inner of member.members) result.push({ node: inner, section: member });
        } else if (isLane(member) || isLine(member) || isTouchpoint(member)) {
            result.push({ node: member });
        }
    }
    return result;
}

export function phasesOf(blueprint: Blueprint): Phase[] {
    return blueprint.members.filter(isPhase);
}

const phaseIndexes = new WeakMap<Blueprint, { text: string; value: Map<Phase, number> }>();

/** A phase's position among its blueprint's phases (−1 if it is not one of them); O(1) after the first call per parse. */
export function phaseIndex(phase: Phase): number {
    return cached(phaseIndexes, phase.$container, blueprint => new Map(phasesOf(blueprint).map((p, i) => [p, i]))).get(phase) ?? -1;
}

export function lanesOf(blueprint: Blueprint): Lane[] {
    return placedMembers(blueprint).map(m => m.node).filter(isLane);
}

export function linesOf(blueprint: Blueprint): Line[] {
    return placedMembers(blueprint).map(m => m.node).filter(isLine);
}

export function touchpointsOf(blueprint: Blueprint): Touchpoint[] {
    return placedMembers(blueprint).map(m => m.node).filter(isTouchpoint);
}

export function stepsOf(blueprint: Blueprint): Step[] {
    return lanesOf(blueprint).flatMap(lane => lane.steps);
}

export function arrowsOf(blueprint: Blueprint): Arrow[] {
    return blueprint.members.filter(isArrow);
}

export function localActorsAndSystems(blueprint: Blueprint): Array<Actor | System> {
    return blueprint.members.filter((m): m is Actor | System => isActor(m) || isSystem(m));
}

/** Everything that shares the blueprint's one namespace, in declaration order. */
export function namespaceMembers(blueprint: Blueprint): Array<Phase | Lane | Step | Touchpoint> {
    const result: Array<Phase | Lane | Step | Touchpoint> = [];
    const visit = (member: Blueprint['members'][number] | Section['members'][number]): void => {
        if (isPhase(member) || isTouchpoint(member)) result.push(member);
        else if (isLane(member)) result.push(member, ...member.steps);
        else if (isSection(member)) member.members.forEach(visit);
    };
    blueprint.members.forEach(visit);
    return result;
}

/** One arrow of a chain `a -> b -> c`: the segment with the node it starts from. */
export interface ArrowLink {
    segment: Segment;
    from: Reference<Node>;
    to: Reference<Node>;
}

export function arrowLinks(arrow: Arrow): ArrowLink[] {
    let from = arrow.source;
    // A partial parse may leave a segment without its target: the chain stops there.
    return arrow.segments.filter(segment => segment.target !== undefined).map(segment => {
        const link = { segment, from, to: segment.target };
        from = segment.target;
        return link;
    });
}

export function allArrowLinks(blueprint: Blueprint): ArrowLink[] {
    return arrowsOf(blueprint).flatMap(arrowLinks);
}

/** Anything that carries properties: a blueprint (among its members) or a block. */
export type PropertyOwner = Blueprint | { properties: Property[] };

export function propertiesOf(node: PropertyOwner): Property[] {
    return 'members' in node ? node.members.filter(isProperty) : node.properties;
}

/** The property type that carries a given key (TextProperty carries several). */
export type PropertyOf<K extends Property['key']> =
    Property extends infer P ? (P extends { key: infer PK } ? (K extends PK ? P : never) : never) : never;

export function findProperty<K extends Property['key']>(node: PropertyOwner, key: K): PropertyOf<K> | undefined;
export function findProperty(node: PropertyOwner, key: string): Property | undefined {
    return propertiesOf(node).find(p => p.key === key);
}

export function findProperties<K extends Property['key']>(node: PropertyOwner, key: K): Array<PropertyOf<K>>;
export function findProperties(node: PropertyOwner, key: string): Property[] {
    return propertiesOf(node).filter(p => p.key === key);
}
