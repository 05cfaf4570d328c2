import type { AstNode, Reference } from 'langium';
import {
    isProperty,
    type Actor, type Arrow, type Blueprint, type Lane, type Line, type Node, type Phase,
    type Property, type Section, type Segment, type Step, type System, type Touchpoint
} from '../generated/ast.js';
import { cached, type Derived } from './ast-walk.js';

/**
 * Exact type tests for the members of a blueprint. None of these types has subtypes, and these
 * helpers run over every member (thousands) several times a keystroke: a comparison of the type
 * name is all they need.
 */
type Member = Blueprint['members'][number] | Section['members'][number];
const isPhase = (m: Member): m is Phase => m.$type === 'Phase';
const isLane = (m: Member): m is Lane => m.$type === 'Lane';
const isLine = (m: Member): m is Line => m.$type === 'Line';
const isTouchpoint = (m: Member): m is Touchpoint => m.$type === 'Touchpoint';
const isSection = (m: Member): m is Section => m.$type === 'Section';
const isArrow = (m: Member): m is Arrow => m.$type === 'Arrow';
export const isActorOrSystem = (node: AstNode): node is Actor | System => node.$type === 'Actor' || node.$type === 'System';

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

const phaseIndexes = new WeakMap<Blueprint, Derived<Map<Phase, number>>>();

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
    return blueprint.members.filter(isActorOrSystem);
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
    const links: ArrowLink[] = [];
    addArrowLinks(arrow, links);
    return links;
}

function addArrowLinks(arrow: Arrow, links: ArrowLink[]): void {
    let from = arrow.source;
    for (const segment of arrow.segments) {
        // A partial parse may leave a segment without its target: the chain skips it.
        if (segment.target === undefined) continue;
        links.push({ segment, from, to: segment.target });
        from = segment.target;
    }
}

const linksByBlueprint = new WeakMap<Blueprint, Derived<readonly ArrowLink[]>>();

/**
 * Every arrow link of a blueprint, made once per version of the tree: three checks and the model read them
 * on every keystroke. The links hold the references themselves, so relinking keeps them right.
 */
export function allArrowLinks(blueprint: Blueprint): readonly ArrowLink[] {
    return cached(linksByBlueprint, blueprint, () => {
        const links: ArrowLink[] = [];
        for (const arrow of arrowsOf(blueprint)) addArrowLinks(arrow, links);
        return links;
    });
}

/** Anything that carries properties: a blueprint (among its members) or a block. */
export type PropertyOwner = Blueprint | { properties: Property[] };

export function propertiesOf(node: PropertyOwner): Property[] {
    // By the type name: an \`in\` test on thousands of differently shaped nodes is slow.
    return (node as { $type?: string }).$type === 'Blueprint' ? (node as Blueprint).members.filter(isProperty) : (node as { properties: Property[] }).properties;
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
