/**
 * Mermaid exports of the blueprint model: a `journey` (the customer's steps per phase, scored by
 * emotion) and a `flowchart` (lanes as subgraphs, arrows by kind). Pure text functions.
 */
import type { ArrowKind, BlueprintModel, StepModel } from '../model/types.js';

/** Mermaid link per arrow kind: flow, two-way, enables dashed (`-.->`, as svcbp draws `..>`), async dashed with an open end (`-.-o`). */
export const MERMAID_LINKS: Record<ArrowKind, string> = { flow: '-->', 'two-way': '<-->', async: '-.-o', enables: '-.->' };

export function toMermaidJourney(model: BlueprintModel): string {
    const lines = ['journey', `  title ${journeyText(model.title)}`];
    const customerSteps = model.lanes.filter(lane => lane.kind === 'customer').flatMap(lane => lane.steps.map(step => ({ step, lane: lane.title })));
    for (const phase of model.phases) {
        lines.push(`  section ${journeyText(phase.title)}`);
        const tasks = customerSteps.filter(({ step }) => step.phaseIndex === phase.index);
        if (tasks.length === 0) {
            lines.push(`    ${journeyText(phase.title)}: ${score(phase.emotionDerived)}: ${journeyText(model.persona ?? 'Customer')}`);
            continue;
        }
        for (const { step, lane } of tasks) {
            const actor = step.actor ? model.actors.find(a => a.id === step.actor)?.title ?? step.actor : lane;
            lines.push(`    ${journeyText(step.title)}: ${score(effectiveEmotion(step, model))}: ${journeyText(actor).replace(/,/g, '‚')}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

export function toMermaidFlowchart(model: BlueprintModel): string {
    const ids = new SafeIds();
    const lines = ['flowchart LR'];
    model.lanes.forEach(lane => {
        lines.push(`  subgraph ${ids.of('l', lane.id)}["${flowText(lane.title)}"]`, '    direction LR');
        for (const step of lane.steps) {
            const label = flowText(step.title);
            lines.push(`    ${ids.of('s', step.id)}${step.decision ? `{"${label}"}` : `["${label}"]`}`);
        }
        lines.push('  end');
    });
    if (model.touchpoints.length) {
        lines.push('  subgraph touchpoints["Touchpoints"]', '    direction LR');
        for (const touchpoint of model.touchpoints) lines.push(`    ${ids.of('t', touchpoint.id)}(("${flowText(touchpoint.title)}"))`);
        lines.push('  end');
    }
    const nodeId = (id: string) => (model.touchpoints.some(t => t.id === id) ? ids.of('t', id) : ids.of('s', id));
    for (const arrow of model.arrows) {
        const label = arrow.label ? `|"${flowText(arrow.label)}"|` : '';
        lines.push(`  ${nodeId(arrow.from)} ${MERMAID_LINKS[arrow.kind]}${label} ${nodeId(arrow.to)}`);
    }
    return `${lines.join('\n')}\n`;
}

/** −2…+2 → Mermaid's 1…5; no emotion is neutral. */
function score(emotion: number | undefined): number {
    return (emotion ?? 0) + 3;
}

function effectiveEmotion(step: StepModel, model: BlueprintModel): number | undefined {
    return step.emotionEffective ?? model.phases[step.phaseIndex]?.emotionDerived;
}

/**
 * Text inside a quoted flowchart label: the characters that could end the quote or the label, or
 * start an entity, a comment or HTML (quotes, `#`, `&`, `%`, `;`, backticks, pipes, angle
 * brackets) become entity codes; brackets and parentheses stay as written, since inside quotes
 * every Mermaid reads them as text (some renderers show entity codes for them instead of the
 * character). Line breaks become spaces.
 */
function flowText(text: string): string {
    return text.replace(/\s*\n\s*/g, ' ').replace(/["#&<>%`\\;|]/g, c => `#${c.charCodeAt(0)};`);
}

/**
 * Text of a journey line, where `:` separates fields, `,` separates actors and `%%` or `#` could
 * start a comment or an entity: those become look-alike characters so a title never adds a field
 * (and angle brackets too, so no tag reaches a page that shows the diagram's source).
 */
function journeyText(text: string): string {
    return text.replace(/\s*\n\s*/g, ' ').replace(/:/g, '∶').replace(/;/g, '；').replace(/#/g, '＃').replace(/%/g, '％')
        .replace(/</g, '＜').replace(/>/g, '＞').trim() || '–';
}

/** Mermaid node ids from model ids: a prefix keeps keywords (end, graph, …) out; collisions get a number. */
class SafeIds {
    private readonly byKey = new Map<string, string>();
    private readonly used = new Set<string>();

    of(prefix: string, id: string): string {
        const key = `${prefix}:${id}`;
        let safe = this.byKey.get(key);
        if (!safe) {
            const base = `${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
            safe = base;
            for (let n = 2; this.used.has(safe); n++) safe = `${base}_${n}`;
            this.used.add(safe);
            this.byKey.set(key, safe);
        }
        return safe;
    }
}
