import { DefaultLexer, type LexerResult, type TokenizeOptions } from 'langium';
import type { ILexingError, IToken } from 'chevrotain';

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
        const errors = [...result.errors];
        for (const token of result.tokens) {
            if (token.tokenType.name === 'STRING') errors.push(...stringErrors(token));
        }
        for (const token of result.hidden) {
            if (token.tokenType.name === 'ML_COMMENT' && !token.image.endsWith('*/')) {
                errors.push(tokenError(token, 0, 2, 'This comment is not closed: add */ where it ends.'));
            }
        }
        return { ...result, errors };
    }
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
