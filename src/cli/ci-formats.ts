/**
 * `check --format github|sarif`: the diagnostics as CI systems read them. GitHub Actions
 * workflow commands annotate the pull request's lines; SARIF 2.1.0 is what code-scanning tools
 * (GitHub code scanning, GitLab, Azure DevOps) import.
 */
import { DIAGNOSTIC_CODES } from '../language/validation/diagnostic-codes.js';
import type { CliDiagnostic } from './diagnostics.js';

declare const SVCBP_VERSION: string;

const GITHUB_LEVEL: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** One workflow command a diagnostic: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=CODE::message`. */
export function githubAnnotations(diagnostics: CliDiagnostic[]): string {
    return diagnostics.map(d => {
        const properties = [`file=${property(d.file)}`, `line=${d.line}`, `endLine=${d.endLine}`, `col=${d.column}`, `endColumn=${d.endColumn}`, `title=${property(d.code)}`];
        return `::${GITHUB_LEVEL[d.severity]} ${properties.join(',')}::${data(d.message)}\n`;
    }).join('');
}

// The escapes GitHub's workflow commands define: data escapes %, CR and LF; properties also : and ,.
const data = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (text: string) => data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

const SARIF_LEVEL: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** One SARIF run: the language's codes as rules, each diagnostic a result with a physical location. */
export function sarifLog(diagnostics: CliDiagnostic[]): string {
    const rules = Object.entries(DIAGNOSTIC_CODES).map(([id, { severity, summary }]) => ({
        id,
        shortDescription: { text: summary },
        defaultConfiguration: { level: SARIF_LEVEL[severity as CliDiagnostic['severity']] ?? 'note' }
    }));
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'svcbp', version: typeof SVCBP_VERSION === 'string' ? SVCBP_VERSION : 'dev', rules } },
            results: diagnostics.map(d => ({
                ruleId: d.code,
                ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
                level: SARIF_LEVEL[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: d.file.split('\\').join('/') },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn }
                    }
                }]
            }))
        }]
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
