import type { AstNode, CstNode, LangiumParser, ParseResult } from 'langium';
import type { SvcbpFile } from '../generated/ast.js';
import { treeChangedInPlace } from './tree-version.js';

/**
 * Re-parses only the statement an edit falls in, and splices it into the document's syntax tree.
 *
 * Langium parses a whole document on every change; in a 5,000-step blueprint that is most of the
 * time between a keystroke and new diagnostics. Most edits stay inside one step, phase,
 * touchpoint or arrow: that statement is parsed alone (with its grammar rule as the entry), the
 * positions of everything after it are shifted, and the new subtree replaces the old one. Linking
 * and validation then run as usual. Whenever the edit is not that simple (the file had or gets
 * syntax errors, the edit crosses a statement's edge, the text no longer parses as the same kind
 * of statement) the caller parses the whole document as before. tests/incremental-parse.test.ts
 * compares the result with a full parse for many edits.
 */

/** Statements that can be re-parsed alone, by the grammar rule of the same name. */
const REPARSEABLE = new Set(['Step', 'Phase', 'Touchpoint', 'Arrow', 'Line', 'Actor', 'System']);

interface Leaf extends CstNode {
    _offset: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}

interface Composite extends CstNode {
    content: CstNode[];
    _rangeCache: unknown;
    _astNode: AstNode | undefined;
    container?: Composite;
}

/** What an incremental re-parse replaced: the linker relinks only what this can affect. */
export interface StatementChange {
    replaced: AstNode;
    replacement: AstNode;
}

/** Re-parses the edited statement in place; returns what it replaced, or undefined when a full parse is needed. */
export function reparseIncrementally(parseResult: ParseResult<SvcbpFile>, oldText: string, newText: string, parser: LangiumParser): StatementChange | undefined {
    if (parseResult.lexerErrors.length > 0 || parseResult.parserErrors.length > 0) return undefined;
    const rootCst = parseResult.value.$cstNode?.root as (Composite & { _text: string; fullText: string }) | undefined;
    if (!rootCst || rootCst.fullText !== oldText) return undefined;

    // The changed region: old [start, oldEnd) became new [start, newEnd).
    const start = commonPrefixLength(oldText, newText);
    const suffix = commonSuffixLength(oldText, newText, Math.min(oldText.length, newText.length) - start);
    const oldEnd = oldText.length - suffix;

    const node = statementAround(rootCst, start, oldEnd);
    if (!node) return undefined;
    const oldCst = node.$cstNode as Composite;
    const nodeStart = oldCst.offset;
    const nodeEndOld = oldCst.end;
    const delta = newText.length - oldText.length;
    const sub = parser.parse<AstNode>(newText.slice(nodeStart, nodeEndOld + delta), { rule: node.$type });
    if (sub.lexerErrors.length > 0 || sub.parserErrors.length > 0 || sub.value?.$type !== node.$type) return undefined;
    const subRoot = sub.value.$cstNode as Composite | undefined;
    if (!subRoot || subRoot.content.length === 0) return undefined;

    const first = firstLeaf(oldCst)!;
    const lastOld = lastLeaf(oldCst)!;
    const base = { line: first._startLine, column: first._startColumn };
    const oldEndPosition = { line: lastOld._endLine, column: lastOld._endColumn };

    // Everything after the statement moves by the edit's size (and lines, and columns on its last line).
    const newLast = lastLeaf(subRoot)!;
    const newEndLine = newLast._endLine + base.line;
    const newEndColumn = newLast._endLine === 0 ? newLast._endColumn + base.column : newLast._endColumn;
    const lineDelta = newEndLine - oldEndPosition.line;
    const columnDelta = newEndColumn - oldEndPosition.column;
    // A subtree that ends before the statement neither moves nor changes its range: skipped.
    forEachCst(rootCst, cst => {
        if ((cst as Partial<Composite>).content) {
            const last = lastLeaf(cst);
            if (last && last._offset < nodeStart && cst !== rootCst) return false;
            (cst as Composite)._rangeCache = undefined;
            return true;
        }
        const leaf = cst as Leaf;
        if (leaf._offset < nodeEndOld) return true;
        leaf._offset += delta;
        if (leaf._startLine === oldEndPosition.line) leaf._startColumn += columnDelta;
        if (leaf._endLine === oldEndPosition.line) leaf._endColumn += columnDelta;
        leaf._startLine += lineDelta;
        leaf._endLine += lineDelta;
        return true;
    });

    // The new statement's positions are relative to its own text: move them to where it stands.
    forEachCst(subRoot, cst => {
        if ((cst as Partial<Composite>).content) return true;
        const leaf = cst as Leaf;
        leaf._offset += nodeStart;
        if (leaf._startLine === 0) leaf._startColumn += base.column;
        if (leaf._endLine === 0) leaf._endColumn += base.column;
        leaf._startLine += base.line;
        leaf._endLine += base.line;
        return true;
    });

    // Splice: the old CST node keeps its place and takes the new content; the new AST node takes the old one's place.
    const replacement = sub.value as AstNode & { $container?: AstNode; $containerProperty?: string; $containerIndex?: number; $cstNode?: CstNode };
    oldCst.content = subRoot.content;
    for (const child of oldCst.content) (child as Composite).container = oldCst;
    oldCst._astNode = replacement;
    oldCst._rangeCache = undefined;
    replacement.$cstNode = oldCst;
    const container = node.$container as unknown as Record<string, unknown>;
    const property = node.$containerProperty!;
    if (node.$containerIndex !== undefined) {
        (container[property] as AstNode[])[node.$containerIndex] = replacement;
        replacement.$containerIndex = node.$containerIndex;
    } else {
        container[property] = replacement;
    }
    replacement.$container = node.$container;
    replacement.$containerProperty = property;
    rootCst._text = newText;
    treeChangedInPlace(rootCst);
    return { replaced: node, replacement };
}

/** Texts are compared a chunk at a time (a native comparison of two slices), then a character at a time. */
const CHUNK = 1024;

function commonPrefixLength(a: string, b: string): number {
    const shortest = Math.min(a.length, b.length);
    let length = 0;
    while (length + CHUNK <= shortest && a.slice(length, length + CHUNK) === b.slice(length, length + CHUNK)) length += CHUNK;
    while (length < shortest && a.charCodeAt(length) === b.charCodeAt(length)) length++;
    return length;
}

/** The length of the common end of two texts, at most `limit` (so it does not overlap the common start). */
function commonSuffixLength(a: string, b: string, limit: number): number {
    let length = 0;
    while (length + CHUNK <= limit && a.slice(a.length - length - CHUNK, a.length - length) === b.slice(b.length - length - CHUNK, b.length - length)) length += CHUNK;
    while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) length++;
    return length;
}

/** The innermost re-parseable statement whose text holds the whole changed region. */
function statementAround(root: Composite, start: number, end: number): AstNode | undefined {
    let cst: CstNode | undefined = leafAt(root, start) ?? leafAt(root, start - 1);
    while (cst) {
        const composite = cst as Composite;
        const astNode = 'content' in composite ? composite._astNode : undefined;
        if (astNode && REPARSEABLE.has(astNode.$type) && composite.offset <= start && end <= composite.end) return astNode;
        cst = composite.container;
    }
    return undefined;
}

/** The leaf containing an offset, by binary search down the tree. */
function leafAt(node: CstNode, offset: number): CstNode | undefined {
    if (offset < 0) return undefined;
    let current: CstNode = node;
    while ('content' in current) {
        const content = (current as Composite).content;
        let low = 0;
        let high = content.length - 1;
        let found: CstNode | undefined;
        while (low <= high) {
            const middle = (low + high) >> 1;
            const child = content[middle];
            if (offset < child.offset) high = middle - 1;
            else if (offset >= child.end) low = middle + 1;
            else {
                found = child;
                break;
            }
        }
        if (!found) return undefined;
        current = found;
    }
    return current;
}

function firstLeaf(node: CstNode): Leaf | undefined {
    let current: CstNode | undefined = node;
    while (current && (current as Partial<Composite>).content) current = (current as Composite).content[0];
    return current as Leaf | undefined;
}

function lastLeaf(node: CstNode): Leaf | undefined {
    let current: CstNode | undefined = node;
    while (current && (current as Partial<Composite>).content) {
        const content: CstNode[] = (current as Composite).content;
        current = content[content.length - 1];
    }
    return current as Leaf | undefined;
}

/**
 * Visits CST nodes without allocating iterators or recursing (a 5,000-step file has ~100,000);
 * `visit` answers false to skip a node's children.
 */
function forEachCst(node: CstNode, visit: (node: CstNode) => boolean): void {
    const stack: CstNode[] = [node];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (!visit(current)) continue;
        const content = (current as Partial<Composite>).content;
        if (content) for (let i = content.length - 1; i >= 0; i--) stack.push(content[i]);
    }
}
