import { CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
    isArrow, isBlueprint, isEmotionProperty, isPhase, isSegment, isStep, isTouchpoint,
    type Blueprint, type Node, type SvcbpFile
} from '../generated/ast.js';
import { arrowLinks, lanesOf } from '../link/blueprint-contents.js';
import { isAdjustable, isDiagnosticCode, type SvcbpDiagnosticData } from '../validation/diagnostic-codes.js';

/**
 * Quick fixes, one per diagnostic where a fix is clear: take the suggested name, create what is
 * missing where it belongs, remove a duplicate arrow, explain a low emotion, silence a check on
 * one line; and, for the "Did you mean" suggestions, fix them all in the file at once.
 */
export class SvcbpCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const root = document.parseResult.value as SvcbpFile;
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const data = diagnostic.data as SvcbpDiagnosticData | undefined;
            switch (diagnostic.code) {
                case 'unresolved-reference':
                    if (data?.suggestion) actions.push(replaceName(document, diagnostic, data.suggestion, true));
                    actions.push(...createMissing(document, root, diagnostic, data));
                    break;
                case 'duplicate-arrow': {
                    const action = removeArrowSegment(document, diagnostic);
                    if (action) actions.push(action);
                    break;
                }
                case 'low-emotion-without-note': {
                    const action = addPain(document, diagnostic);
                    if (action) actions.push(action);
                    break;
                }
            }
            if (isDiagnosticCode(diagnostic.code) && isAdjustable(diagnostic.code)) actions.push(disableForLine(document, diagnostic));
        }
        const suggestions = (document.diagnostics ?? []).filter(d => d.code === 'unresolved-reference' && (d.data as SvcbpDiagnosticData | undefined)?.suggestion);
        if (suggestions.length > 1 && params.context.diagnostics.some(d => suggestions.some(s => sameRange(s.range, d.range)))) {
            actions.push({
                title: `Fix all ${suggestions.length} names with a "Did you mean" suggestion`,
                kind: CodeActionKind.QuickFix,
                diagnostics: suggestions,
                edit: { changes: { [document.uri.toString()]: suggestions.map(d => ({ range: d.range, newText: (d.data as SvcbpDiagnosticData).suggestion! })) } }
            });
        }
        return actions;
    }
}

function edit(document: LangiumDocument, edits: TextEdit[]): CodeAction['edit'] {
    return { changes: { [document.uri.toString()]: edits } };
}

function replaceName(document: LangiumDocument, diagnostic: Diagnostic, suggestion: string, preferred: boolean): CodeAction {
    return {
        title: `Change to '${suggestion}'`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: preferred,
        edit: edit(document, [{ range: diagnostic.range, newText: suggestion }])
    };
}

/** The AST node whose name or reference the diagnostic covers. */
function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start))?.astNode;
}

function indentOf(document: LangiumDocument, line: number): string {
    return /^\s*/.exec(document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0].replace(/\n/g, '');
}

/** Inserts whole lines after a line, with that line's indentation. */
function linesAfter(document: LangiumDocument, line: number, text: string, indent = indentOf(document, line)): TextEdit {
    const end = document.textDocument.getText().split('\n')[line]?.length ?? 0;
    return { range: { start: { line, character: end }, end: { line, character: end } }, newText: `\n${indent}${text}` };
}

function createMissing(document: LangiumDocument, root: SvcbpFile, diagnostic: Diagnostic, data?: SvcbpDiagnosticData): CodeAction[] {
    const name = document.textDocument.getText(diagnostic.range);
    if (!/^[A-Za-z_][\w-]*$/.test(name) || name.endsWith('-')) return [];
    const node = nodeAt(document, diagnostic);
    let blueprint: AstNode | undefined = node;
    while (blueprint && !isBlueprint(blueprint)) blueprint = blueprint.$container;
    const action = (title: string, change: TextEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(document, [change]) });
    switch (data?.expected) {
        case 'phase': {
            if (!isBlueprint(blueprint)) return [];
            const phases = blueprint.members.filter(isPhase);
            const after = phases[phases.length - 1]?.$cstNode ?? firstLineOf(blueprint);
            return after ? [action(`Create phase '${name}'`, linesAfter(document, after.range.end.line, `phase ${name} "${title(name)}"`, phases.length ? undefined : indentInside(document, blueprint)))] : [];
        }
        case 'step or touchpoint': {
            if (!isBlueprint(blueprint)) return [];
            const step = stepFor(blueprint, node);
            return step ? [action(`Create step '${name}' in lane '${step.lane}'`, linesAfter(document, step.afterLine, `step ${name} "${title(name)}" in ${step.phase}`))] : [];
        }
        case 'actor':
        case 'system': {
            // Beside the file's other top-level declarations, else above the first blueprint.
            const declarations = root.elements.filter(e => !isBlueprint(e));
            const last = declarations[declarations.length - 1]?.$cstNode;
            if (last) return [action(`Create ${data.expected} '${name}'`, linesAfter(document, last.range.end.line, `${data.expected} ${name} "${title(name)}"`, ''))];
            const line = root.imports.length ? root.imports[root.imports.length - 1].$cstNode!.range.end.line + 1 : 0;
            return [action(`Create ${data.expected} '${name}'`, { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${data.expected} ${name} "${title(name)}"\n\n` })];
        }
        default:
            return [];
    }
}

/** A new step goes into the lane and phase of the step the arrow comes from, after that lane's last step. */
function stepFor(blueprint: Blueprint, node: AstNode | undefined): { lane: string; phase: string; afterLine: number } | undefined {
    let other: Node | undefined;
    if (isSegment(node) && isArrow(node.$container)) {
        const link = arrowLinks(node.$container).find(l => l.segment === node);
        other = link?.from.ref ?? link?.to.ref;
    } else if (isArrow(node)) {
        other = node.segments[0]?.target?.ref;
    }
    const lane = isStep(other) ? other.$container : lanesOf(blueprint)[0];
    const phase = (isStep(other) || isTouchpoint(other) ? other.phase?.ref : undefined) ?? blueprint.members.find(isPhase);
    const last = lane?.steps[lane.steps.length - 1]?.$cstNode ?? lane?.$cstNode;
    if (!lane || !phase || !last) return undefined;
    return { lane: lane.name, phase: phase.name, afterLine: lane.steps.length ? last.range.end.line : last.range.start.line };
}

function firstLineOf(blueprint: Blueprint) {
    return blueprint.$cstNode ? { range: { end: { line: blueprint.$cstNode.range.start.line } } } : undefined;
}

function indentInside(document: LangiumDocument, blueprint: Blueprint): string {
    return `${indentOf(document, blueprint.$cstNode!.range.start.line)}  `;
}

/** `cookStarters` → "Cook starters": a readable title to start from. */
function title(name: string): string {
    const words = name.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

function removeArrowSegment(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const segment = nodeAt(document, diagnostic);
    const owner = isSegment(segment) ? segment : isSegment(segment?.$container) ? segment.$container : undefined;
    if (!owner || !isArrow(owner.$container)) return undefined;
    const arrow = owner.$container;
    const range = arrow.segments.length === 1 ? wholeLines(document, arrow.$cstNode!.range) : precededBySpace(document, owner.$cstNode!.range);
    return {
        title: 'Remove the duplicate arrow',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: edit(document, [{ range, newText: '' }])
    };
}

function wholeLines(document: LangiumDocument, range: Range): Range {
    const lines = document.textDocument.getText().split('\n');
    const onlyThis = lines[range.start.line].slice(0, range.start.character).trim() === '' && lines[range.end.line].slice(range.end.character).trim() === '';
    return onlyThis ? { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } } : range;
}

function precededBySpace(document: LangiumDocument, range: Range): Range {
    const text = document.textDocument.getText();
    let start = document.textDocument.offsetAt(range.start);
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    return { start: document.textDocument.positionAt(start), end: range.end };
}

function addPain(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const owner = nodeAt(document, diagnostic)?.$container ?? undefined;
    const target = owner && 'properties' in owner ? owner : nodeAt(document, diagnostic);
    const emotion = target && 'properties' in target ? (target.properties as AstNode[]).find(isEmotionProperty) : undefined;
    if (!emotion?.$cstNode) return undefined;
    const end = emotion.$cstNode.range.end;
    return {
        title: 'Add a pain point that explains the low emotion',
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit(document, [{ range: { start: end, end }, newText: ' pain "What hurts here?"' }])
    };
}

function disableForLine(document: LangiumDocument, diagnostic: Diagnostic): CodeAction {
    const line = diagnostic.range.start.line;
    return {
        title: `Disable ${diagnostic.code} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit(document, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indentOf(document, line)}// svcbp-disable-next-line ${diagnostic.code}\n` }])
    };
}

function sameRange(a: Range, b: Range): boolean {
    return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

