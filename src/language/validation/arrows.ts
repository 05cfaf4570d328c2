import type { AstNode, ValidationAcceptor } from 'langium';
import { isStep, type Blueprint, type Lane, type LaneKind, type Node, type Step } from '../generated/ast.js';
import { allArrowLinks, findProperty, lanesOf, stepsOf, type ArrowLink } from '../link/blueprint-contents.js';
import { linesInForce } from '../../model/lines.js';

const laneOf = (node: Node | undefined): Lane | undefined => (isStep(node) ? node.$container : undefined);
const laneKind = (node: Node | undefined): LaneKind | undefined => laneOf(node)?.kind;

/**
 * Checks over a blueprint's arrows, one pass: self-arrow, duplicate-arrow, arrow-from-notes,
 * customer-bypasses-frontstage, then decision-without-branches from the outgoing counts.
 */
export function checkArrows(blueprint: Blueprint, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    const outgoing = new Map<AstNode, number>();
    const paths = new PathNames();
    const hidden = hiddenLanes(blueprint);
    for (const link of allArrowLinks(blueprint)) {
        const from = link.from?.ref;
        const to = link.to?.ref;
        if (!from || !to) continue; // unresolved-reference says it
        const segment = link.segment;
        const warn = (code: string, message: string) => accept('warning', message, { node: segment, code });
        countOutgoing(outgoing, link, from, to);
        if (from === to) {
            warn('self-arrow', `This arrow goes from '${from.name}' to itself.`);
            continue;
        }
        const key = arrowKey(segment.op, paths.of(from), paths.of(to));
        if (seen.has(key)) warn('duplicate-arrow', `The arrow ${from.name} ${segment.op} ${to.name} is already drawn; remove this one.`);
        seen.add(key);
        if (laneKind(from) === 'notes' || laneKind(to) === 'notes') {
            const note = laneKind(from) === 'notes' ? from : to;
            warn('arrow-from-notes', `'${note.name}' is a note; notes explain the blueprint and take no part in the flow.`);
        }
        const behind = bypassedSide(laneOf(from), laneOf(to), hidden);
        if (behind) {
            warn('customer-bypasses-frontstage',
                `The customer step connects straight to a ${behind} step; go through a touchpoint or a frontstage step.`);
        }
    }
    for (const step of stepsOf(blueprint)) {
        if (step.name && findProperty(step, 'decision') && (outgoing.get(step) ?? 0) < 2) {
            accept('warning', `The decision '${step.name}' has ${outgoing.get(step) ?? 0} outgoing arrow(s); a decision needs at least two branches.`,
                { node: step, property: 'name', code: 'decision-without-branches' });
        }
    }
}

function countOutgoing(outgoing: Map<AstNode, number>, link: ArrowLink, from: Node, to: Node): void {
    outgoing.set(from, (outgoing.get(from) ?? 0) + 1);
    if (link.segment.op === '<->') outgoing.set(to, (outgoing.get(to) ?? 0) + 1);
}

/** A two-way arrow is the same whichever way it is written. */
function arrowKey(op: string, from: string, to: string): string {
    return op === '<->' && to < from ? `${to} ${op} ${from}` : `${from} ${op} ${to}`;
}

/**
 * What the customer reaches behind the frontstage, in either direction: a backstage or support
 * step, or in the actor variant a step of an actor lane below the line of visibility.
 */
function bypassedSide(from: Lane | undefined, to: Lane | undefined, hidden: Set<Lane>): string | undefined {
    const behind = (lane?: Lane) => lane !== undefined && hidden.has(lane);
    const describe = (lane: Lane) => (lane.kind === 'actor' ? `'${lane.title ?? lane.name}' (below the line of visibility)` : lane.kind);
    if (from?.kind === 'customer' && behind(to)) return describe(to!);
    if (to?.kind === 'customer' && behind(from)) return describe(from!);
    return undefined;
}

/** The lanes behind the line of visibility: backstage and support, and actor lanes drawn below it. */
function hiddenLanes(blueprint: Blueprint): Set<Lane> {
    const lanes = lanesOf(blueprint);
    const visibility = linesInForce(blueprint).find(line => line.kind === 'visibility');
    return new Set(lanes.filter((lane, index) => lane.kind === 'backstage' || lane.kind === 'support'
        || (lane.kind === 'actor' && visibility !== undefined && visibility.position <= index)));
}

/** Names are unique per blueprint, but a duplicate declaration may reuse one: key by node. */
class PathNames {
    private readonly ids = new Map<AstNode, string>();
    of(node: Step | Node): string {
        let id = this.ids.get(node);
        if (!id) {
            id = `${this.ids.size}`;
            this.ids.set(node, id);
        }
        return id;
    }
}
