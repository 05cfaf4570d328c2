/**
 * A model diff in words, as a designer would write it: "Added 2 steps: …", "Removed the
 * touchpoint 'Phone'", "'Book' is 7min shorter", "emotion in 'Wait' -2 → 0"; as plain text or
 * as Markdown for a pull request.
 */
import { formatDuration, secondsOf } from '../model/format-duration.js';
import type { Change, ElementKind, Figures, ModelDiff } from '../model/diff.js';

const NOUN: Record<ElementKind, [string, string]> = {
    phase: ['phase', 'phases'], lane: ['lane', 'lanes'], step: ['step', 'steps'], touchpoint: ['touchpoint', 'touchpoints'], arrow: ['arrow', 'arrows']
};

const KINDS: ElementKind[] = ['phase', 'lane', 'step', 'touchpoint', 'arrow'];

/** One sentence per group of additions and removals, one per changed element, then the figures. */
export function diffSentences(diff: ModelDiff): string[] {
    const lines: string[] = [];
    for (const change of ['added', 'removed'] as const) {
        for (const kind of KINDS) {
            const group = diff.changes.filter(c => c.change === change && c.kind === kind);
            if (group.length === 0) continue;
            const verb = change === 'added' ? 'Added' : 'Removed';
            lines.push(group.length === 1
                ? `${verb} the ${NOUN[kind][0]} ${quote(group[0].title)}`
                : `${verb} ${group.length} ${NOUN[kind][1]}: ${group.map(c => quote(c.title)).join(', ')}`);
        }
    }
    for (const change of diff.changes) {
        if (change.change === 'renamed') lines.push(`Renamed the ${NOUN[change.kind][0]} '${change.before}' to '${change.after}'${details(change)}`);
        if (change.change === 'moved') lines.push(`Moved ${quote(change.title)}${movedTo(change)}${details(change, ['lane', 'phase'])}`);
        if (change.change === 'changed') lines.push(`${quote(change.title)}: ${describeProperties(change).join('; ')}`);
    }
    lines.push(...figureSentences(diff.figures.before, diff.figures.after));
    return lines;
}

/** One change in words, for a list that steps through them. */
export function describeChange(change: Change): string {
    const noun = NOUN[change.kind][0];
    switch (change.change) {
        case 'added': return `Added the ${noun} ${quote(change.title)}`;
        case 'removed': return `Removed the ${noun} ${quote(change.title)}`;
        case 'renamed': return `Renamed the ${noun} '${change.before}' to '${change.after}'${details(change)}`;
        case 'moved': return `Moved ${quote(change.title)}${movedTo(change)}${details(change, ['lane', 'phase'])}`;
        default: return `${quote(change.title)}: ${describeProperties(change).join('; ')}`;
    }
}

export function diffText(diff: ModelDiff): string {
    return diff.changes.length === 0 ? 'No changes.\n' : `${diffSentences(diff).join('\n')}\n`;
}

export function diffMarkdown(diff: ModelDiff, beforeName: string, afterName: string): string {
    const out = [`## ${afterName} against ${beforeName}`, ''];
    if (diff.changes.length === 0) out.push('No changes.', '');
    else out.push(...diffSentences(diff).filter(line => !isFigureLine(line)).map(line => `- ${line}`), '');
    out.push('| | before | after |', '|---|---|---|');
    const { before, after } = diff.figures;
    out.push(`| Total duration | ${formatDuration(before.durationSeconds)} | ${formatDuration(after.durationSeconds)} |`);
    out.push(`| Waiting | ${formatDuration(before.waitSeconds)} | ${formatDuration(after.waitSeconds)} |`);
    out.push(`| Fail points | ${before.failPoints} | ${after.failPoints} |`);
    out.push(`| Handoffs between lanes | ${before.handoffs} | ${after.handoffs} |`);
    out.push(`| Steps | ${before.steps} | ${after.steps} |`);
    for (const phase of new Set([...Object.keys(before.emotion), ...Object.keys(after.emotion)])) {
        out.push(`| Emotion in ${escapeCell(phase)} | ${signed(before.emotion[phase])} | ${signed(after.emotion[phase])} |`);
    }
    return `${out.join('\n')}\n`;
}

const FIGURE_PREFIXES = ['The whole service', 'Waiting', 'Fail points', 'Handoffs', 'Emotion in'];
const isFigureLine = (line: string) => FIGURE_PREFIXES.some(prefix => line.startsWith(prefix));

function figureSentences(before: Figures, after: Figures): string[] {
    const lines: string[] = [];
    const seconds = (label: string, a: number, b: number) => {
        if (a === b) return;
        lines.push(`${label} ${formatDuration(Math.abs(b - a))} ${b < a ? 'shorter' : 'longer'}: ${formatDuration(a)} → ${formatDuration(b)}`);
    };
    seconds('The whole service is', before.durationSeconds, after.durationSeconds);
    seconds('Waiting is', before.waitSeconds, after.waitSeconds);
    if (before.failPoints !== after.failPoints) lines.push(`Fail points ${before.failPoints} → ${after.failPoints}`);
    if (before.handoffs !== after.handoffs) lines.push(`Handoffs between lanes ${before.handoffs} → ${after.handoffs}`);
    for (const phase of Object.keys(after.emotion)) {
        if (phase in before.emotion && before.emotion[phase] !== after.emotion[phase]) lines.push(`Emotion in '${phase}' ${signed(before.emotion[phase])} → ${signed(after.emotion[phase])}`);
    }
    return lines;
}

function describeProperties(change: Change, skip: string[] = []): string[] {
    return Object.entries(change.properties ?? {}).filter(([name]) => !skip.includes(name)).map(([name, { before, after }]) => {
        if ((name === 'duration' || name === 'wait') && typeof before === 'string' && typeof after === 'string') {
            const a = secondsOf(before);
            const b = secondsOf(after);
            if (a !== undefined && b !== undefined && a !== b) return `${name === 'wait' ? 'waits' : 'is'} ${formatDuration(Math.abs(b - a))} ${b < a ? 'shorter' : 'longer'} (${before} → ${after})`;
        }
        if (name === 'emotion') return `emotion ${signed(before as number | null)} → ${signed(after as number | null)}`;
        if (Array.isArray(before) || Array.isArray(after)) return listChange(name, (before as string[] | null) ?? [], (after as string[] | null) ?? []);
        if (before === null) return `${name} ${show(after)} added`;
        if (after === null) return `${name} ${show(before)} removed`;
        return `${name} ${show(before)} → ${show(after)}`;
    });
}

function listChange(name: string, before: string[], after: string[]): string {
    const added = after.filter(item => !before.includes(item));
    const removed = before.filter(item => !after.includes(item));
    const parts = [...added.map(item => `added ${name} ${show(item)}`), ...removed.map(item => `removed ${name} ${show(item)}`)];
    return parts.length ? parts.join(', ') : `${name} reordered`;
}

function details(change: Change, skip: string[] = []): string {
    const parts = describeProperties(change, skip);
    return parts.length ? ` (${parts.join('; ')})` : '';
}

function movedTo(change: Change): string {
    const lane = change.properties?.lane;
    const phase = change.properties?.phase;
    const parts = [lane ? `to the lane '${lane.after}'` : '', phase ? `to the phase '${phase.after}'` : ''].filter(Boolean);
    return parts.length ? ` ${parts.join(' and ')}` : '';
}

const quote = (text: string) => `'${text}'`;
const show = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));
const signed = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value > 0 ? `+${value}` : value < 0 ? `−${-value}` : '0');
const escapeCell = (text: string) => text.replace(/\|/g, '\\|');
