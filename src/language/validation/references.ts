import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument, type ValidationAcceptor } from 'langium';
import { isActor, isBlueprint, isSvcbpFile, type Step, type SvcbpFile, type Touchpoint } from '../generated/ast.js';
import { isClosed } from '../parse/lexer.js';
import { isActorOrSystem, localActorsAndSystems, phaseIndex } from '../link/blueprint-contents.js';
import type { ImportResolver } from '../link/imports.js';
import { byteName, type Utf8Notes } from '../parse/utf8.js';

/** invalid-phase-range: `in a..b` where b comes before a. */
export function checkPhaseRange(step: Step, accept: ValidationAcceptor): void {
    const start = step.phase?.ref;
    const end = step.endPhase?.ref;
    if (!start || !end || !step.phase?.$refNode || !step.endPhase?.$refNode) return;
    if (phaseIndex(end) < phaseIndex(start)) {
        const range = { start: step.phase.$refNode.range.start, end: step.endPhase.$refNode.range.end };
        accept('error', `The phase '${end.name}' comes before '${start.name}'; write the range as ${end.name}..${start.name}.`,
            { node: step, range, code: 'invalid-phase-range' });
    }
}

/**
 * syntax-error: a step or touchpoint without `in` and its phase. The grammar lets the phase out so
 * that a title whose closing quote is missing (the lexer reports it, and the string runs over
 * `in p`) leaves the step in place for the arrows to it; then this check says nothing more.
 */
export function checkHasPhase(node: Step | Touchpoint, accept: ValidationAcceptor): void {
    if (node.phase !== undefined || node.name === undefined) return;
    // `in` written and the phase missing: the parser has said so.
    if (node.$cstNode && GrammarUtils.findNodeForKeyword(node.$cstNode, 'in')) return;
    const title = node.$cstNode && GrammarUtils.findNodeForProperty(node.$cstNode, 'title');
    if (title && !isClosed(title.text)) return;
    const what = node.$type === 'Step' ? 'A step' : 'A touchpoint';
    accept('error', `${what} takes place in a phase: write in and the phase after its ${node.title !== undefined ? 'title' : 'name'}, e.g. step ${node.name} "…" in phaseName.`,
        { node, property: node.title !== undefined ? 'title' : 'name', code: 'syntax-error' });
}

/**
 * unresolved-import, self-import and not-utf8, on the path string. not-utf8: the imported file has
 * bytes that are not UTF-8 (they read as U+FFFD, and a name with one may not resolve); the editor
 * decodes a file it opens itself, so only a file read from disk, as an import is, can tell.
 */
export function checkImports(imports: ImportResolver, utf8: Utf8Notes | undefined) {
    return (file: SvcbpFile, accept: ValidationAcceptor): void => {
        const document = AstUtils.getDocument(file);
        for (const imp of file.imports) {
            const problem = imports.explainUnresolved(imp, document.uri);
            if (problem) {
                accept('error', problem, { node: imp, property: 'path', code: 'unresolved-import' });
                continue;
            }
            const imported = imports.resolve(imp, document.uri);
            if (imported === document) {
                accept('warning', 'This file imports itself; the import has no effect.', { node: imp, property: 'path', code: 'self-import' });
                continue;
            }
            const bad = imported && utf8?.utf8ProblemOf(imported.uri.toString());
            if (bad) {
                accept('warning', `The imported file is not all UTF-8: byte ${byteName(bad)} at line ${bad.line}, column ${bad.column} reads as U+FFFD, and any like it. Save it as UTF-8.`,
                    { node: imp, property: 'path', code: 'not-utf8' });
            }
        }
    };
}

/**
 * unused-declaration: an actor or system nothing refers to. Only this file and the files that
 * import it can refer to its declarations (scoping), so only their references are read.
 */
export function checkUnusedDeclarations(imports: ImportResolver) {
    return (file: SvcbpFile, accept: ValidationAcceptor): void => {
        const declarations = [
            ...file.elements.filter(isActorOrSystem),
            ...file.elements.filter(isBlueprint).flatMap(localActorsAndSystems)
        ];
        if (declarations.length === 0) return;
        const document = AstUtils.getDocument(file);
        const used = referencedNodes([document, ...imports.importersOf(document)]);
        for (const declaration of declarations) {
            if (!used.has(declaration) && declaration.name) {
                const kind = isActor(declaration) ? 'actor' : 'system';
                accept('hint', `Nothing refers to the ${kind} '${declaration.name}'.`,
                    { node: declaration, property: 'name', code: 'unused-declaration', tags: [1] });
            }
        }
    };
}

function referencedNodes(documents: LangiumDocument[]): Set<AstNode> {
    const used = new Set<AstNode>();
    for (const document of documents) {
        if (!isSvcbpFile(document.parseResult.value)) continue;
        for (const reference of document.references) {
            const target = 'ref' in reference ? reference.ref : undefined;
            if (target) used.add(target);
        }
    }
    return used;
}
