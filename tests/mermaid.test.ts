// @vitest-environment happy-dom
import mermaid from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import type { BlueprintModel } from '../src/model/types.js';
import { toMarkdown } from '../src/render/markdown.js';
import { MERMAID_LINKS, toMermaidFlowchart, toMermaidJourney } from '../src/render/mermaid.js';
import { TestWorkspace, examplesWorkspace } from './support/workspace.js';

const EXAMPLES = ['restaurant.svcbp', 'restaurant-actors.svcbp', 'grocery-canvas.svcbp'];
const HOSTILE = `"quote" [x] {y} <script>alert(1)</script> &amp; %% comment a;b:c#d end subgraph click`;

async function exampleModel(file: string): Promise<BlueprintModel> {
    const workspace = examplesWorkspace();
    await workspace.build(file);
    return buildModels(workspace.document(file)).blueprints[0];
}

async function hostileModel(): Promise<BlueprintModel> {
    const label = HOSTILE.replace(/"/g, '\\"');
    const workspace = new TestWorkspace().write('main.svcbp', `blueprint end "${label}\\nsecond line" {
  phase graph "${label}"
  phase p-2 "${label}" { emotion -2 pain "x" }
  lane subgraph "${label}" customer { step end "${label}" in graph step a-b "${label}" in p-2 { decision } step a_b "${label}" in p-2 }
  touchpoint click "${label}" in graph
  end -> click "${label}" <-> a-b ~> a_b
  a-b ..> end "${label}"
}`);
    const [document] = await workspace.build('main.svcbp');
    return buildModels(document).blueprints[0];
}

beforeAll(() => {
    mermaid.initialize({ startOnLoad: false });
});

describe('Mermaid exports', () => {
    it.each(EXAMPLES)('%s: the journey and the flowchart parse with Mermaid', async file => {
        const model = await exampleModel(file);
        await expect(mermaid.parse(toMermaidJourney(model))).resolves.toBeTruthy();
        await expect(mermaid.parse(toMermaidFlowchart(model))).resolves.toBeTruthy();
    });

    it('a blueprint of hostile labels and keyword ids still parses, with every label escaped', async () => {
        const model = await hostileModel();
        const journey = toMermaidJourney(model);
        const flow = toMermaidFlowchart(model);
        await expect(mermaid.parse(journey)).resolves.toBeTruthy();
        await expect(mermaid.parse(flow)).resolves.toBeTruthy();
        expect(flow).not.toContain('<script');
        expect(flow).not.toMatch(/\["[^"\]]*"[^\]]*"\]/); // no raw quote inside a quoted label
        // A journey task keeps exactly its three fields, whatever its title says.
        for (const line of journey.split('\n').filter(l => l.startsWith('    '))) expect(line.split(':')).toHaveLength(3);
        // `a-b` (a decision) and `a_b` would both be `s_a_b`: the second gets a number.
        expect(flow).toContain('s_a_b{"');
        expect(flow).toContain('s_a_b_2["');
        expect(journey).not.toContain('<script');
    });

    it('journey: one section per phase, the customer\'s steps with their emotion as 1…5, and who acts', async () => {
        const model = await exampleModel('restaurant.svcbp');
        const journey = toMermaidJourney(model);
        expect(journey.split('\n').filter(l => l.startsWith('  section ')).map(l => l.slice(10))).toEqual(model.phases.map(p => p.title));
        expect(journey).toContain('  title Restaurant visit\n');
        expect(journey).toContain('    Pay by card, add a tip: 2: Guest\n');
        expect(journey).toContain('    Eat starters and mains: 5: Guest\n');
    });

    it('flowchart: a subgraph per lane, and one edge per arrow with the link of its kind', async () => {
        const model = await exampleModel('restaurant.svcbp');
        const flow = toMermaidFlowchart(model);
        expect(flow.split('\n').filter(l => l.startsWith('  subgraph l_')).length).toBe(model.lanes.length);
        const edges = flow.split('\n').filter(l => /^ {2}[st]_\w+ \S+ [st]_\w+$|^ {2}[st]_\w+ \S+\|/.test(l));
        expect(edges).toHaveLength(model.arrows.length);
        for (const arrow of model.arrows) expect(edges.some(e => e.includes(` ${MERMAID_LINKS[arrow.kind]}`) && e.includes(`_${arrow.to.replace(/\W/g, '_')}`))).toBe(true);
        expect(flow).toContain('  s_ticket -->|"ticket"| s_cook');
        expect(flow).toContain('  s_supplier -.-> s_cook');
        // Parentheses stay as written inside the quotes; `..>` is dashed, as svcbp draws it.
        expect(flow).toContain('s_book["Book a table online"]');
        expect(toMermaidFlowchart({ ...model, lanes: model.lanes.map(l => ({ ...l, steps: l.steps.map(s => ({ ...s, title: `${s.title} (x)` })) })) })).toContain('s_book["Book a table online (x)"]');
    });

    it('Markdown: the two diagrams in fences, a phases × lanes table, notes, and no raw HTML or broken cells', async () => {
        const restaurant = toMarkdown(await exampleModel('restaurant.svcbp'));
        expect(restaurant).toContain('```mermaid\njourney\n');
        expect(restaurant).toContain('```mermaid\nflowchart LR\n');
        expect(restaurant).toContain('| Lane | Reserve | Arrive and be seated | Order | Dine | Pay |');
        expect(restaurant).toContain('| **Kitchen** (backstage) | Set covers per time slot |  | Cook starters and mains | Cook starters and mains<br>Check plates against the ticket |  |');
        expect(restaurant).toContain('- **Fail point** (Cook starters and mains): Allergy note missed');
        const hostile = toMarkdown(await hostileModel());
        expect(hostile).not.toContain('<script>');
        const tableRows = hostile.split('\n').filter(l => l.startsWith('| **'));
        // Escaped pipes never add cells: every row has the header's number of cells.
        for (const row of tableRows) expect(row.split(/(?<!\\)\|/).length).toBe(hostile.split('\n').find(l => l.startsWith('| Lane'))!.split(/(?<!\\)\|/).length);
    });
});
