import type { SourceRange } from '../src/model/types.js';

/** `data-range="l:c-l:c"` (0-based, as in the model) → a range. */
export function parseRange(text: string | null): SourceRange | undefined {
    const match = text && /^(\d+):(\d+)-(\d+):(\d+)$/.exec(text);
    if (!match) return undefined;
    const [l1, c1, l2, c2] = match.slice(1).map(Number);
    return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
    return a.line - b.line || a.character - b.character;
}

export function contains(range: SourceRange, position: { line: number; character: number }): boolean {
    return compare(range.start, position) <= 0 && compare(position, range.end) <= 0;
}

/** How big a range is, to pick the innermost of the ranges around the cursor. */
export function extent(range: SourceRange): number {
    return (range.end.line - range.start.line) * 100_000 + (range.end.character - range.start.character);
}
