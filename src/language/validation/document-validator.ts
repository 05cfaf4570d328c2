import {
    DefaultDocumentValidator, interruptAndCheck, type AstNode, type AstReflection, type LangiumDocument,
    type ParseResult, type ReferenceInfo, type ScopeProvider, type ValidationAcceptor, type ValidationOptions
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { SvcbpCoreServices } from '../svcbp-module.js';
import type { CheckSettings } from './check-settings.js';
import type { DiagnosticCode, SvcbpDiagnosticData } from './diagnostic-codes.js';
import { closestName } from './suggest.js';
import { missingBraceBefore } from '../parse/missing-brace.js';
import { astNodes } from '../link/ast-walk.js';
import type { SvcbpChecks } from './index.js';
import type { SvcbpFile } from '../generated/ast.js';

/** At most this many syntax errors per file: after that, recovery only produces noise. */
const MAX_SYNTAX_ERRORS = 50;
/** Suggestions cost a scan of the scope each; a file with more broken names gets them for the first ones. */
const MAX_SUGGESTIONS = 200;

const EXPECTED_KIND: Record<string, string> = {
    Phase: 'phase', Node: 'step or touchpoint', Step: 'step', Touchpoint: 'touchpoint',
    Actor: 'actor', System: 'system', Blueprint: 'blueprint'
};

/**
 * Langium's document validator, with the language's codes on every diagnostic: lexer and parser
 * errors become `syntax-error`, linking errors `unresolved-reference` with a suggestion; then the
 * user's severities and disable comments are applied.
 */
export class SvcbpDocumentValidator extends DefaultDocumentValidator {
    private readonly reflection: AstReflection;
    private readonly scopeProvider: ScopeProvider;
    private readonly checkSettings: CheckSettings;
    private readonly checks: SvcbpChecks;

    constructor(services: SvcbpCoreServices) {
        super(services);
        this.checks = services.validation.SvcbpChecks;
        this.reflection = services.shared.AstReflection;
        this.scopeProvider = services.references.ScopeProvider;
        this.checkSettings = services.checks.CheckSettings;
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = withoutGuessesAfterSyntaxErrors(document, await super.validateDocument(document, options, cancelToken));
        return this.checkSettings.apply(document.uri, document.textDocument.getText(), diagnostics);
    }

    /**
     * Runs the language's checks over the grammar's known shape, synchronously: Langium's generic
     * walk awaits every check of every node, which at 20,000 steps costs more than the checks.
     */
    protected override async validateAstNodes(root: AstNode, options: ValidationOptions, accept: ValidationAcceptor, cancelToken?: CancellationToken): Promise<void> {
        if (options.categories && !options.categories.includes('fast')) return;
        const nodes = astNodes(root as SvcbpFile);
        for (let i = 0; i < nodes.length; i++) {
            if (i % 2000 === 0 && cancelToken) await interruptAndCheck(cancelToken);
            for (const check of this.checks.for(nodes[i])) {
                try {
                    check(nodes[i], accept);
                } catch (error) {
                    console.error('A check failed:', error);
                    accept('error', `Internal error in a check: ${(error as Error).message}`, { node: nodes[i] });
                }
            }
        }
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const found: Diagnostic[] = [];
        super.processLexingErrors(parseResult, found, options);
        diagnostics.push(...found.slice(0, MAX_SYNTAX_ERRORS).map(d => withCode(d, 'syntax-error')));
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const found: Diagnostic[] = [];
        super.processParsingErrors(parseResult, found, options);
        // Recovery can report one bad token twice (the alternative, then the enclosing block): keep the first.
        const positions = new Set(diagnostics.map(d => `${d.range.start.line}:${d.range.start.character}`));
        const unique = found.filter(d => {
            const key = `${d.range.start.line}:${d.range.start.character}`;
            if (positions.has(key)) return false;
            positions.add(key);
            return true;
        });
        const text = parseResult.value.$cstNode?.root.fullText ?? '';
        for (const diagnostic of unique) {
            // "'phase' must be followed by a name, but found '}'": the token to fix is the one after.
            if (/^'[^']+' must be followed by .*, but found/.test(messageText(diagnostic))) {
                diagnostic.range = nextTokenRange(text, diagnostic.range) ?? diagnostic.range;
            }
        }
        for (const diagnostic of unique) {
            // "Expected … or '}' to close the lane": the lane's `}` went to a block inside it.
            if (!/ to close the (lane|section|blueprint), but found/.test(messageText(diagnostic))) continue;
            const missing = missingBraceBefore(text, offsetAt(text, diagnostic.range.start));
            if (!missing) continue;
            const width = text.split('\n')[missing.line].length;
            diagnostic.range = { start: { line: missing.line, character: 0 }, end: { line: missing.line, character: width } };
            diagnostic.message = `A '}' is missing before this line: this '}' closes the block opened on line ${missing.openedOn + 1}, and the block around that one is left open.`;
        }
        const room = Math.max(0, MAX_SYNTAX_ERRORS - diagnostics.length);
        diagnostics.push(...unique.slice(0, room).map(d => withCode(d, 'syntax-error')));
    }

    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[]): void {
        let suggestionsLeft = MAX_SUGGESTIONS;
        for (const reference of document.references) {
            const error = reference.error;
            const range = reference.$refNode?.range;
            if (!error || !range) continue;
            const info = error.info as ReferenceInfo;
            const name = reference.$refText;
            const referenceType = this.reflection.getReferenceType(info);
            const suggestion = suggestionsLeft-- > 0 ? this.suggest(info, name) : undefined;
            const kind = suggestion
                ? EXPECTED_KIND[suggestion.type] ?? EXPECTED_KIND[referenceType]
                : EXPECTED_KIND[referenceType] ?? referenceType.toLowerCase();
            const message = suggestion
                ? `Unknown ${kind} '${name}'. Did you mean '${suggestion.name}'?`
                : `Unknown ${kind} '${name}'.${hintFor(referenceType, name)}`;
            const data: SvcbpDiagnosticData = { code: 'unresolved-reference', expected: EXPECTED_KIND[referenceType], suggestion: suggestion?.name };
            diagnostics.push({ severity: 1, range, message, code: 'unresolved-reference', data, source: this.getSource() });
        }
    }

    private suggest(info: ReferenceInfo, name: string): { name: string; type: string } | undefined {
        const scope = this.scopeProvider.getScope(info);
        const candidates = new Map<string, string>();
        for (const element of scope.getAllElements()) {
            if (!candidates.has(element.name)) candidates.set(element.name, element.type);
        }
        const best = closestName(name, candidates.keys());
        return best ? { name: best, type: candidates.get(best)! } : undefined;
    }
}

/**
 * The info and hint checks read the whole tree; a syntax error takes part of it out, which would
 * make them wrong ("no customer step in this phase" for the steps the error cut off). So they are
 * dropped for a blueprint with a syntax error, and outside the blueprints (unused declarations)
 * for a file with one.
 */
function withoutGuessesAfterSyntaxErrors(document: LangiumDocument, diagnostics: Diagnostic[]): Diagnostic[] {
    const errors = diagnostics.filter(d => d.code === 'syntax-error');
    if (errors.length === 0) return diagnostics;
    const blueprints = (document.parseResult.value as SvcbpFile).elements.filter(element => element.$type === 'Blueprint').map(element => element.$cstNode?.range).filter(range => range !== undefined);
    const inside = (range: Diagnostic['range'], outer: Diagnostic['range']) => !before(range.start, outer.start) && !before(outer.end, range.start);
    const broken = blueprints.filter(blueprint => errors.some(error => inside(error.range, blueprint)));
    return diagnostics.filter(d => {
        if (d.severity !== 3 && d.severity !== 4) return true;
        const owner = blueprints.find(blueprint => inside(d.range, blueprint));
        return owner !== undefined && !broken.includes(owner);
    });
}

function offsetAt(text: string, position: Diagnostic['range']['start']): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) {
        const next = text.indexOf('\n', offset);
        if (next < 0) return text.length;
        offset = next + 1;
    }
    return offset + position.character;
}

function before(a: Diagnostic['range']['start'], b: Diagnostic['range']['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function hintFor(referenceType: string, name: string): string {
    switch (referenceType) {
        case 'Actor': return ` Declare it with \`actor ${name}\`, or import the file that declares it.`;
        case 'System': return ` Declare it with \`system ${name}\`, or import the file that declares it.`;
        case 'Blueprint': return ' Link to a blueprint of this file or of an imported file.';
        case 'Phase': return ' Declare it with `phase` in this blueprint.';
        default: return ' Steps and touchpoints are declared in this blueprint.';
    }
}

/** The range of the first token after a range, skipping white space and comments. */
function nextTokenRange(text: string, after: Diagnostic['range']): Diagnostic['range'] | undefined {
    const lineStarts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    const offsetOf = (p: Diagnostic['range']['start']) => (lineStarts[p.line] ?? text.length) + p.character;
    const positionOf = (offset: number) => {
        let line = lineStarts.length - 1;
        while (lineStarts[line] > offset) line--;
        return { line, character: offset - lineStarts[line] };
    };
    const rest = text.slice(offsetOf(after.end));
    const skipped = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/.exec(rest)![0].length;
    const token = /^(?:"(?:\\.|[^"\\\r\n])*"?|[A-Za-z_][\w-]*|\S)/.exec(rest.slice(skipped));
    if (!token) return undefined;
    const start = offsetOf(after.end) + skipped;
    return { start: positionOf(start), end: positionOf(start + token[0].length) };
}

export function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

function withCode(diagnostic: Diagnostic, code: DiagnosticCode): Diagnostic {
    const data: SvcbpDiagnosticData = { code };
    return { ...diagnostic, code, data };
}
