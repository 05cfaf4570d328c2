/** A Markdown page for a repository README: the blueprint as text, tables and Mermaid diagrams. */
import type { BlueprintModel } from '../model/types.js';
import { formatDuration } from '../model/format-duration.js';
import { toMermaidFlowchart, toMermaidJourney } from './mermaid.js';

export function toMarkdown(model: BlueprintModel): string {
    const out: string[] = [`# ${inline(model.title)}`, ''];
    if (model.description) out.push(inline(model.description), '');
    const facts = [model.persona && `**Persona:** ${inline(model.persona)}`, model.status && `**Status:** ${model.status}`].filter(Boolean);
    if (facts.length) out.push(facts.join(' · '), '');
    const total = model.totals.durationSeconds ? `, ${formatDuration(model.totals.durationSeconds)}${model.totals.durationComplete ? '' : '+'} in all` : '';
    out.push(`${model.phases.length} phases, ${model.totals.steps} steps, ${model.totals.touchpoints} touchpoints${total}.`, '');
    out.push('## Customer journey', '', '```mermaid', toMermaidJourney(model).trimEnd(), '```', '');
    out.push('## Flow', '', '```mermaid', toMermaidFlowchart(model).trimEnd(), '```', '');
    out.push('## Blueprint', '', `| Lane | ${model.phases.map(p => cell(p.title)).join(' | ')} |`, `|---|${model.phases.map(() => '---').join('|')}|`);
    for (const lane of model.lanes) {
        const cells = model.phases.map(phase => lane.steps.filter(s => s.phaseIndex <= phase.index && phase.index <= s.endPhaseIndex).map(s => cell(s.title)).join('<br>'));
        out.push(`| **${cell(lane.title)}** (${lane.kind}) | ${cells.join(' | ')} |`);
    }
    out.push('');
    const notes = [
        ...model.lanes.flatMap(l => l.steps).flatMap(s => [
            ...s.fails.map(f => `- **Fail point** (${inline(s.title)}): ${inline(f)}`),
            ...(s.wait ? [`- **Wait point** (${inline(s.title)}): ${s.wait.text}${s.wait.note ? ` — ${inline(s.wait.note)}` : ''}`] : [])
        ]),
        ...model.touchpoints.flatMap(t => t.fails.map(f => `- **Fail point** (${inline(t.title)}): ${inline(f)}`)),
        ...[...model.phases, ...model.lanes.flatMap(l => l.steps)].flatMap(n => [
            ...n.pains.map(p => `- **Pain** (${inline(n.title)}): ${inline(p)}`),
            ...n.opportunities.map(o => `- **Opportunity** (${inline(n.title)}): ${inline(o)}`)
        ])
    ];
    if (notes.length) out.push('## Notes', '', ...notes, '');
    return out.join('\n');
}

/** Text in running Markdown: HTML is shown, not run; Markdown marks stay literal. */
function inline(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]])/g, '\\$1').replace(/\n/g, ' ');
}

/** Text in a table cell: as inline, and pipes cannot end the cell. */
function cell(text: string): string {
    return inline(text).replace(/\|/g, '\\|');
}
