import { AstUtils, GrammarUtils, type AstNode } from 'langium';
import { isBlueprint, isLane, isSection, isSvcbpFile } from '../generated/ast.js';

/** What happens to the blank lines before a token that starts a line. */
export type BlankLines = 'keep' | 'drop' | 'force';

export interface LineStart {
    /** Indentation, in steps. */
    level: number;
    blank: BlankLines;
}

/** The canonical layout, as marks on the offsets of the tokens they apply to. */
export interface Layout {
    /** Tokens that begin a line: declarations, block members, closing braces. */
    lineStarts: Map<number, LineStart>;
    /** Tokens with no space before them (`,`, `..`) … */
    tightBefore: Set<number>;
    /** … and after them (`..`). */
    tightAfter: Set<number>;
}

/**
 * Where the canonical layout breaks lines and how deep it indents, read from the syntax tree:
 * one import or declaration per line at the top, one member per line in a blueprint, section
 * or lane, and a property block on one line when it was written on one line, else one property
 * per line. Everything else is one space apart. Generic over the grammar: any node with its own
 * `{ … }` is a block, and its child nodes inside the braces are its members.
 */
export function layoutOf(root: AstNode): Layout {
    const layout: Layout = { lineStarts: new Map(), tightBefore: new Set(), tightAfter: new Set() };
    if (!isSvcbpFile(root)) return layout;
    for (const statement of [...root.imports, ...root.elements]) {
        // A blank line between the imports and the first declaration.
        const blank = root.imports.length > 0 && statement === root.elements[0] ? 'force' : 'keep';
        startLine(layout, statement, 0, blank);
        place(layout, statement, 0);
    }
    return layout;
}

/** Blocks that always hold one member per line. */
const alwaysMultiLine = (node: AstNode) => isBlueprint(node) || isSection(node) || isLane(node);

function place(layout: Layout, node: AstNode, level: number): void {
    const cst = node.$cstNode;
    if (!cst) return;
    for (const comma of GrammarUtils.findNodesForKeyword(cst, ',')) layout.tightBefore.add(comma.offset);
    for (const range of GrammarUtils.findNodesForKeyword(cst, '..')) {
        layout.tightBefore.add(range.offset);
        layout.tightAfter.add(range.offset);
    }
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    const multiLine = open !== undefined && close !== undefined && (alwaysMultiLine(node) || open.range.start.line !== close.range.start.line);
    for (const child of AstUtils.streamContents(node)) {
        const member = multiLine && child.$cstNode !== undefined && child.$cstNode.offset > open!.offset;
        if (member) startLine(layout, child, level + 1, alwaysMultiLine(node) ? 'keep' : 'drop');
        place(layout, child, member ? level + 1 : level);
    }
    if (multiLine) layout.lineStarts.set(close!.offset, { level, blank: 'drop' });
}

function startLine(layout: Layout, node: AstNode, level: number, blank: BlankLines): void {
    if (node.$cstNode) layout.lineStarts.set(node.$cstNode.offset, { level, blank });
}
