import { isLane, isLine, type Blueprint, type Lane, type Line, type LineKind } from '../language/generated/ast.js';
import { lanesOf, placedMembers } from '../language/link/blueprint-contents.js';

/** A line in force: where it is drawn, as the number of lanes above it. */
export interface LinePlacement {
    kind: LineKind;
    label?: string;
    /** Number of lanes above the line (0 = above the first lane). */
    position: number;
    /** Written with `line`, or inferred from the lane kinds. */
    written: boolean;
    node?: Line;
}

/** The canonical lines, top to bottom. */
export const CANONICAL_LINES: readonly LineKind[] = ['interaction', 'visibility', 'internal'];

/**
 * The lines a blueprint draws. Written lines stand exactly where they are written; with no
 * `line` statement, the canonical three are inferred from the lane kinds (see the spec).
 */
export function linesInForce(blueprint: Blueprint): LinePlacement[] {
    const written: LinePlacement[] = [];
    let lanesAbove = 0;
    for (const { node } of placedMembers(blueprint)) {
        if (isLane(node)) lanesAbove++;
        else if (isLine(node)) written.push({ kind: node.kind, label: node.label, position: lanesAbove, written: true, node });
    }
    return written.length > 0 ? written : inferLines(lanesOf(blueprint));
}

export function inferLines(lanes: Array<Pick<Lane, 'kind'>>): LinePlacement[] {
    const lines: LinePlacement[] = [];
    // The customer side is the evidence and customer lanes above the organisation's first lane;
    // one that stands lower is misplaced (lane-order), not a reason to move the line.
    const firstOrganisation = lanes.findIndex(lane => lane.kind === 'frontstage' || lane.kind === 'backstage' || lane.kind === 'support');
    const customerSide = firstOrganisation < 0 ? lanes : lanes.slice(0, firstOrganisation);
    const lastCustomerSide = findLastIndex(customerSide, lane => lane.kind === 'evidence' || lane.kind === 'customer');
    if (lastCustomerSide >= 0 && lastCustomerSide < lanes.length - 1) {
        lines.push({ kind: 'interaction', position: lastCustomerSide + 1, written: false });
    }
    const firstBackstage = lanes.findIndex(lane => lane.kind === 'backstage');
    if (firstBackstage >= 0) lines.push({ kind: 'visibility', position: firstBackstage, written: false });
    const firstSupport = lanes.findIndex(lane => lane.kind === 'support');
    if (firstSupport >= 0) lines.push({ kind: 'internal', position: firstSupport, written: false });
    return lines.sort((a, b) => a.position - b.position);
}

/**
 * Where touchpoints are drawn: on the line of interaction, or where there is none, below the
 * (last) customer lane; failing that, below the last evidence lane, else at the top.
 */
export function touchpointPosition(lanes: Array<Pick<Lane, 'kind'>>, lines: LinePlacement[]): number {
    const interaction = lines.find(line => line.kind === 'interaction');
    if (interaction) return interaction.position;
    const customer = findLastIndex(lanes, lane => lane.kind === 'customer');
    if (customer >= 0) return customer + 1;
    return findLastIndex(lanes, lane => lane.kind === 'evidence') + 1;
}

function findLastIndex<T>(items: T[], test: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) if (test(items[i])) return i;
    return -1;
}
