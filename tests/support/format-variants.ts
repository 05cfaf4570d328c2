/**
 * Variants of a blueprint text for the formatter's property tests: the same tokens with other
 * white space, comments slipped in between tokens, CRLF line breaks, tab indentation, a byte
 * order mark, strings that hold U+2028, `/*` and `//`. Every variant is built from the tokens
 * of the lexer the language uses.
 */
import { EmptyFileSystem } from 'langium';
import { createSvcbpCoreServices } from '../../src/language/svcbp-module.js';
import type { Random } from './random.js';

const lexer = createSvcbpCoreServices(EmptyFileSystem).Svcbp.parser.Lexer;

export interface LexedToken {
    start: number;
    end: number;
    image: string;
    kind: 'code' | 'string' | 'line-comment' | 'block-comment';
}

/** Every token of a text, comments included, in order. */
export function lex(text: string): LexedToken[] {
    const { tokens, hidden } = lexer.tokenize(text);
    return [...tokens, ...hidden]
        .map(token => ({
            start: token.startOffset,
            end: token.startOffset + token.image.length,
            image: token.image,
            kind: token.tokenType.name === 'SL_COMMENT' ? 'line-comment' as const
                : token.tokenType.name === 'ML_COMMENT' ? 'block-comment' as const
                : token.tokenType.name === 'STRING' ? 'string' as const : 'code' as const
        }))
        .sort((a, b) => a.start - b.start);
}

/** The text as its tokens: what the formatter must keep byte for byte. */
export function tokenImages(text: string): string[] {
    return lex(text).map(token => token.image);
}

/** Rewrites the text gap by gap: `gap(before, original, index)` gives the new white space before token `index`. */
function mapGaps(text: string, gap: (before: LexedToken | undefined, original: string, index: number) => string): string {
    const tokens = lex(text);
    let result = '';
    let offset = 0;
    tokens.forEach((token, i) => {
        result += gap(tokens[i - 1], text.slice(offset, token.start), i) + token.image;
        offset = token.end;
    });
    return result + gap(tokens.at(-1), text.slice(offset), tokens.length);
}

const SPACES = [' ', '  ', '\t', ' \t ', '\u00a0', ' \u2028 '];
const BREAKS = ['\n', '\n\n', '\n    ', '\n\t\t', '  \n ', '\n\n\n  ', '\n\t \n'];

/** The same tokens with random white space between them (never none where there was some). */
export function respin(text: string, random: Random): string {
    return mapGaps(text, (before, original) => {
        if (original === '' && before) return '';
        if (before?.kind === 'line-comment') return random.pick(BREAKS);
        return random.chance(0.5) ? random.pick(SPACES) : random.pick(BREAKS);
    });
}

/** Comments of every kind slipped into random gaps, a few disable comments among them. */
export function insertComments(text: string, random: Random, count: number): string {
    const tokens = lex(text);
    const at = new Set(Array.from({ length: count }, () => random.int(tokens.length + 1)));
    let n = 0;
    const comment = () => {
        n++;
        return random.pick([
            ` /* c${n} */ `, `/* c${n} */`, `\n/* c${n}\n\t   still c${n} */\n`, ` // c${n}\n`, `\n// c${n}\n`,
            `\n/// doc ${n}\n`, `\n  /** doc ${n} */\n`, `\n// svcbp-disable-next-line\n`, ` /* c${n} */\n`, `\n/* c${n} */ `
        ]);
    };
    return mapGaps(text, (before, original, index) => {
        if (!at.has(index) || !before) return original;
        // After a line comment the gap already holds its line break; keep it first.
        return before.kind === 'line-comment' ? `${original}${comment()}` : `${original}${comment()}${original}`;
    });
}

export const withCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
export const withTabs = (text: string) => text.replace(/^(?: {2})+/gm, indent => '\t'.repeat(indent.length / 2));
export const withBom = (text: string) => `\uFEFF${text}`;

/** Some strings (not import paths) given spaces before U+2028 and U+2029, and `/*`, `//`, `*\/` inside. */
export function hostileStrings(text: string, random: Random): string {
    const tokens = lex(text);
    let result = '';
    let offset = 0;
    tokens.forEach((token, i) => {
        const isPath = tokens[i - 1]?.image === 'import';
        const hostile = token.kind === 'string' && token.image.length > 2 && !isPath && random.chance(0.3);
        const image = hostile ? `${token.image.slice(0, -1)}  \u2028 then  \u2029 /* not a comment */ // nor this ${random.pick(['*/', '/*', '//'])}   "` : token.image;
        result += text.slice(offset, token.start) + image;
        offset = token.end;
    });
    return result + text.slice(offset);
}

/** A copy with one syntax error: a stray character or brace before a random token. */
export function broken(text: string, random: Random): string {
    const tokens = lex(text).filter(token => token.kind === 'code');
    const token = tokens[random.int(tokens.length)];
    return random.chance(0.5) ? `${text.slice(0, token.start)}@${text.slice(token.start)}` : `${text.slice(0, token.start)}{ ${text.slice(token.start)}`;
}

export interface Variant {
    name: string;
    text: string;
}

/** The variants of one text, each transformation alone and all of them at once. */
export function variantsOf(text: string, random: Random): Variant[] {
    return [
        { name: 'as written', text },
        { name: 'white space re-spun', text: respin(text, random) },
        { name: 'comments between tokens', text: insertComments(text, random, 25) },
        { name: 'CRLF and tabs', text: withCrlf(withTabs(text)) },
        { name: 'byte order mark', text: withBom(text) },
        { name: 'hostile strings', text: hostileStrings(text, random) },
        { name: 'all at once', text: withBom(withCrlf(respin(insertComments(hostileStrings(text, random), random, 15), random))) }
    ];
}
