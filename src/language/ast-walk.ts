import type { AstNode, Reference, ReferenceInfo } from 'langium';
import {
    isBlueprint, type Arrow, type ByProperty, type Lane, type LinkProperty, type Property, type Section, type Segment, type Step,
    type SvcbpFile, type Touchpoint, type UsesProperty
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
            switch (member.$type) {
                case 'Section':
                    nodes.push(member);
                    (member as Section).members.forEach(visitMember);
                    break;
                case 'Lane':
                    nodes.push(member, ...(member as Lane).properties);
                    (member as Lane).steps.forEach(withProperties);
                    break;
                case 'Arrow':
                    nodes.push(member, ...(member as Arrow).segments);
                    break;
                case 'Phase': case 'Touchpoint': case 'Actor': case 'System':
                    withProperties(member);
                    break;
                default:
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
    // By the exact type name: none of these types has subtypes, and the type guards' look-up in
    // the type hierarchy is measurable at 10,000 nodes per keystroke.
    for (const node of astNodes(root)) {
        switch (node.$type) {
            case 'Step':
                add(node, 'phase', (node as Step).phase);
                add(node, 'endPhase', (node as Step).endPhase);
                break;
            case 'Touchpoint':
                add(node, 'phase', (node as Touchpoint).phase);
                break;
            case 'Lane':
                add(node, 'actor', (node as Lane).actor);
                break;
            case 'Arrow':
                add(node, 'source', (node as Arrow).source);
                break;
            case 'Segment':
                add(node, 'target', (node as Segment).target);
                break;
            case 'ByProperty':
                add(node, 'actor', (node as ByProperty).actor);
                break;
            case 'LinkProperty':
                add(node, 'target', (node as LinkProperty).target);
                break;
            case 'UsesProperty':
                (node as UsesProperty).systems.forEach((system, index) => add(node, 'systems', system, index));
                break;
        }
    }
    return sites;
}
