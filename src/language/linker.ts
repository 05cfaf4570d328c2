import { DefaultLinker, interruptAndCheck, isAstNode, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { SvcbpFile } from './generated/ast.js';
import { referenceSites } from './ast-walk.js';
import { pendingChanges } from './document-factory.js';

/**
 * Langium's linker, fed from the grammar's known reference sites instead of a generic AST walk,
 * and relinking only what an edit can affect.
 *
 * Langium unlinks a document when it changes, before it is parsed again. Here unlinking waits
 * until linking: after a full parse everything is linked anew, but after an incremental re-parse
 * (incremental-parse.ts) a reference keeps its target unless it lies in the replaced statement,
 * points into it, carries the statement's old or new name, or did not resolve.
 */
export class SvcbpLinker extends DefaultLinker {
    override unlink(): void {
        // Deferred to link(): see the class comment.
    }

    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const sites = referenceSites(document.parseResult.value as SvcbpFile);
        const kept = this.resetLinks(document, sites.map(site => site.reference));
        // A reference an editor request read before this build had loaded the imports may hold
        // a wrong answer: everything not kept on purpose is linked anew.
        for (const site of sites) if (!kept.has(site.reference)) reset(site.reference);
        for (let i = 0; i < sites.length; i++) {
            if (i % 1000 === 0) await interruptAndCheck(cancelToken!);
            this.doLink(sites[i], document);
        }
    }

    /** Resets the document's links; answers the references that keep their target. */
    private resetLinks(document: LangiumDocument, current: Reference[]): Set<Reference> {
        const change = pendingChanges.get(document);
        pendingChanges.delete(document);
        const old = document.references as Array<Reference & { _ref?: unknown; _nodeDescription?: unknown }>;
        document.references = [];
        if (!change || change === 'all') {
            for (const reference of old) reset(reference);
            return new Set();
        }
        const inTree = new Set<Reference>(current);
        const names = new Set([nameOf(change.replaced), nameOf(change.replacement)].filter(Boolean));
        for (const reference of old) {
            const target = reference._ref;
            const keep = inTree.has(reference) && isAstNode(target) && !within(target, change.replaced) && !names.has(reference.$refText);
            if (keep) document.references.push(reference);
            else reset(reference);
        }
        return new Set(document.references as Reference[]);
    }
}

function reset(reference: Reference & { _ref?: unknown; _nodeDescription?: unknown }): void {
    reference._ref = undefined;
    delete reference._nodeDescription;
}

function nameOf(node: AstNode): string | undefined {
    return (node as AstNode & { name?: string }).name;
}

/** Whether a node is the given one or inside it. */
function within(node: AstNode, ancestor: AstNode): boolean {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (current === ancestor) return true;
    }
    return false;
}
