import { createLangiumParser, type AstNode, type AstReflection, type LangiumCoreServices, type LangiumParser, type ParseResult } from 'langium';
import type { ILexingError, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { StatementStart } from './lexer.js';
import { StatementLookahead } from './statement-lookahead.js';

interface HiddenNodeBuilder {
    buildRootNode(input: string): unknown;
    addHiddenNodes(tokens: IToken[]): void;
}

/** The parts of Langium's parser (4.4) that its `parse` method works with. */
interface ParserInternals {
    nodeBuilder: HiddenNodeBuilder;
    lexer: { tokenize(text: string): { tokens: IToken[]; hidden: IToken[]; errors: ILexingError[]; report?: unknown } };
    wrapper: { input: IToken[]; errors: IRecognitionException[]; tokenMatcher(token: IToken, type: TokenType): boolean };
    allRules: Map<string, unknown>;
    mainRule: unknown;
    doParse(rule: unknown): AstNode;
    unorderedGroups: Map<unknown, unknown>;
    lexerResult: unknown;
}

/**
 * Langium's parser with a rule for recovery (a statement keyword at the start of a line is no
 * name, see lexer.ts) and three changes for speed, each measured on generated blueprints:
 * - Before every consumed token, Langium inserts the hidden tokens (comments) that precede it,
 *   and when there are none it still looks its position up with `indexOf` among the siblings,
 *   which is quadratic in the number of steps of a lane (about 20% of parsing a 20,000-step
 *   blueprint). An empty insertion changes nothing, so it is skipped.
 * - After parsing, Langium links every node to its container through `Object.entries` of every
 *   node: a fifth of what parsing a 5,000-step blueprint allocates, and the garbage collection
 *   that follows. The nodes are linked here by the property names the grammar declares for
 *   each type instead (tests/parser.test.ts checks every container link against Langium's).
 * - After parsing, the parser lets go of the text's tokens and tree (Langium holds them until
 *   the next parse). `parse` is otherwise Langium's own, step for step.
 */
export function createSvcbpParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(withStatementLookahead(services));
    const internals = parser as unknown as ParserInternals;
    const builder = internals.nodeBuilder;
    const addHiddenNodes = builder.addHiddenNodes.bind(builder);
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) addHiddenNodes(tokens);
    };
    // A keyword that begins a statement (lexer.ts) is never taken for a name: the statement
    // before it ends there, incomplete, with one syntax error, and the new one parses whole.
    const matches = internals.wrapper.tokenMatcher;
    internals.wrapper.tokenMatcher = (token, type) => (type.name === 'ID' && (token as StatementStart).statementStart === true ? false : matches(token, type));
    const linkContainers = containerLinker(services.shared.AstReflection);
    parser.parse = function parse<T extends AstNode = AstNode>(input: string, options: { rule?: string } = {}): ParseResult<T> {
        internals.nodeBuilder.buildRootNode(input);
        const lexerResult = internals.lexer.tokenize(input);
        internals.lexerResult = lexerResult;
        internals.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? internals.allRules.get(options.rule) : internals.mainRule;
        if (!ruleMethod) throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        const result = internals.doParse(ruleMethod);
        internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        internals.unorderedGroups.clear();
        internals.lexerResult = undefined;
        linkContainers(result);
        const parsed = { value: result as T, lexerErrors: lexerResult.errors, lexerReport: lexerResult.report as ParseResult['lexerReport'], parserErrors: internals.wrapper.errors };
        // Langium keeps the last text's tokens and syntax tree until the next parse: a closed
        // 20,000-step file stayed in memory (~150 MB). Let go of them now.
        internals.wrapper.input = [];
        internals.nodeBuilder.buildRootNode('');
        return parsed;
    };
    return parser;
}

/**
 * The services as Langium's parser builder reads them, with the statement-aware lookahead in its
 * configuration (only this parser's: the completion parser keeps Langium's own).
 */
function withStatementLookahead(services: LangiumCoreServices): LangiumCoreServices {
    const config = { ...services.parser.ParserConfig, lookaheadStrategy: new StatementLookahead({ logging: () => undefined }) };
    const parserServices = Object.create(services.parser, { ParserConfig: { value: config } });
    return Object.create(services, { parser: { value: parserServices } }) as LangiumCoreServices;
}

type Mutable = AstNode & { $container?: AstNode; $containerProperty?: string; $containerIndex?: number } & Record<string, unknown>;

/** Sets `$container`, `$containerProperty` and `$containerIndex` on every node below a root, as Langium's `linkContentToContainer` does. */
function containerLinker(reflection: AstReflection): (root: AstNode) => void {
    const propertyNames = new Map<string, string[]>();
    const namesOf = (node: AstNode): string[] => {
        let names = propertyNames.get(node.$type);
        if (!names) {
            const declared = Object.keys(reflection.getTypeMetaData(node.$type).properties);
            // A type the grammar does not describe (never seen) gets its keys read as they are.
            if (declared.length === 0) return Object.keys(node).filter(key => !key.startsWith('$'));
            names = declared;
            propertyNames.set(node.$type, names);
        }
        return names;
    };
    const isNode = (value: unknown): value is Mutable => typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
    const link = (node: AstNode): void => {
        for (const name of namesOf(node)) {
            const value = (node as Mutable)[name];
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item: unknown = value[index];
                    if (!isNode(item)) continue;
                    item.$container = node;
                    item.$containerProperty = name;
                    item.$containerIndex = index;
                    link(item);
                }
            } else if (isNode(value)) {
                value.$container = node;
                value.$containerProperty = name;
                link(value);
            }
        }
    };
    return link;
}
