/**
 * Every diagnostic code of the language, with its default severity and a one-line summary.
 * One table serves the validator, the settings (which codes can be changed), the CLI and the docs.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export const DIAGNOSTIC_CODES = {
    'syntax-error': { severity: 'error', summary: 'the text does not parse' },
    'unresolved-reference': { severity: 'error', summary: 'a name does not resolve' },
    'duplicate-name': { severity: 'error', summary: 'a name is declared twice in one scope' },
    'unresolved-import': { severity: 'error', summary: 'an import names no .svcbp file' },
    'invalid-phase-range': { severity: 'error', summary: '`in a..b` where b comes before a' },
    'value-out-of-range': { severity: 'error', summary: 'an emotion outside -2..+2, a malformed, zero or negative duration' },
    'invalid-property': { severity: 'error', summary: 'a property where it is not allowed, or given twice' },
    'lane-order': { severity: 'warning', summary: 'a lane on the wrong side of a line, lines out of order, or a line twice' },
    'self-arrow': { severity: 'warning', summary: 'an arrow from a node to itself' },
    'duplicate-arrow': { severity: 'warning', summary: 'the same arrow twice' },
    'unknown-channel': { severity: 'warning', summary: 'a channel outside the known list' },
    'arrow-from-notes': { severity: 'warning', summary: 'an arrow touches a step of a notes lane' },
    'customer-bypasses-frontstage': { severity: 'warning', summary: 'a customer step connects straight to a backstage or support step' },
    'decision-without-branches': { severity: 'warning', summary: 'a decision step with fewer than two outgoing arrows' },
    'self-import': { severity: 'warning', summary: 'a file imports itself' },
    'not-utf8': { severity: 'warning', summary: 'an imported file has bytes that are not UTF-8' },
    'phase-without-customer-action': { severity: 'info', summary: 'a phase in which no customer step takes place' },
    'touchpoint-unused': { severity: 'info', summary: 'a touchpoint that no arrow touches' },
    'low-emotion-without-note': { severity: 'info', summary: 'emotion of -1 or below with no pain or opportunity' },
    'unused-declaration': { severity: 'hint', summary: 'an actor or system that nothing refers to' }
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(value: unknown): value is DiagnosticCode {
    return typeof value === 'string' && Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, value);
}

export function defaultSeverity(code: DiagnosticCode): Severity {
    return DIAGNOSTIC_CODES[code].severity;
}

/** Errors keep their severity whatever the settings say: the model cannot be trusted past them. */
export function isAdjustable(code: DiagnosticCode): boolean {
    return defaultSeverity(code) !== 'error';
}

/** The data attached to every diagnostic (LSP `data`), read back by quick fixes. */
export interface SvcbpDiagnosticData {
    code: DiagnosticCode;
    /** For `unresolved-reference`: the closest existing name. */
    suggestion?: string;
    /** For `unresolved-reference`: what kind of element was expected (`phase`, `step`, …). */
    expected?: string;
}
