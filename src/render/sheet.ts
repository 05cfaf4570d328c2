/**
 * A blueprint as the spreadsheet many teams keep: phases as columns, lanes as rows, one cell per
 * lane and phase with its steps (one a line), a "Touchpoints" row under the customer lane, and
 * "Duration" and "Emotion" rows for the phases. Arrows do not fit a grid and are left out (the
 * caller says so). Pure: a model in, rows of cells out.
 */
import type { BlueprintModel, LaneKind } from '../model/types.js';

export interface SheetGrid {
    rows: string[][];
    /** Cells that span phases (a step over several phases, alone in its cell): row, first and last column. */
    merges: Array<{ row: number; from: number; to: number }>;
}

/** The row header for a lane: its title, and its kind where the title does not say it. */
export function laneHeader(title: string, kind: LaneKind): string {
    return kindOfHeader(title) === kind ? title : `${title} (${kind})`;
}

export function toSheet(model: BlueprintModel): SheetGrid {
    const phases = model.phases;
    const rows: string[][] = [['Lane', ...phases.map(phase => phase.title)]];
    const merges: SheetGrid['merges'] = [];
    rows.push(['Duration', ...phases.map(phase => phase.duration?.text ?? '')]);
    rows.push(['Emotion', ...phases.map(phase => (phase.emotion === undefined ? '' : String(phase.emotion)))]);
    const touchpointsRow = () => rows.push(['Touchpoints', ...phases.map(phase => model.touchpoints.filter(t => t.phase === phase.id).map(t => t.title).join('\n'))]);
    let touchpointsWritten = model.touchpoints.length === 0;
    for (const lane of model.lanes) {
        const cells = phases.map(() => [] as string[]);
        for (const step of lane.steps) cells[step.phaseIndex].push(step.title);
        rows.push([laneHeader(lane.title, lane.kind), ...cells.map(lines => lines.join('\n'))]);
        for (const step of lane.steps) {
            if (step.endPhaseIndex > step.phaseIndex && cells[step.phaseIndex].length === 1 && cells.slice(step.phaseIndex + 1, step.endPhaseIndex + 1).every(c => c.length === 0)) {
                merges.push({ row: rows.length - 1, from: step.phaseIndex + 1, to: step.endPhaseIndex + 1 });
            }
        }
        if (!touchpointsWritten && lane.kind === 'customer') {
            touchpointsRow();
            touchpointsWritten = true;
        }
    }
    if (!touchpointsWritten) touchpointsRow();
    return { rows, merges };
}

/** The lane kind a row header names, in the usual wordings; undefined for a row that is no lane. */
export function kindOfHeader(header: string): LaneKind | undefined {
    const text = header.toLowerCase();
    const written = /\((evidence|customer|frontstage|backstage|support|actor|notes)\)\s*$/.exec(text);
    if (written) return written[1] as LaneKind;
    if (/evidence|props|physical/.test(text)) return 'evidence';
    if (/customer|user|guest|client|patient|passenger|journey/.test(text)) return 'customer';
    if (/front ?stage|onstage|on-stage|front-stage|front of house|visible/.test(text)) return 'frontstage';
    if (/back ?stage|backstage|back-stage|behind|back office|invisible/.test(text)) return 'backstage';
    if (/support|system|technology|it\b|infrastructure/.test(text)) return 'support';
    if (/note|comment|description/.test(text)) return 'notes';
    return undefined;
}
