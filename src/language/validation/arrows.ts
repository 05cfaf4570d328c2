import type { AstNode, ValidationAcceptor } from 'langium';
import { isStep, type Blueprint, type LaneKind, type Node, type Step } from '../generated/ast.js';
import { allArrowLinks, findProperty, stepsOf, type ArrowLink } from '../blueprint-contents.js';

const laneKind = (node: Node | undefined): LaneKind | undefined => (isStep(node) ? node.$container.kind : undefined);

/**
 * Checks over a blueprint's arrows, one pass: self-arrow, duplicate-arrow, arrow-from-notes,
 * customer-bypasses-frontstage, then decision-without-branches from the outgoing counts.
 */
export function checkArrows(blueprint: Blueprint, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    const outgoing = new Map<AstNode, number>();
    const paths = new PathNames();
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
        if (bypassesFrontstage(segment.op, laneKind(from), laneKind(to))) {
            warn('customer-bypasses-frontstage',
                `The customer step connects straight to a ${laneKind(from) === 'customer' ? laneKind(to) : laneKind(from)} step; go through a touchpoint or a frontstage step.`);
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

function bypassesFrontstage(op: string, from?: LaneKind, to?: LaneKind): boolean {
    const hidden = (kind?: LaneKind) => kind === 'backstage' || kind === 'support';
    return (from === 'customer' && hidden(to)) || (op === '<->' && to === 'customer' && hidden(from));
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
