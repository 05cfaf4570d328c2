import { UsageError } from './errors.js';
import { githubAnnotations, sarifLog } from './ci-formats.js';
import { formatText, summarize, toCliDiagnostics } from './diagnostics.js';
import { collectFiles, loadWorkspace, parseChecksFlag } from './workspace.js';

export interface CheckOptions {
    format?: string;
    checks?: string;
    /** Hints (e.g. unused-declaration) are editor decorations; the CLI shows them on request. */
    hints?: boolean;
}

const FORMATS = ['text', 'json', 'github', 'sarif'];

/** `svcbp check [paths…]`: diagnostics like a compiler; exit 1 when there is an error. */
export async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
    const format = options.format ?? 'text';
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format '${format}' for check: use ${FORMATS.join(', ')}.`);
    const files = collectFiles(paths.length > 0 ? paths : ['.']);
    const { services, documents } = await loadWorkspace(files, parseChecksFlag(options.checks));
    for (const problem of services.checks.CheckSettings.problems) process.stderr.write(`warning: ${problem}\n`);
    const diagnostics = documents.flatMap(toCliDiagnostics).filter(d => options.hints || d.severity !== 'hint');
    if (format === 'json') {
        process.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
    } else if (format === 'github') {
        process.stdout.write(githubAnnotations(diagnostics));
    } else if (format === 'sarif') {
        process.stdout.write(sarifLog(diagnostics));
    } else {
        for (const diagnostic of diagnostics) process.stdout.write(`${formatText(diagnostic)}\n`);
        process.stdout.write(`${summarize(diagnostics, documents.length)}\n`);
    }
    return diagnostics.some(d => d.severity === 'error') ? 1 : 0;
}
