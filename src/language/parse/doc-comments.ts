import type { AstNode, RootCstNode } from 'langium';

/** Per document text, its lines: split once, read by every declaration (the root outlives an incremental re-parse). */
const linesByRoot = new WeakMap<RootCstNode, { text: string; lines: string[] }>();

/**
 * The documentation of a declaration: the `//`, `///` or `/* *\/` comment lines directly above it
 * (no blank line between), when the declaration starts its line. Directive comments
 * (`// svcbp-disable-next-line`) are not documentation.
 */
export function docCommentOf(node: AstNode): string | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const lines = linesOf(cst.root);
    const start = cst.range.start;
    // Most declarations have no comment above: say so before cutting any text.
    if (start.line === 0 || !COMMENT_END.test(lines[start.line - 1])) return undefined;
    if (lines[start.line]?.slice(0, start.character).trim() !== '') return undefined;
    const collected: string[] = [];
    let line = start.line - 1;
    const above = (index: number) => lines[index]?.trim() ?? '';
    if (above(line).endsWith('*/')) {
        while (line >= 0 && !above(line).includes('/*')) collected.unshift(above(line--));
        // A block that ends the line of a statement before (`step a in p /* … */`) belongs to it.
        if (line < 0 || !above(line).startsWith('/*')) return undefined;
        collected.unshift(above(line));
        return clean(collected.join('\n').replace(/^\/\*+/, '').replace(/\*+\/$/, ''), /^\s*\*? ?/);
    }
    while (line >= 0 && above(line).startsWith('//') && !above(line).includes('svcbp-disable')) collected.unshift(above(line--));
    return collected.length > 0 ? clean(collected.join('\n'), /^\/\/\/? ?/) : undefined;
}

/** A line that a comment above a declaration can end with: a line comment, or the end of a block comment. */
const COMMENT_END = /^\s*\/\/|\*\/\s*$/;

function clean(text: string, prefix: RegExp): string | undefined {
    const result = text.split('\n').map(line => line.replace(prefix, '').trimEnd()).join('\n').trim();
    return result || undefined;
}

function linesOf(root: RootCstNode): string[] {
    const entry = linesByRoot.get(root);
    if (entry && entry.text === root.fullText) return entry.lines;
    const lines = root.fullText.split(/\r?\n/);
    linesByRoot.set(root, { text: root.fullText, lines });
    return lines;
}
