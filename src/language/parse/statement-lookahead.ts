import {
    Alternation, NonTerminal, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator, Terminal,
    type BaseParser, type IOrAlt, type IProduction, type OptionalProductionType, type Rule, type TokenType
} from 'chevrotain';
import { LLStarLookaheadStrategy } from 'chevrotain-allstar';
import type { StatementStart } from './lexer.js';

/**
 * Langium's lookahead (ALL(*)), except at a keyword that begins a statement (lexer.ts): there a
 * choice takes only an alternative that begins with that keyword itself, never one that reads it
 * as a name, and a block or list that cannot begin with it ends. So `step s "S" in` with a new
 * `step …` on the next line, or a step block missing its `}`, ends where the next statement
 * begins, with one syntax error, and the next statement parses whole.
 */
export class StatementLookahead extends LLStarLookaheadStrategy {
    // Each choice's lookahead is built when the parser first makes that choice, not when the parser
    // is made: a command that reads one small file makes a fraction of the grammar's choices, and
    // building them all was a third of the parser's construction (a sixth of `svcbp check`).
    override buildLookaheadForAlternation(options: AlternationOptions): (this: BaseParser, orAlts?: IOrAlt<unknown>[]) => number | undefined {
        return builtAtFirstUse(() => this.alternationLookahead(options));
    }

    override buildLookaheadForOptional(options: OptionalOptions): (this: BaseParser) => boolean {
        return builtAtFirstUse(() => this.optionalLookahead(options));
    }

    private alternationLookahead(options: AlternationOptions): (this: BaseParser, orAlts?: IOrAlt<unknown>[]) => number | undefined {
        const predict = super.buildLookaheadForAlternation(options);
        const alternation = findProduction(options.rule.definition, 'Alternation', options.prodOccurrence) as { definition: IProduction[] } | undefined;
        const firsts = (alternation?.definition ?? []).map(alternative => firstTokens([alternative]));
        const unknownProperty = (alternation?.definition ?? []).findIndex(alternative => isUnknownProperty(alternative));
        return function (this: BaseParser, orAlts?: IOrAlt<unknown>[]) {
            const token = this.LA(1) as StatementStart;
            const keywordAlternative = () => {
                const alt = firsts.findIndex(types => types.has(token.tokenType));
                return alt >= 0 ? alt : undefined;
            };
            if (token.statementStart && alternation) return keywordAlternative();
            // ALL(*) looks ahead as far as it takes to choose, and past a slip further on (a
            // missing `}`) every way fails: then a keyword takes the alternative it begins.
            const predicted = predict.call(this, orAlts);
            // A keyword is never an unknown property's word (`lane c "C" sideways` is a lane,
            // with a wrong kind), when an alternative begins with it.
            if (predicted !== undefined && predicted === unknownProperty && isKeyword(token.tokenType)) return keywordAlternative() ?? predicted;
            return predicted ?? (alternation ? keywordAlternative() : undefined);
        };
    }

    private optionalLookahead(options: OptionalOptions): (this: BaseParser) => boolean {
        const predict = super.buildLookaheadForOptional(options);
        const optional = findProduction(options.rule.definition, options.prodType, options.prodOccurrence) as { definition: IProduction[] } | undefined;
        const firsts = firstTokens(optional?.definition ?? []);
        return function (this: BaseParser) {
            const token = this.LA(1) as StatementStart;
            if (token.statementStart && optional) return firsts.has(token.tokenType);
            return predict.call(this) || (optional !== undefined && isKeyword(token.tokenType) && firsts.has(token.tokenType));
        };
    }
}

/**
 * A lookahead function that is built at its first call, and called with the parser as `this`
 * (one argument at most, the alternatives of a choice: no rest array on the parser's hot path).
 */
function builtAtFirstUse<A, R>(build: () => (this: BaseParser, arg?: A) => R): (this: BaseParser, arg?: A) => R {
    let decide: ((this: BaseParser, arg?: A) => R) | undefined;
    return function (this: BaseParser, arg?: A) {
        return (decide ??= build()).call(this, arg);
    };
}

type AlternationOptions = { prodOccurrence: number; rule: Rule; maxLookahead: number; hasPredicates: boolean; dynamicTokensEnabled: boolean };
type OptionalOptions = { prodOccurrence: number; prodType: OptionalProductionType; rule: Rule; maxLookahead: number; dynamicTokensEnabled: boolean };

/** An alternative that is a call of the UnknownProperty rule (`colour red`). */
function isUnknownProperty(alternative: IProduction): boolean {
    const first = (alternative as Production).definition?.[0];
    return first instanceof NonTerminal && first.nonTerminalName.replace(/\u200b/g, '') === 'UnknownProperty';
}

/** A word the grammar uses as a keyword (also usable as a name, see token-builder.ts). */
function isKeyword(type: TokenType): boolean {
    return type.CATEGORIES?.some(category => category.name === 'ID') === true;
}

type Production = IProduction & { idx?: number; definition?: IProduction[] };

// By class, not by name: the bundles are minified.
const KINDS: Record<string, abstract new (...args: never[]) => unknown> = {
    Alternation, Option, Repetition, RepetitionMandatory, RepetitionMandatoryWithSeparator, RepetitionWithSeparator
};

/** The production of a kind with an occurrence index in a rule's definition. */
function findProduction(definition: IProduction[], kind: string, occurrence: number): IProduction | undefined {
    for (const production of definition as Production[]) {
        if (production instanceof KINDS[kind] && production.idx === occurrence) return production;
        // A rule's own productions only: a called rule has its own numbering.
        if (!(production instanceof NonTerminal) && production.definition) {
            const found = findProduction(production.definition, kind, occurrence);
            if (found) return found;
        }
    }
    return undefined;
}

/**
 * The token types each rule can begin with, worked out once: every choice that calls a rule asks,
 * and walking the calls anew each time was most of the lookahead's cost on a first parse. Exact
 * because the grammar has no left recursion (Chevrotain's own rule), so a rule's set never
 * depends on the path that reached it.
 */
const ruleFirsts = new WeakMap<Rule, Set<TokenType>>();

/** The token types a sequence of productions can begin with, each as written (no category folding). */
function firstTokens(sequence: IProduction[], seen = new Set<Rule>()): Set<TokenType> {
    const result = new Set<TokenType>();
    for (const production of sequence as Production[]) {
        const { types, optional } = firstOf(production, seen);
        for (const type of types) result.add(type);
        if (!optional) break;
    }
    return result;
}

function firstOf(production: Production, seen: Set<Rule>): { types: Set<TokenType>; optional: boolean } {
    if (production instanceof Terminal) return { types: new Set([production.terminalType]), optional: false };
    if (production instanceof NonTerminal) {
        const rule = production.referencedRule;
        if (seen.has(rule)) return { types: new Set(), optional: false };
        let types = ruleFirsts.get(rule);
        if (!types) ruleFirsts.set(rule, types = firstTokens(rule.definition, new Set([...seen, rule])));
        return { types, optional: false };
    }
    if (production instanceof Alternation) {
        const types = new Set<TokenType>();
        for (const alternative of production.definition) for (const type of firstTokens([alternative], seen)) types.add(type);
        return { types, optional: false };
    }
    const optional = production instanceof Option || production instanceof Repetition || production instanceof RepetitionWithSeparator;
    // Otherwise an Alternative or a mandatory repetition: a sequence that must be entered.
    return { types: firstTokens(production.definition ?? [], seen), optional };
}
