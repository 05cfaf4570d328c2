import { relative } from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { messageText } from '../language/validation/document-validator.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';
const SEVERITY_NAMES: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

/** One diagnostic as the CLI reports it: 1-based lines and columns, a path relative to the working folder. */
export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    code: string;
    message: string;
}

export function toCliDiagnostics(document: LangiumDocument): CliDiagnostic[] {
    const file = relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath;
    return (document.diagnostics ?? [])
        .map((d: Diagnostic) => ({
            file,
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.character + 1,
            severity: SEVERITY_NAMES[d.severity ?? 1],
            code: String(d.code ?? 'syntax-error'),
            message: messageText(d)
        }))
        .sort((a, b) => a.line - b.line || a.column - b.column);
}

export function formatText(diagnostic: CliDiagnostic): string {
    return `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}

export function summarize(diagnostics: CliDiagnostic[], fileCount: number): string {
    const count = (severity: SeverityName) => diagnostics.filter(d => d.severity === severity).length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const files = plural(fileCount, 'file');
    if (diagnostics.length === 0) return `No problems in ${files}.`;
    return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'info')}, ${plural(count('hint'), 'hint')} in ${files}.`;
}
