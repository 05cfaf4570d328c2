import type { Layout, LineStart } from './format-layout.js';

export type TokenKind = 'code' | 'line-comment' | 'block-comment';

export interface Token {
    start: number;
    end: number;
    kind: TokenKind;
}

/** The white space between two tokens (or before the first, after the last) and what replaces it. */
export interface Gap {
    start: number;
    end: number;
    text: string;
}

type Wanted = ({ line: true } & LineStart) | { line: false; tight: boolean };

/**
 * The new white space of every gap between tokens: only gaps are rewritten, so tokens (strings,
 * comments) stay byte for byte. What a comment means depends on the lines around it (a comment
 * directly above a declaration documents it; `// svcbp-disable-next-line` acts on the next
 * line), so around comments and on the line after a disable comment (`pinned`) line breaks and
 * blank lines stay where they were; only indentation and the spaces within a line change.
 */
export function formatGaps(text: string, tokens: Token[], layout: Layout, pinned: Set<number>, indentUnit: string): Gap[] {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    if (tokens.length === 0) return [{ start: 0, end: text.length, text: bom }];
    const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n';
    const newline = (level: number, blank: boolean) => eol + (blank ? eol : '') + indentUnit.repeat(level);
    const lines = tokenLines(text, tokens);
    const original = (j: number) => text.slice(tokens[j - 1].end, tokens[j].start);
    const touchesPinned = (j: number) => pinned.has(lines.end[j - 1]) || pinned.has(lines.start[j]);

    const gaps: Gap[] = [{ start: 0, end: tokens[0].start, text: bom }];
    let statementLevel = 0;
    let previousCode = -1;
    for (let next = 0; next <= tokens.length; next++) {
        if (next < tokens.length && tokens[next].kind !== 'code') continue;
        // A run: code token `previousCode`, comments, code token `next` (or the end).
        const wanted = wantedBefore(tokens, layout, previousCode, next);
        const first = Math.max(previousCode + 1, 1);
        const last = Math.min(next, tokens.length - 1);
        const comments = next - previousCode - 1;
        const breaks: boolean[] = [];
        for (let j = first; j <= last; j++) breaks.push(hasLineBreak(original(j)) || tokens[j - 1].kind === 'line-comment');
        // Comments on one line between two statements: the line breaks before them, so they
        // stay with the statement they precede (and document nothing, as before).
        if (comments > 0 && wanted.line && previousCode >= 0 && !breaks.includes(true) && !touchesPinned(first)) breaks[0] = true;
        const closesBlock = next < tokens.length && text.slice(tokens[next].start, tokens[next].end) === '}';
        for (let j = first; j <= last; j++) {
            const gap = original(j);
            const blank = countLineBreaks(gap) >= 2;
            let replacement: string;
            if (comments === 0) {
                if (wanted.line) {
                    replacement = touchesPinned(j) && !hasLineBreak(gap) ? ' ' : newline(wanted.level, wanted.blank === 'force' || (wanted.blank === 'keep' && blank));
                } else {
                    replacement = touchesPinned(j) && hasLineBreak(gap) ? newline(statementLevel + 1, false) : wanted.tight ? '' : ' ';
                }
            } else if (breaks[j - first]) {
                // Comments take the indentation of what follows them; before a `}`, of the block's members.
                const level = !wanted.line ? statementLevel + 1 : tokens[j].kind === 'code' || !closesBlock ? wanted.level : wanted.level + 1;
                const afterCode = j === previousCode + 1;
                replacement = newline(level, afterCode && wanted.line && wanted.blank === 'force' ? true : blank);
            } else {
                const betweenComments = tokens[j - 1].kind !== 'code' && tokens[j].kind !== 'code';
                replacement = betweenComments || gap === '' ? gap : ' ';
            }
            gaps.push({ start: tokens[j - 1].end, end: tokens[j].start, text: replacement });
        }
        if (wanted.line) statementLevel = wanted.level;
        previousCode = next;
    }
    gaps.push({ start: tokens[tokens.length - 1].end, end: text.length, text: eol });
    return gaps;
}

/** What the layout wants between the code token `previous` and the code token `next`. */
function wantedBefore(tokens: Token[], layout: Layout, previous: number, next: number): Wanted {
    if (next === tokens.length) return { line: true, level: 0, blank: 'keep' };
    const mark = layout.lineStarts.get(tokens[next].start);
    if (previous < 0) return { line: true, level: mark?.level ?? 0, blank: 'keep' };
    if (mark) return { line: true, ...mark };
    return { line: false, tight: layout.tightBefore.has(tokens[next].start) || layout.tightAfter.has(tokens[previous].start) };
}

/** The line (counting `\n`, as disable comments do) each token starts and ends on. */
function tokenLines(text: string, tokens: Token[]): { start: number[]; end: number[] } {
    const start: number[] = [];
    const end: number[] = [];
    let line = 0;
    let offset = 0;
    for (const token of tokens) {
        line += countLineBreaks(text, offset, token.start);
        start.push(line);
        line += countLineBreaks(text, token.start, token.end);
        end.push(line);
        offset = token.end;
    }
    return { start, end };
}

function countLineBreaks(text: string, from = 0, to = text.length): number {
    let count = 0;
    for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
    return count;
}

const hasLineBreak = (gap: string) => gap.includes('\n');
