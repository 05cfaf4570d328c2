import type { AstNode, Reference, ReferenceInfo } from 'langium';
import {
    isActor, isArrow, isBlueprint, isByProperty, isLane, isLinkProperty, isPhase, isProperty, isSection,
    isStep, isSystem, isTouchpoint, isUsesProperty, type Property, type SvcbpFile
} from './generated/ast.js';

/**
 * Every node of a file in document order, by the grammar's known shape. Langium's generic walk
 * (`streamAst`) reads every key of every node through streams; at 20,000 steps that alone cost
 * more than our checks. tests/ast-walk.test.ts keeps the two in agreement.
 */
export function astNodes(root: SvcbpFile): AstNode[] {
    return cached(nodesByRoot, root, collectNodes);
}

/**
 * Each walk is done once per text of a tree. The text is the key's second half because an
 * incremental re-parse (incremental-parse.ts) changes a tree in place.
 */
const nodesByRoot = new WeakMap<SvcbpFile, { text: string; value: AstNode[] }>();
const sitesByRoot = new WeakMap<SvcbpFile, { text: string; value: ReferenceSite[] }>();

/** A value computed once per node and text (valid until the document changes). */
export function cached<K extends AstNode, T>(cache: WeakMap<K, { text: string; value: T }>, node: K, compute: (node: K) => T): T {
    const text = node.$cstNode?.root.fullText ?? '';
    const entry = cache.get(node);
    if (entry && entry.text === text) return entry.value;
    const value = compute(node);
    cache.set(node, { text, value });
    return value;
}

function collectNodes(root: SvcbpFile): AstNode[] {
    const nodes: AstNode[] = [root, ...root.imports];
    const withProperties = (node: AstNode & { properties?: Property[] }) => {
        nodes.push(node);
        if (node.properties) nodes.push(...node.properties);
    };
    for (const element of root.elements) {
        if (!isBlueprint(element)) {
            withProperties(element);
            continue;
        }
        nodes.push(element);
        const visitMember = (member: AstNode): void => {
            if (isSection(member)) {
                nodes.push(member);
                member.members.forEach(visitMember);
            } else if (isLane(member)) {
                nodes.push(member, ...member.properties);
                member.steps.forEach(withProperties);
            } else if (isArrow(member)) {
                nodes.push(member, ...member.segments);
            } else if (isPhase(member) || isTouchpoint(member) || isActor(member) || isSystem(member)) {
                withProperties(member);
            } else {
                nodes.push(member); // a property of the blueprint, or a line
            }
        };
        element.members.forEach(visitMember);
    }
    return nodes;
}

/** A cross-reference and where it stands (the language has only single references). */
export interface ReferenceSite extends ReferenceInfo {
    reference: Reference;
}

/** Every cross-reference of a file, as Langium's linker and index expect them. */
export function referenceSites(root: SvcbpFile): ReferenceSite[] {
    return cached(sitesByRoot, root, collectSites);
}

function collectSites(root: SvcbpFile): ReferenceSite[] {
    const sites: ReferenceSite[] = [];
    const add = (container: AstNode, property: string, reference: Reference | undefined, index?: number) => {
        if (reference) sites.push({ container, property, reference, index });
    };
    for (const node of astNodes(root)) {
        if (isStep(node)) {
            add(node, 'phase', node.phase);
            add(node, 'endPhase', node.endPhase);
        } else if (isTouchpoint(node)) {
            add(node, 'phase', node.phase);
        } else if (isLane(node)) {
            add(node, 'actor', node.actor);
        } else if (isArrow(node)) {
            add(node, 'source', node.source);
        } else if (node.$type === 'Segment') {
            add(node, 'target', (node as AstNode & { target?: Reference }).target);
        } else if (isProperty(node)) {
            if (isByProperty(node)) add(node, 'actor', node.actor);
            else if (isLinkProperty(node)) add(node, 'target', node.target);
            else if (isUsesProperty(node)) node.systems.forEach((system, index) => add(node, 'systems', system, index));
        }
    }
    return sites;
}
