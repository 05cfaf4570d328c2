import type { IParserErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import type { StatementStart } from './lexer.js';

/**
 * Syntax errors in words a service designer understands: what was expected at this place,
 * summarised per grammar rule instead of a list of every keyword.
 */
const TERMINALS: Record<string, string> = {
    ID: 'a name',
    STRING: 'a quoted text',
    INT: 'a whole number',
    DURATION: 'a duration such as 5min or 1h30min',
    DECIMAL: 'a number',
    EOF: 'the end of the file'
};

/** What a rule expects at its start, for "no viable alternative" errors. */
const RULE_EXPECTATIONS: Record<string, string> = {
    TopLevel: "'blueprint', 'actor' or 'system'",
    Member: "a phase, lane, section, line, touchpoint, actor, system, property or arrow such as 'a -> b'",
    SectionMember: "a lane, line or touchpoint",
    Property: 'a property',
    LaneKind: 'a lane kind: evidence, customer, frontstage, backstage, support, actor or notes',
    LineKind: 'a line kind: interaction, visibility, internal, operation, implementation or custom',
    ArrowOp: "an arrow: '->', '<->', '~>' or '..>'",
    Name: 'a name',
    StatusProperty: "'as-is' or 'to-be'",
    VisibilityProperty: "'visible' or 'hidden'",
    TextProperty: 'a quoted text'
};

/** What must follow a keyword that starts a declaration or property, for "incomplete" errors. */
const FOLLOWS: Record<string, string> = {
    blueprint: 'a name', phase: 'a name', lane: 'a name', step: 'a name', touchpoint: 'a name',
    actor: 'a name', system: 'a name', section: 'a quoted title', import: 'a quoted path',
    line: 'a line kind (interaction, visibility, internal, operation, implementation or custom)',
    description: 'a quoted text', persona: 'a quoted text', fail: 'a quoted text', pain: 'a quoted text',
    opportunity: 'a quoted text', metric: 'a quoted text', policy: 'a quoted text',
    status: "'as-is' or 'to-be'", visibility: "'visible' or 'hidden'",
    duration: 'a duration such as 5min', wait: 'a duration such as 5min',
    emotion: 'a whole number from -2 to +2', channel: 'a channel such as web or in-person',
    by: 'an actor', uses: 'a system', link: 'a blueprint'
};

/** What must follow a word inside a statement, for a statement left incomplete. */
const WHAT_FOLLOWS: Record<string, string> = {
    ...FOLLOWS, in: 'a phase', '..': 'the last phase', '->': 'a step or touchpoint', '<->': 'a step or touchpoint',
    '~>': 'a step or touchpoint', '..>': 'a step or touchpoint', ',': 'a system'
};

/** What may stand before the closing brace of a block, by the rule that owns the block. */
const BLOCK_CONTENTS: Record<string, string> = {
    Blueprint: "a phase, lane, section, line, touchpoint, actor, system, property, an arrow such as 'a -> b', or '}' to close the blueprint",
    Section: "a lane, line, touchpoint, or '}' to close the section",
    Lane: "a step, a property, or '}' to close the lane",
    Phase: "a property, or '}' to close the block",
    Step: "a property, or '}' to close the block",
    Touchpoint: "a property, or '}' to close the block",
    Actor: "a property, or '}' to close the block",
    System: "a property, or '}' to close the block"
};

export class SvcbpParserErrorMessageProvider implements IParserErrorMessageProvider {
    buildMismatchTokenMessage({ expected, actual, previous, ruleName }: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const rule = plain(ruleName);
        // A statement left incomplete before the next one (`step s "S" in`, then a new line `step …`).
        if ((actual as StatementStart).statementStart && previous && WHAT_FOLLOWS[previous.image]) {
            return `'${previous.image}' must be followed by ${WHAT_FOLLOWS[previous.image]}: this statement is incomplete, and '${actual.image}' on the next line begins a new one.`;
        }
        if (expected.name === '}' && BLOCK_CONTENTS[rule]) {
            return `Expected ${BLOCK_CONTENTS[rule]}, but found ${describeActual(actual)}.`;
        }
        if (expected.name === 'EOF') return this.buildNotAllInputParsedMessage({ firstRedundant: actual, ruleName });
        return `Expected ${describeTokenType(expected)}, but found ${describeActual(actual)}.`;
    }

    buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken; ruleName: string }): string {
        return `Expected 'blueprint', 'actor' or 'system' at the top level of the file, but found ${describeActual(firstRedundant)}.`;
    }

    buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const rule = plain(ruleName);
        const first = actual[0];
        // `phase }`: the keyword is right, what follows it is missing.
        if ((rule === 'Member' || rule === 'SectionMember' || rule === 'TopLevel' || rule === 'Property') && first && FOLLOWS[first.image]) {
            return `'${first.image}' must be followed by ${FOLLOWS[first.image]}${actual[1] ? `, but found ${describeActual(actual[1])}` : ''}.`;
        }
        const expected = RULE_EXPECTATIONS[rule] ?? listFirstTokens(expectedPathsPerAlt.flat());
        return `Expected ${expected}, but found ${describeActual(first)}.`;
    }

    buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        const expected = plain(ruleName) === 'Arrow' ? RULE_EXPECTATIONS.ArrowOp : listFirstTokens(expectedIterationPaths);
        return `Expected ${expected}, but found ${describeActual(actual[0])}.`;
    }
}

/** Langium marks some rule names with a zero-width space. */
function plain(ruleName: string): string {
    return ruleName.replace(/\u200b/g, '');
}

function listFirstTokens(paths: TokenType[][]): string {
    const names = [...new Set(paths.map(path => path[0]).filter(Boolean).map(describeTokenType))];
    if (names.length === 0) return 'something else';
    if (names.length > 5) return `${names.slice(0, 5).join(', ')} or another keyword`;
    return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function describeTokenType(type: TokenType): string {
    return TERMINALS[type.name] ?? `'${type.name}'`;
}

function describeActual(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF' || token.image === '') return 'the end of the file';
    const image = token.image.length > 30 ? `${token.image.slice(0, 30)}…` : token.image;
    return `'${image}'`;
}
