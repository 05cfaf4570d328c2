import { UriUtils, type FileSystemProvider, type URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
    DIAGNOSTIC_CODES, defaultSeverity, isAdjustable, isDiagnosticCode,
    type DiagnosticCode, type Severity, type SeveritySetting
} from './diagnostic-codes.js';

/** Severity overrides by code, e.g. `{ "touchpoint-unused": "off" }`. */
export type CheckOverrides = Partial<Record<DiagnosticCode, SeveritySetting>>;

export const CONFIG_FILE = 'svcbp.json';
const SEVERITY_SETTINGS: SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];
const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

/**
 * Which checks report what, for a given file. Layers, last wins: the defaults, the nearest
 * `svcbp.json` up the folder tree, the editor's `svcbp.checks` setting or the CLI's `--checks`,
 * then `// svcbp-disable-next-line CODE` comments. Errors cannot be changed or silenced.
 */
export class CheckSettings {
    private overrides: CheckOverrides = {};
    private readonly configByFolder = new Map<string, CheckOverrides>();
    /** Problems found in settings and config files, for the CLI or the server log to show. */
    readonly problems: string[] = [];

    constructor(private readonly fileSystem: FileSystemProvider) {}

    /** The editor setting or the CLI flag; replaces the previous one. */
    setOverrides(raw: unknown, origin: string): void {
        this.overrides = this.parseOverrides(raw, origin);
    }

    /** Forget cached `svcbp.json` files (after they change on disk). */
    clearConfigFiles(): void {
        this.configByFolder.clear();
    }

    severityFor(code: DiagnosticCode, document: URI): SeveritySetting {
        if (!isAdjustable(code)) return defaultSeverity(code);
        return this.overrides[code] ?? this.configFor(UriUtils.dirname(document))[code] ?? defaultSeverity(code);
    }

    /** Applies severities and disable comments to a document's diagnostics. */
    apply(document: URI, text: string, diagnostics: Diagnostic[]): Diagnostic[] {
        const disabled = disabledLines(text);
        const result: Diagnostic[] = [];
        for (const diagnostic of diagnostics) {
            const code = diagnostic.code;
            if (!isDiagnosticCode(code) || !isAdjustable(code)) {
                result.push(diagnostic);
                continue;
            }
            const codesOff = disabled.get(diagnostic.range.start.line);
            if (codesOff && (codesOff.size === 0 || codesOff.has(code))) continue;
            const severity = this.severityFor(code, document);
            if (severity === 'off') continue;
            result.push({ ...diagnostic, severity: LSP_SEVERITY[severity] });
        }
        return result;
    }

    private configFor(folder: URI): CheckOverrides {
        const key = folder.toString();
        let config = this.configByFolder.get(key);
        if (config === undefined) {
            config = this.readConfig(folder);
            this.configByFolder.set(key, config);
        }
        return config;
    }

    private readConfig(folder: URI): CheckOverrides {
        const file = UriUtils.joinPath(folder, CONFIG_FILE);
        let text: string | undefined;
        try {
            if (this.fileSystem.existsSync(file)) text = this.fileSystem.readFileSync(file);
        } catch {
            text = undefined;
        }
        if (text === undefined) {
            const parent = UriUtils.dirname(folder);
            return parent.path === folder.path ? {} : this.configFor(parent);
        }
        try {
            const json = JSON.parse(text) as { checks?: unknown };
            return this.parseOverrides(json.checks ?? {}, file.fsPath);
        } catch (error) {
            this.problems.push(`${file.fsPath}: not valid JSON (${(error as Error).message}); its settings are ignored.`);
            return {};
        }
    }

    private parseOverrides(raw: unknown, origin: string): CheckOverrides {
        const result: CheckOverrides = {};
        if (raw === null || typeof raw !== 'object') {
            if (raw !== undefined) this.problems.push(`${origin}: checks must be an object of code → severity.`);
            return result;
        }
        for (const [code, value] of Object.entries(raw as Record<string, unknown>)) {
            if (!isDiagnosticCode(code)) {
                this.problems.push(`${origin}: unknown check '${code}'. Known checks: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}.`);
            } else if (!SEVERITY_SETTINGS.includes(value as SeveritySetting)) {
                this.problems.push(`${origin}: '${String(value)}' for '${code}' is not one of ${SEVERITY_SETTINGS.join(', ')}.`);
            } else if (!isAdjustable(code)) {
                this.problems.push(`${origin}: '${code}' is an error and cannot be changed or turned off.`);
            } else {
                result[code] = value as SeveritySetting;
            }
        }
        return result;
    }
}

const DISABLE_COMMENT = /\/\/\s*svcbp-disable-next-line\b([^\r\n]*)/g;

/** Line (0-based) → codes disabled on it; an empty set disables every adjustable check. */
export function disabledLines(text: string): Map<number, Set<string>> {
    const result = new Map<number, Set<string>>();
    if (!text.includes('svcbp-disable-next-line')) return result;
    for (const match of text.matchAll(DISABLE_COMMENT)) {
        const lineStart = text.lastIndexOf('\n', match.index) + 1;
        if (insideString(text.slice(lineStart, match.index))) continue;
        const line = countLines(text, match.index);
        const codes = match[1].split(/[\s,]+/).filter(Boolean);
        result.set(line + 1, new Set(codes));
    }
    return result;
}

function insideString(linePrefix: string): boolean {
    let inside = false;
    for (let i = 0; i < linePrefix.length; i++) {
        if (linePrefix[i] === '\\' && inside) i++;
        else if (linePrefix[i] === '"') inside = !inside;
    }
    return inside;
}

function countLines(text: string, end: number): number {
    let lines = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
    return lines;
}
