import { DefaultTokenBuilder, EmptyFileSystem, GrammarUtils } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { createSvcbpServices } from '../src/language/svcbp-module.js';

const { Svcbp } = createSvcbpServices(EmptyFileSystem);
const grammar = Svcbp.Grammar;
const ours = Svcbp.parser.TokenBuilder.buildTokens(grammar) as TokenType[];
const langiums = new DefaultTokenBuilder().buildTokens(grammar) as TokenType[];
const longerAlts = (tokens: TokenType[]) => Object.fromEntries(tokens.map(token => [token.name, [token.LONGER_ALT ?? []].flat().map(alt => alt.name).sort()]));

describe('the token builder', () => {
    it('finds the same longer alternatives for every keyword as Langium does, with its partial patterns built once', () => {
        expect(longerAlts(ours)).toEqual(longerAlts(langiums));
        // Word keywords may start a name; the arrow keywords start no terminal.
        expect(longerAlts(ours).phase).toEqual(['ID']);
        expect(longerAlts(ours)['->']).toEqual([]);
    });

    it('says which tokens can span lines: white space and block comments only', () => {
        const spanning = ours.filter(token => token.LINE_BREAKS).map(token => token.name).sort();
        expect(spanning).toEqual(['ML_COMMENT', 'WS']);
        // Every terminal the grammar declares is among the tokens.
        for (const rule of GrammarUtils.getAllReachableRules(grammar, false)) if (rule.$type === 'TerminalRule' && !rule.fragment) expect(ours.some(token => token.name === rule.name), rule.name).toBe(true);
    });
});
