import { DefaultTokenBuilder, EmptyFileSystem } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { createSvcbpCoreServices } from '../src/language/svcbp-module.js';

const { Svcbp } = createSvcbpCoreServices(EmptyFileSystem);
const grammar = Svcbp.Grammar;
const ours = Svcbp.parser.TokenBuilder.buildTokens(grammar) as TokenType[];
const langiums = new DefaultTokenBuilder().buildTokens(grammar) as TokenType[];
const longerAlts = (tokens: TokenType[]) => Object.fromEntries(tokens.map(token => [token.name, [token.LONGER_ALT ?? []].flat().map(alt => alt.name).sort()]));

describe('the token builder', () => {
    it('finds the same longer alternatives for every keyword as Langium does', () => {
        expect(longerAlts(ours)).toEqual(longerAlts(langiums));
        // Word keywords may start a name; the arrow keywords start no terminal.
        expect(longerAlts(ours).phase).toEqual(['ID']);
        expect(longerAlts(ours)['->']).toEqual([]);
    });

    it('keeps line numbers right across tokens that span lines and ones that do not', () => {
        // The builder tells the lexer which tokens may hold a line break; a wrong answer shifts every line after.
        const text = 'blueprint b { /* two\nlines */ phase p "P" // note\n  lane c customer {\n\n    step s "S" in p { duration 1.5h }\n  }\n}\n';
        const tokens = Svcbp.parser.Lexer.tokenize(text).tokens;
        const lineOf = (image: string) => tokens.find(token => token.image === image)!.startLine;
        expect([lineOf('phase'), lineOf('lane'), lineOf('step'), lineOf('1.5h'), lineOf('}')]).toEqual([2, 3, 5, 5, 5]);
        expect(tokens.at(-1)!.startLine).toBe(7);
        for (const token of tokens) {
            const expected = text.slice(0, token.startOffset).split('\n').length;
            expect(token.startLine, token.image).toBe(expected);
        }
    });
});
