import { GrammarUtils, type ValidationAcceptor } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Blueprint, Lane, LineKind } from '../generated/ast.js';
import { lanesOf } from '../link/blueprint-contents.js';
import { CANONICAL_LINES, linesInForce, type LinePlacement } from '../../model/lines.js';

const LINE_NAME: Record<LineKind, string> = {
    interaction: 'line of interaction', visibility: 'line of visibility', internal: 'line of internal interaction',
    operation: 'line of operation', implementation: 'line of implementation', custom: 'custom line'
};

/** lane-order: lanes on the wrong side of a line, lines out of order, the same line twice. */
export function checkLaneOrder(blueprint: Blueprint, accept: ValidationAcceptor): void {
    const lines = linesInForce(blueprint);
    checkLineSequence(lines, accept);
    const first = (kind: LineKind) => lines.find(line => line.kind === kind);
    const interaction = first('interaction');
    const visibility = first('visibility');
    const internal = first('internal');
    const lanes = lanesOf(blueprint);
    // Inferred lines are drawn below the customer side above the organisation's first lane; an
    // organisation lane above every customer lane is the misplaced one (with customer lanes on
    // both sides of it, the lower customer lane is, and the check below says so: one warning).
    const inferred = !lines.some(line => line.written);
    const firstCustomer = lanes.findIndex(lane => lane.kind === 'customer');
    lanes.forEach((lane, index) => {
        const warn0 = (message: string): void => accept('warning', message, { node: lane, code: 'lane-order', range: laneHeader(lane) });
        if (inferred && index < firstCustomer && (lane.kind === 'frontstage' || lane.kind === 'backstage' || lane.kind === 'support')) {
            warn0(`The ${lane.kind} lane '${lane.name}' stands above the customer lane '${lanes[firstCustomer].name}'; move it below, under the line of interaction.`);
            return;
        }
        if (lane.kind === 'evidence' && firstCustomer >= 0 && index > firstCustomer) {
            warn0(`The evidence lane '${lane.name}' stands below the customer lane '${lanes[firstCustomer].name}'; move it above: evidence is what the customer sees, drawn on top.`);
            return;
        }
        const above = (line?: LinePlacement) => line !== undefined && line.position <= index;
        const below = (line?: LinePlacement) => line !== undefined && line.position > index;
        const warn = (message: string): void => accept('warning', message, { node: lane, code: 'lane-order', range: laneHeader(lane) });
        switch (lane.kind) {
            case 'evidence':
            case 'customer':
                if (above(interaction)) warn(`The ${lane.kind} lane '${lane.name}' stands below the line of interaction; move it above.`);
                break;
            case 'frontstage':
                if (above(visibility)) warn(`The frontstage lane '${lane.name}' stands below the line of visibility; move it above.`);
                break;
            case 'backstage':
                if (below(visibility)) warn(`The backstage lane '${lane.name}' stands above the line of visibility; move it below.`);
                else if (above(internal)) warn(`The backstage lane '${lane.name}' stands below the line of internal interaction; move it above.`);
                break;
            case 'support':
                if (below(internal)) warn(`The support lane '${lane.name}' stands above the line of internal interaction; move it below.`);
                break;
        }
    });
}

function checkLineSequence(lines: LinePlacement[], accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    let highestRank = -1;
    let highestKind: LineKind | undefined;
    for (const line of lines) {
        if (!line.node) continue;
        const key = CANONICAL_LINES.includes(line.kind) ? line.kind : `${line.kind}:${line.label ?? ''}`;
        if (seen.has(key)) {
            accept('warning', `The ${LINE_NAME[line.kind]} is drawn twice; remove this one.`, { node: line.node, code: 'lane-order' });
            continue;
        }
        seen.add(key);
        const rank = CANONICAL_LINES.indexOf(line.kind);
        if (rank < 0) continue;
        if (rank < highestRank && highestKind) {
            accept('warning', `The ${LINE_NAME[line.kind]} must come above the ${LINE_NAME[highestKind]}.`, { node: line.node, code: 'lane-order' });
        } else {
            highestRank = rank;
            highestKind = line.kind;
        }
    }
}

/** From `lane` to the end of the header (kind, or `by` actor), where the warning reads best. */
function laneHeader(lane: Lane): Range {
    const start = lane.$cstNode!.range.start; // a validated node always has its CST
    const last = lane.actor?.$refNode ?? GrammarUtils.findNodeForProperty(lane.$cstNode, 'kind');
    return { start, end: last?.range.end ?? lane.$cstNode!.range.end };
}
