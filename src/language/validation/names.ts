import type { AstNode, ValidationAcceptor } from 'langium';
import type { Blueprint, SvcbpFile } from '../generated/ast.js';
import { localActorsAndSystems, namespaceMembers } from '../link/blueprint-contents.js';

type Named = AstNode & { name: string };

const KIND: Record<string, string> = {
    Phase: 'phase', Lane: 'lane', Step: 'step', Touchpoint: 'touchpoint',
    Actor: 'actor', System: 'system', Blueprint: 'blueprint'
};

/** Phases, lanes, steps and touchpoints share one namespace per blueprint; so do its actors and systems. */
export function checkBlueprintNames(blueprint: Blueprint, accept: ValidationAcceptor): void {
    reportDuplicates(namespaceMembers(blueprint), 'in this blueprint', accept);
    reportDuplicates(localActorsAndSystems(blueprint), 'among the actors and systems of this blueprint', accept);
}

/** Blueprints, actors and systems at the top level of a file share one namespace. */
export function checkTopLevelNames(file: SvcbpFile, accept: ValidationAcceptor): void {
    reportDuplicates(file.elements, 'at the top level of this file', accept);
}

function reportDuplicates(nodes: Named[], where: string, accept: ValidationAcceptor): void {
    const first = new Map<string, Named>();
    for (const node of nodes) {
        if (!node.name) continue;
        const earlier = first.get(node.name);
        if (!earlier) {
            first.set(node.name, node);
            continue;
        }
        const line = (earlier.$cstNode?.range.start.line ?? 0) + 1;
        accept('error', `'${node.name}' is already declared ${where} (as a ${KIND[earlier.$type]} on line ${line}).`,
            { node, property: 'name', code: 'duplicate-name' });
    }
}
