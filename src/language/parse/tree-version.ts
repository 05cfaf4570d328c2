import type { RootCstNode } from 'langium';

/**
 * How many times a syntax tree was changed in place (an incremental re-parse splices a statement
 * into the tree it had). Values derived from a tree are kept with the version they were made
 * from: the text alone cannot tell, since an edit and its undo give the old text back while the
 * tree holds new nodes.
 */
const versions = new WeakMap<RootCstNode, number>();

export function treeVersion(root: RootCstNode): number {
    return versions.get(root) ?? 0;
}

export function treeChangedInPlace(root: RootCstNode): void {
    versions.set(root, treeVersion(root) + 1);
}
