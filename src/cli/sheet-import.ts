/**
 * A spreadsheet blueprint (phases as columns, lanes as rows, a step a line in each cell) turned
 * into `.svcbp` text in the canonical layout: ids made from titles, lane kinds from the row
 * headers' usual wordings, a "Touchpoints" row as touchpoints, "Duration" and "Emotion" rows as
 * phase properties, a cell merged over several phases as a step over them. Rows it cannot place
 * are named in `problems`, never guessed. Pure: cells in, text out.
 */
import { kindOfHeader } from '../render/sheet.js';

export interface SheetImport {
    text: string;
    problems: string[];
}

export interface SheetCells {
    rows: string[][];
    merges?: Array<{ row: number; from: number; to: number }>;
}

export function sheetToSvcbp(sheet: SheetCells, name: string): SheetImport {
    const problems: string[] = [];
    const rows = sheet.rows.map(row => row.map(cell => (cell ?? '').trim()));
    while (rows.length > 0 && rows[0].every(cell => cell === '')) rows.shift();
    const header = rows[0] ?? [];
    const columns = header.map((title, column) => ({ title, column })).slice(1).filter(c => c.title !== '');
    if (columns.length === 0) return { text: '', problems: ['The first row names no phase: write the phases across it, after a first cell for the lane names.'] };
    const ids = new Ids();
    const phases = columns.map(c => ({ ...c, id: ids.make(c.title, 'phase'), duration: '', emotion: '' }));
    const lanes: Array<{ id: string; title: string; kind: string; steps: string[] }> = [];
    const touchpoints: string[] = [];
    const phaseOfColumn = new Map(phases.map(phase => [phase.column, phase]));
    for (let r = 1; r < rows.length; r++) {
        const row = rows[r];
        const label = row[0] ?? '';
        if (row.every(cell => cell === '')) continue;
        const lower = label.toLowerCase();
        if (/^touch ?points?$|^channels?$/.test(lower)) {
            for (const phase of phases) for (const title of lines(row[phase.column])) touchpoints.push(`  touchpoint ${ids.make(title, 'touchpoint')} ${quote(title)} in ${phase.id}`);
            continue;
        }
        if (/^durations?$|^time$/.test(lower)) {
            for (const phase of phases) phase.duration = row[phase.column] ?? '';
            continue;
        }
        if (/^emotions?$|^feelings?$/.test(lower)) {
            for (const phase of phases) phase.emotion = row[phase.column] ?? '';
            continue;
        }
        const kind = label === '' ? undefined : kindOfHeader(label);
        if (!kind) {
            problems.push(`Row ${r + 1} ('${label || row.find(Boolean)}') is no lane the import knows: name it like "Customer actions", "Frontstage", "Backstage", "Support processes" or "Physical evidence", or write the kind in brackets, e.g. "Kitchen (backstage)".`);
            continue;
        }
        const title = label.replace(/\s*\((evidence|customer|frontstage|backstage|support|actor|notes)\)\s*$/i, '');
        const lane = { id: ids.make(title, 'lane'), title, kind, steps: [] as string[] };
        for (const phase of phases) {
            const merge = sheet.merges?.find(m => m.row === r && m.from === phase.column);
            const last = merge ? phaseOfColumn.get(merge.to) ?? [...phases].reverse().find(p => p.column <= merge.to) : undefined;
            for (const stepTitle of lines(row[phase.column])) {
                const span = last && last !== phase ? `${phase.id}..${last.id}` : phase.id;
                lane.steps.push(`    step ${ids.make(stepTitle, 'step')} ${quote(stepTitle)} in ${span}`);
            }
        }
        lanes.push(lane);
    }
    const out = [`blueprint ${ids.make(name, 'blueprint')} ${quote(name)} {`];
    for (const phase of phases) {
        const properties = [phase.duration && duration(phase.duration, phase.title, problems), phase.emotion && emotion(phase.emotion, phase.title, problems)].filter(Boolean);
        out.push(`  phase ${phase.id} ${quote(phase.title)}${properties.length ? ` { ${properties.join(' ')} }` : ''}`);
    }
    for (const lane of lanes) {
        out.push('', `  lane ${lane.id} ${quote(lane.title)} ${lane.kind} {`, ...lane.steps, '  }');
        if (lane.kind === 'customer' && touchpoints.length) out.push('', ...touchpoints.splice(0));
    }
    if (touchpoints.length) out.push('', ...touchpoints);
    out.push('}', '');
    return { text: out.join('\n'), problems };
}

function lines(cell: string | undefined): string[] {
    return (cell ?? '').split(/\r?\n/).map(line => line.replace(/^[-•*]\s*/, '').trim()).filter(Boolean);
}

function quote(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function duration(text: string, phase: string, problems: string[]): string {
    const compact = text.replace(/\s+/g, '').replace(/,/g, '.').replace(/mins?|minutes?/i, 'min').replace(/hours?|hrs?/i, 'h').replace(/days?/i, 'd').replace(/weeks?/i, 'w');
    if (/^(\d+(\.\d+)?(min|w|d|h|s))+$/.test(compact)) return `duration ${compact}`;
    problems.push(`The duration '${text}' of the phase '${phase}' is not one the language reads (e.g. 5min, 1h30min); it is left out.`);
    return '';
}

function emotion(text: string, phase: string, problems: string[]): string {
    const value = Number(text.replace('−', '-'));
    if (Number.isInteger(value) && value >= -2 && value <= 2) return `emotion ${value}`;
    problems.push(`The emotion '${text}' of the phase '${phase}' is not a whole number from -2 to +2; it is left out.`);
    return '';
}

/** Names from titles: lower camel case of the title's letters and digits, unique in the file. */
class Ids {
    private readonly taken = new Set<string>();

    make(title: string, fallback: string): string {
        const words = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean).slice(0, 5);
        let base = words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0].toUpperCase() + word.slice(1).toLowerCase())).join('');
        if (!/^[A-Za-z_]/.test(base)) base = base ? `${fallback}${base}` : fallback;
        let id = base;
        for (let n = 2; this.taken.has(id); n++) id = `${base}${n}`;
        this.taken.add(id);
        return id;
    }
}
