import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { ILexingError, IToken, TokenType } from 'chevrotain';

/**
 * Langium's lexer plus the checks a person needs spelled out: a binary file, a string that
 * runs into a line break, an escape the language does not know, an unclosed block comment.
 * Strings and comments still lex in those cases, so the rest of the file parses.
 */
export class SvcbpLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        if (text.includes('\0')) {
            return { tokens: [], hidden: [], errors: [notTextError()] };
        }
        const result = super.tokenize(text, options);
        markStatementStarts(text, result.tokens);
        const errors = [...result.errors];
        for (const token of result.tokens) {
            if (token.tokenType.name === 'STRING') errors.push(...stringErrors(token));
        }
        const tokens = endUnclosedStringsBeforeBlocks(result.tokens, this.definition['{']);
        for (const token of result.hidden) {
            if (token.tokenType.name === 'ML_COMMENT' && !token.image.endsWith('*/')) {
                errors.push(tokenError(token, 0, 2, 'This comment is not closed: add */ where it ends.'));
            }
        }
        return { ...result, tokens, errors };
    }
}

/**
 * `step s "Title in p {`: the quote is missing after the title, and the block still opens on that
 * line. An unclosed string ends before a `{` that ends its line, which becomes a token of its own,
 * so the block parses as the block it is.
 */
function endUnclosedStringsBeforeBlocks(tokens: IToken[], brace: TokenType | undefined): IToken[] {
    // Every keystroke lexes the file: without an unclosed string there is nothing to copy.
    if (!brace || !tokens.some(token => token.tokenType.name === 'STRING' && !isClosed(token.image))) return tokens;
    const result: IToken[] = [];
    for (const token of tokens) {
        const match = token.tokenType.name === 'STRING' && !isClosed(token.image) ? /\s*\{\s*$/.exec(token.image) : null;
        if (!match || match.index === 0) {
            result.push(token);
            continue;
        }
        const image = token.image.slice(0, match.index);
        const braceOffset = token.startOffset + token.image.lastIndexOf('{');
        result.push({ ...token, image, endOffset: token.startOffset + image.length - 1, endColumn: (token.startColumn ?? 1) + image.length - 1 });
        result.push({
            ...token, tokenType: brace, tokenTypeIdx: brace.tokenTypeIdx!, image: '{',
            startOffset: braceOffset, endOffset: braceOffset, startColumn: (token.startColumn ?? 1) + (braceOffset - token.startOffset), endColumn: (token.startColumn ?? 1) + (braceOffset - token.startOffset)
        });
    }
    return result;
}

/** Whether a string token ends with its closing quote (not an escaped one). */
export function isClosed(image: string): boolean {
    if (image.length < 2 || !image.endsWith('"')) return false;
    let backslashes = 0;
    for (let i = image.length - 2; i >= 1 && image[i] === '\\'; i--) backslashes++;
    return backslashes % 2 === 0;
}

/** The keywords that begin a statement (LANGUAGE.md, "One slip, one diagnostic"). */
const STATEMENT_KEYWORDS = new Set(['step', 'lane', 'phase', 'touchpoint', 'section', 'line', 'actor', 'system', 'blueprint', 'import']);

/** A token that begins a statement: a statement keyword first on its line, followed by a name (or a title or path). */
export interface StatementStart extends IToken {
    statementStart?: true;
}

/**
 * Marks the statement keywords that begin a new statement, so that the parser never reads one as
 * the name an incomplete statement before it still expects (`step s "S" in` and then, on the
 * next line, `step t "T" in p`). Elsewhere a keyword stays usable as a name.
 */
function markStatementStarts(text: string, tokens: IToken[]): void {
    for (let i = 0; i < tokens.length - 1; i++) {
        const token = tokens[i];
        if (!STATEMENT_KEYWORDS.has(token.image) || token.tokenType.name !== token.image) continue;
        if (!startsLine(text, token.startOffset)) continue;
        const next = tokens[i + 1].tokenType;
        const nameLike = next.name === 'ID' || next.name === 'STRING' || next.CATEGORIES?.some(category => category.name === 'ID');
        if (nameLike && tokens[i + 1].startLine === token.startLine) (token as StatementStart).statementStart = true;
    }
}

/** Only white space between the line's start (or the text's) and an offset. */
function startsLine(text: string, offset: number): boolean {
    for (let i = offset - 1; i >= 0; i--) {
        const char = text.charCodeAt(i);
        if (char === 10 || char === 13) return true;
        if (char !== 32 && char !== 9) return false;
    }
    return true;
}

const KNOWN_ESCAPES = new Set(['"', '\\', 'n', 't']);

function stringErrors(token: IToken): ILexingError[] {
    const errors: ILexingError[] = [];
    const image = token.image;
    // The common case, a closed string without escapes, needs no walk.
    if (image.length > 1 && image.endsWith('"') && !image.includes('\\')) return errors;
    for (let i = 1; i < image.length; i++) {
        const char = image[i];
        if (char === '"') return errors; // closed
        if (char === '\\') {
            const escaped = image[i + 1];
            if (!KNOWN_ESCAPES.has(escaped)) {
                errors.push(tokenError(token, i, 2, `Unknown escape '\\${escaped}' in a string: use \\", \\\\, \\n or \\t.`));
            }
            i++;
        }
    }
    errors.push(tokenError(token, 0, image.length,
        'This string has no closing quote. A string must end on the line where it starts; write \\n for a line break.'));
    return errors;
}

function tokenError(token: IToken, offsetInToken: number, length: number, message: string): ILexingError {
    return {
        offset: token.startOffset + offsetInToken,
        line: token.startLine ?? 1,
        column: (token.startColumn ?? 1) + offsetInToken,
        length,
        message
    };
}

function notTextError(): ILexingError {
    return {
        offset: 0, line: 1, column: 1, length: 1,
        message: 'This file is not text (it contains NUL bytes). A .svcbp file must be plain UTF-8 text.'
    };
}

/** Chevrotain's "unexpected character: ->x<- at offset …" in plain words. */
export class SvcbpLexerErrorMessageProvider {
    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const shown = [...fullText.substr(startOffset, Math.min(length, 20))].map(showChar).join('');
        const more = length > 20 ? '…' : '';
        return length > 1
            ? `Unexpected characters '${shown}${more}': they are not part of the .svcbp language.`
            : `Unexpected character '${shown}': it is not part of the .svcbp language.`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected '${token.image}'.`;
    }
}

function showChar(char: string): string {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xfffd
        ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
        : char;
}
