import type { Position, Range } from 'vscode-languageserver-protocol';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Random } from './random.js';

/** Pieces of blueprint text and of typing: whole words, half statements, brackets, quotes, comments. */
const PIECES = [
    'a', 'x', 'e', '_', '1', ' ', '  ', '\n', '\n  ', '{', '}', '"', '->', ' -> ', '~>', '..', ',', '-', '/', '*',
    'step s in p', 'step ', ' in ', 'phase q "Q"', 'lane l customer { }', 'touchpoint t in p', 'duration 5min', 'emotion -3',
    '"title"', '// note\n', '/* note */', '/*', 'é', '\u2028', 'uses app', 'by waiter', 'import "x"\n'
];

/** A random edit as an editor sends it: a range of the current text and what replaces it (typing, deleting, pasting). */
export function randomEdit(document: TextDocument, random: Random): { range: Range; text: string } {
    const text = document.getText();
    const start = random.int(text.length + 1);
    const kind = random.pick(['type', 'type', 'delete', 'replace'] as const);
    const length = kind === 'type' ? 0 : Math.min(text.length - start, 1 + random.int(kind === 'delete' ? 8 : 20));
    const inserted = kind === 'delete' ? '' : Array.from({ length: 1 + random.int(3) }, () => random.pick(PIECES)).join('');
    return { range: { start: document.positionAt(start), end: document.positionAt(start + length) }, text: inserted };
}

/** A position in the text, or a stale one: from an older version, past the end, or past a line's end. */
export function randomPosition(document: TextDocument, older: TextDocument, random: Random): Position {
    const roll = random.next();
    if (roll < 0.6) return document.positionAt(random.int(document.getText().length + 1));
    if (roll < 0.8) return older.positionAt(random.int(older.getText().length + 1));
    if (roll < 0.9) return { line: document.lineCount + random.int(5), character: random.int(40) };
    return { line: random.int(document.lineCount), character: 200 + random.int(200) };
}
