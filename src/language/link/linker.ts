import { DefaultLinker, interruptAndCheck, isAstNode, type AstNode, type LangiumDocument, type Reference } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { SvcbpFile } from '../generated/ast.js';
import { referenceSites } from './ast-walk.js';
import { pendingChanges } from '../parse/document-factory.js';

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

    /** Numbers each linking, so a reference can carry the one that kept its target. */
    private linking = 0;

    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const sites = referenceSites(document.parseResult.value as SvcbpFile);
        const linking = ++this.linking;
        this.keepLinks(document, linking);
        // A reference an editor request read before this build had loaded the imports may hold
        // a wrong answer: everything not kept on purpose is linked anew.
        for (const site of sites) {
            const reference = site.reference as KeepableReference;
            if (reference._keptBy !== linking) reset(reference);
        }
        for (let i = 0; i < sites.length; i++) {
            if (i % 1000 === 0) await interruptAndCheck(cancelToken!);
            this.doLink(sites[i], document);
        }
    }

    /**
     * Empties the document's links but those an incremental re-parse cannot have changed, which
     * stay in `document.references`, marked with this linking's number (a mark, not a set: a set
     * of 10,000 references cost more than relinking the edited statement).
     */
    private keepLinks(document: LangiumDocument, linking: number): void {
        const change = pendingChanges.get(document);
        pendingChanges.delete(document);
        const old = document.references as KeepableReference[];
        document.references = [];
        if (!change || change === 'all') return;
        const names = new Set([nameOf(change.replaced), nameOf(change.replacement)].filter(Boolean));
        for (const reference of old) {
            const target = reference._ref;
            const keep = isAstNode(target) && !within(target, change.replaced) && !names.has(reference.$refText) && !inReplaced(reference, change.replaced);
            if (keep) {
                reference._keptBy = linking;
                document.references.push(reference);
            }
        }
    }
}

type KeepableReference = Reference & { _ref?: unknown; _nodeDescription?: unknown; _keptBy?: number; node?: AstNode };

/** Whether the reference stands in the replaced statement (it is no longer in the tree). */
function inReplaced(reference: KeepableReference, replaced: AstNode): boolean {
    // Langium's references know the node they stand in.
    return reference.node !== undefined && within(reference.node, replaced);
}

function reset(reference: KeepableReference): void {
    reference._ref = undefined;
    // Not \`delete\`: that turns every reference into a slow dictionary object.
    reference._nodeDescription = undefined;
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
