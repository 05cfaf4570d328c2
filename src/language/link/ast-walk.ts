import type { AstNode, Reference, ReferenceInfo } from 'langium';
import { treeVersion } from '../parse/tree-version.js';
import {
    isBlueprint, type Arrow, type ByProperty, type Lane, type LinkProperty, type Property, type Section, type Segment, type Step,
    type SvcbpFile, type Touchpoint, type UnknownProperty, type UsesProperty
} from '../generated/ast.js';

/**
 * Every node of a file in document order, by the grammar's known shape. Langium's generic walk
 * (`streamAst`) reads every key of every node through streams; at 20,000 steps that alone cost
 * more than our checks. tests/ast-walk.test.ts keeps the two in agreement.
 */
export function astNodes(root: SvcbpFile): AstNode[] {
    return cached(nodesByRoot, root, collectNodes);
}

/** Each walk is done once per version of a tree (see tree-version.ts). */
const nodesByRoot = new WeakMap<SvcbpFile, Derived<AstNode[]>>();
const sitesByRoot = new WeakMap<SvcbpFile, Derived<ReferenceSite[]>>();

/** A value derived from a tree, with the version of the tree it was made from. */
export interface Derived<T> {
    version: number;
    value: T;
}

/** A value computed once per node and version of its tree (valid until the tree changes). */
export function cached<K extends AstNode, T>(cache: WeakMap<K, Derived<T>>, node: K, compute: (node: K) => T): T {
    const root = node.$cstNode?.root;
    if (!root) return compute(node);
    const version = treeVersion(root);
    const entry = cache.get(node);
    if (entry && entry.version === version) return entry.value;
    const value = compute(node);
    cache.set(node, { version, value });
    return value;
}

function collectNodes(root: SvcbpFile): AstNode[] {
    const nodes: AstNode[] = [root, ...root.imports];
    for (const element of root.elements) {
        if (!isBlueprint(element)) {
            addStatement(element, nodes);
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
                    for (const step of (member as Lane).steps) addStatement(step, nodes);
                    break;
                default:
                    addStatement(member, nodes); // a phase, touchpoint, arrow, line, actor, system, or a property of the blueprint
            }
        };
        element.members.forEach(visitMember);
    }
    return nodes;
}

/** A statement and the nodes inside it, in document order: an arrow's segments, a block's properties. */
function addStatement(node: AstNode, nodes: AstNode[]): void {
    nodes.push(node);
    if (node.$type === 'Arrow') nodes.push(...(node as Arrow).segments);
    else {
        const { properties, unknown } = node as { properties?: Property[]; unknown?: UnknownProperty[] };
        if (properties) nodes.push(...properties);
        if (unknown) nodes.push(...unknown);
    }
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
    for (const node of astNodes(root)) addSites(node, sites);
    return sites;
}

/** A node's own cross-references. */
function addSites(node: AstNode, sites: ReferenceSite[]): void {
    const add = (property: string, reference: Reference | undefined, index?: number) => {
        if (reference) sites.push({ container: node, property, reference, index });
    };
    // By the exact type name: none of these types has subtypes, and the type guards' look-up in
    // the type hierarchy is measurable at 10,000 nodes per keystroke.
    switch (node.$type) {
        case 'Step':
            add('phase', (node as Step).phase);
            add('endPhase', (node as Step).endPhase);
            break;
        case 'Touchpoint':
            add('phase', (node as Touchpoint).phase);
            break;
        case 'Lane':
            add('actor', (node as Lane).actor);
            break;
        case 'Arrow':
            add('source', (node as Arrow).source);
            break;
        case 'Segment':
            add('target', (node as Segment).target);
            break;
        case 'ByProperty':
            add('actor', (node as ByProperty).actor);
            break;
        case 'LinkProperty':
            add('target', (node as LinkProperty).target);
            break;
        case 'UsesProperty':
            (node as UsesProperty).systems.forEach((system, index) => add('systems', system, index));
            break;
    }
}

/**
 * After an incremental re-parse replaced one statement in place, the walks of the tree as it
 * was (`fromVersion`) are patched rather than redone: the statement's stretch of nodes and of
 * reference sites is swapped for the replacement's (a statement's nodes and sites are contiguous
 * in document order). A walk of another version is dropped, to be made anew when asked.
 */
export function replaceStatementInWalks(root: SvcbpFile, fromVersion: number, replaced: AstNode, replacement: AstNode): void {
    const version = root.$cstNode ? treeVersion(root.$cstNode.root) : -1;
    const nodes = nodesByRoot.get(root);
    const sites = sitesByRoot.get(root);
    nodesByRoot.delete(root);
    sitesByRoot.delete(root);
    if (!nodes || nodes.version !== fromVersion) return;
    const at = nodes.value.indexOf(replaced);
    if (at < 0) return;
    const oldNodes: AstNode[] = [];
    addStatement(replaced, oldNodes);
    const newNodes: AstNode[] = [];
    addStatement(replacement, newNodes);
    nodes.value.splice(at, oldNodes.length, ...newNodes);
    nodesByRoot.set(root, { version, value: nodes.value });
    if (!sites || sites.version !== fromVersion) return;
    const inOld = new Set(oldNodes);
    const first = sites.value.findIndex(site => inOld.has(site.container));
    const newSites: ReferenceSite[] = [];
    for (const node of newNodes) addSites(node, newSites);
    if (first < 0) {
        // The old statement had no references: nothing changes unless the new one has some
        // (rare: a statement gains its first reference), and then the sites are walked anew.
        if (newSites.length > 0) return;
        sitesByRoot.set(root, { version, value: sites.value });
        return;
    }
    let count = 0;
    while (first + count < sites.value.length && inOld.has(sites.value[first + count].container)) count++;
    sites.value.splice(first, count, ...newSites);
    sitesByRoot.set(root, { version, value: sites.value });
}
