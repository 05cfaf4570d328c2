import { DefaultTokenBuilder, RegExpUtils, type GrammarAST, type TokenBuilderOptions } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';

const WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** The only tokens that can hold a line break (strings and line comments stop at one). */
const MULTI_LINE = new Set(['WS', 'ML_COMMENT']);

/**
 * Keywords are reserved only where the grammar needs them: every word-like keyword token is put in
 * the ID category, so wherever the grammar expects a name, `phase` or `in` is one. The parser's
 * lookahead still tells `phase p` (a phase) from `phase -> p` (an arrow from a step named phase).
 * This replaces a datatype rule listing every keyword, which cost a 45-way choice per name.
 * Which tokens can span lines is stated too: left to Chevrotain, it parses every token's pattern
 * when the lexer is made, a tenth of a `check`'s start-up.
 */
export class SvcbpTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const id = tokens.find(token => token.name === 'ID');
        if (!id) throw new Error('The grammar has no ID terminal.');
        for (const token of tokens) {
            if (token !== id && WORD.test(token.name)) token.CATEGORIES = [id];
            // Said here, so the lexer does not work it out by parsing every pattern at start-up.
            token.LINE_BREAKS = MULTI_LINE.has(token.name);
        }
        return tokens;
    }

    /** Each terminal's partial pattern, built once instead of once per keyword. */
    private readonly partials = new Map<string, RegExp>();

    /**
     * As Langium's: the terminals a keyword may be the start of (`phase` of `phases`, an ID), which
     * the lexer then prefers when they match longer. Langium builds the partial pattern for every
     * keyword and terminal pair, a tenth of the parser's construction; this builds it per terminal.
     */
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter(token => {
            const source = (token.PATTERN as RegExp | undefined)?.source;
            if (!source) return false;
            let partial = this.partials.get(source);
            if (!partial) this.partials.set(source, partial = RegExpUtils.partialRegExp(`^${source}$`));
            return (keyword.value.match(partial)?.[0].length ?? 0) > 0;
        });
    }
}
