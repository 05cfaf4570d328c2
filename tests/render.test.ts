import { describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import type { BlueprintModel } from '../src/model/types.js';
import { layoutBlueprint, renderSvg, type BlueprintLayout } from '../src/render/index.js';
import { longestUnit, measureText, wrapText } from '../src/render/text.js';
import { escapeXml } from '../src/render/escape.js';
import { measureQuality } from '../src/render/quality.js';
import { TestWorkspace, examplesWorkspace } from './support/workspace.js';
import { generate } from '../bench/generate.js';

const EXAMPLES = ['restaurant.svcbp', 'restaurant-actors.svcbp', 'grocery-canvas.svcbp'];

async function exampleModel(file: string): Promise<BlueprintModel> {
    const workspace = examplesWorkspace();
    await workspace.build(file);
    return buildModels(workspace.document(file)).blueprints[0];
}

async function modelOf(text: string): Promise<BlueprintModel> {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    await workspace.build('main.svcbp');
    return buildModels(workspace.document('main.svcbp')).blueprints[0];
}

/** What the drawing-quality measures call a defect; every list must be empty. */
function defects(layout: BlueprintLayout): string[] {
    const quality = measureQuality(layout);
    return [...quality.labelCuts, ...quality.shortened, ...quality.labelsOutside, ...quality.labelCollisions, ...quality.arrowsThroughNodes, ...quality.overlappingRuns, ...quality.runsAlongLines];
}

const orthogonal = (layout: BlueprintLayout) => layout.arrows.every(arrow => arrow.points.slice(1).every((p, i) => p.x === arrow.points[i].x || p.y === arrow.points[i].y));

describe('the layout of the normative examples', () => {
    it.each(EXAMPLES)('%s: orthogonal arrows, and no defect the quality measures know', async file => {
        const layout = layoutBlueprint(await exampleModel(file));
        expect(orthogonal(layout)).toBe(true);
        expect(defects(layout)).toEqual([]);
    });

    it.each(EXAMPLES)('%s: touchpoints sit on the line of interaction, in their phase column', async file => {
        const model = await exampleModel(file);
        const layout = layoutBlueprint(model);
        const interaction = layout.lines.find(line => line.kind === 'interaction');
        for (const touchpoint of layout.touchpoints) {
            if (interaction) expect(touchpoint.cy).toBe(interaction.y);
            const phase = layout.phases[model.touchpoints.find(t => t.id === touchpoint.id)!.phaseIndex];
            expect(touchpoint.cx).toBeGreaterThan(phase.box.x);
            expect(touchpoint.cx).toBeLessThan(phase.box.x + phase.box.width);
        }
    });

    it('places each card in its lane, a step spanning phases in its first with a bar to the end of its last', async () => {
        const model = await exampleModel('restaurant.svcbp');
        const layout = layoutBlueprint(model);
        const cook = layout.cards.find(card => card.id === 'cook')!;
        const kitchen = layout.lanes.find(lane => lane.id === 'kitchen')!;
        const [order, dine] = [layout.phases[2], layout.phases[3]];
        expect(cook.y).toBeGreaterThan(kitchen.box.y);
        expect(cook.y + cook.height).toBeLessThan(kitchen.box.y + kitchen.box.height);
        expect(cook.x).toBeGreaterThan(order.box.x);
        expect(cook.x + cook.width).toBeLessThan(order.box.x + order.box.width);
        expect(cook.span!.x + cook.span!.width).toBeGreaterThan(dine.box.x + dine.box.width - 20);
        expect(cook.span!.x + cook.span!.width).toBeLessThan(dine.box.x + dine.box.width);
        expect(layout.cards.find(card => card.id === 'pass')!.span).toBeUndefined();
    });

    it('draws the lines in force between the right lanes, in order', async () => {
        const layout = layoutBlueprint(await exampleModel('restaurant.svcbp'));
        const lane = (id: string) => layout.lanes.find(l => l.id === id)!.box;
        const [interaction, visibility, internal] = ['interaction', 'visibility', 'internal'].map(kind => layout.lines.find(l => l.kind === kind)!.y);
        expect(interaction).toBeGreaterThan(lane('guest').y + lane('guest').height - 1);
        expect(interaction).toBeLessThan(lane('front').y);
        expect(visibility).toBe(lane('kitchen').y);
        expect(internal).toBe(lane('support').y);
    });

    it('stands a touchpoint under the customer step that reaches it, and the step it leads to under it', async () => {
        const layout = layoutBlueprint(await exampleModel('restaurant.svcbp'));
        const terminal = layout.touchpoints.find(t => t.id === 'terminal')!;
        const centre = (id: string) => { const card = layout.cards.find(c => c.id === id)!; return card.x + card.width / 2; };
        // Pay has two customer steps; the card terminal follows the second, and the acquirer follows it.
        expect(Math.abs(terminal.cx - centre('payCard'))).toBeLessThan(1);
        expect(Math.abs(terminal.cx - centre('acquirer'))).toBeLessThan(1);
        expect(layout.arrows.find(a => a.id === 'payCard->terminal')!.points).toHaveLength(2);
    });
});

describe('steps of one lane in one phase', () => {
    it('stand side by side in the order their arrows give, joined by straight arrows', async () => {
        const model = await modelOf(`blueprint b { phase p lane c "C" customer { step c3 "Third, with a much longer title that wraps over several lines" in p step a "First" in p step b2 "Second" in p } a -> b2 -> c3 }`);
        const layout = layoutBlueprint(model);
        expect(defects(layout)).toEqual([]);
        const x = (id: string) => layout.cards.find(card => card.id === id)!.x;
        expect(x('a')).toBeLessThan(x('b2'));
        expect(x('b2')).toBeLessThan(x('c3'));
        expect(new Set(layout.cards.map(card => card.y)).size).toBe(1);
        expect(layout.arrows.every(arrow => arrow.points.length === 2)).toBe(true);
    });

    it('wrap onto a second track past five', async () => {
        const steps = Array.from({ length: 7 }, (_, i) => `step s${i} "Step ${i}" in p`).join(' ');
        const layout = layoutBlueprint(await modelOf(`blueprint b { phase p lane c "C" customer { ${steps} } }`));
        expect(defects(layout)).toEqual([]);
        expect(new Set(layout.cards.map(card => card.x)).size).toBe(5);
        expect(new Set(layout.cards.map(card => card.y)).size).toBe(2);
    });
});

describe('the layout of crowded blueprints', () => {
    it('routes a dense blueprint without defects (every lane kind, spans, two-way and repeated arrows)', async () => {
        const lanes = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];
        const steps = lanes.flatMap((kind, k) => [0, 1, 2, 3].map(p => `step ${kind}${p} "${kind} ${p}" in p${p}${p === 1 && k % 2 ? '..p2' : ''}`).filter((_, i) => !(k % 2 && i === 2)));
        const body = lanes.map((kind, k) => `lane l${k} "${kind}" ${kind} { ${steps.filter(s => s.startsWith(`step ${kind}`)).join(' ')} }`).join('\n');
        const names = steps.map(s => s.split(' ')[1]);
        const arrows = names.map((name, i) => `${name} ${['->', '<->', '~>', '..>'][i % 4]} ${names[(i * 7 + 3) % names.length]}`).filter(a => a.split(' ')[0] !== a.split(' ')[2]);
        const model = await modelOf(`blueprint b { phase p0 phase p1 phase p2 phase p3 ${body}\n touchpoint t0 in p0 touchpoint t1 in p1 touchpoint t2 in p1\n ${arrows.join('\n')}\n customer0 -> t0 -> frontstage0\n customer1 -> t1 customer1 -> t2 }`);
        const layout = layoutBlueprint(model);
        expect(layout.arrows.length).toBe(model.arrows.length);
        expect(orthogonal(layout)).toBe(true);
        expect(defects(layout)).toEqual([]);
    });

    it("keeps a touchpoint's arrows apart, however many meet it, by widening its circle", async () => {
        // Ten arrows: more than fit a circle of the usual size on its two open sides (six spread
        // over the top and the bottom without widening it).
        const steps = Array.from({ length: 10 }, (_, i) => `step s${i} "Step ${i}" in p`).join(' ');
        const model = await modelOf(`blueprint b { phase p lane c "C" customer { ${steps} } touchpoint hub "Hub" in p lane f "F" frontstage { step f "F" in p } ${Array.from({ length: 10 }, (_, i) => `s${i} -> hub`).join(' ')} hub -> f }`);
        const layout = layoutBlueprint(model);
        expect(defects(layout)).toEqual([]);
        expect(layout.touchpoints[0].r).toBeGreaterThan(13);
    });

    it('keeps every card apart and every arrow out of cards at 300 steps and 300 arrows', async () => {
        const model = await modelOf(generate(300));
        expect(model.arrows).toHaveLength(300);
        const layout = layoutBlueprint(model);
        const quality = measureQuality(layout);
        expect(quality.arrowsThroughNodes).toEqual([]);
        expect(quality.overlappingRuns).toEqual([]);
        expect(orthogonal(layout)).toBe(true);
    });
});

describe('the SVG', () => {
    it('is the same, byte for byte, for the same model', async () => {
        const model = await exampleModel('grocery-canvas.svcbp');
        expect(renderSvg(model)).toBe(renderSvg(structuredClone(model)));
    });

    it('marks every element with its model id and source range, and describes itself', async () => {
        const model = await exampleModel('restaurant.svcbp');
        const svg = renderSvg(model);
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="svcbp-title svcbp-desc"/);
        // The title first, then the description: the accessible name readers of SVG look for.
        expect(svg.split('\n').slice(1, 3)).toEqual(['<title id="svcbp-title">Restaurant visit</title>', expect.stringMatching(/^<desc id="svcbp-desc">/)]);
        for (const step of model.lanes.flatMap(lane => lane.steps)) {
            const { start, end } = step.range;
            expect(svg).toContain(`data-kind="step" data-id="${step.id}" data-lane="${step.lane}" data-range="${start.line}:${start.character}-${end.line}:${end.character}"`);
        }
        for (const arrow of model.arrows) expect(svg).toContain(`data-id="${escapeXml(arrow.id)}" data-from="${arrow.from}" data-to="${arrow.to}"`);
        expect(svg).toContain('<title>Greet, find the reservation, seat the guests\nPhase: Arrive and be seated\nActor: Host\nSystems: \nFail point: Reservation not found'.replace('Systems: \n', ''));
    });

    it('uses CSS variables for the preview and writes colours in for standalone files', async () => {
        const model = await exampleModel('restaurant.svcbp');
        expect(renderSvg(model, { theme: 'dark' })).toContain('fill:var(--svcbp-card-fill, #1c222b)');
        const standalone = renderSvg(model, { theme: 'dark', embedColours: true });
        expect(standalone).toContain('.card-box{fill:#1c222b;');
        expect(standalone).not.toContain('var(');
    });

    it('renders hostile labels as text and nothing else', async () => {
        const hostile = '\\"><script>alert(1)</script><img src=x onerror=alert(2)> & \'x\' ]]> <!--';
        const model = await modelOf(`blueprint b "${hostile}" { phase p "${hostile}" lane c "${hostile}" customer { step s "${hostile}" in p { description "${hostile}" } step t "javascript:alert(3)" in p } touchpoint tp "${hostile}" in p s -> tp "${hostile}" -> t }`);
        const svg = renderSvg(model);
        expect(svg).not.toMatch(/<script|<img|<!--/i);
        // The payload survives only as text: no tag of the SVG carries it as an attribute.
        expect(svg).not.toMatch(/<[^>]*\sonerror=/i);
        expect(svg).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
        // Every tag the SVG opens is one the renderer writes.
        const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map(m => m[1]));
        expect([...tags].sort()).toEqual(['circle', 'defs', 'desc', 'g', 'line', 'marker', 'path', 'polyline', 'rect', 'style', 'svg', 'text', 'title', 'tspan'].filter(t => tags.has(t)).sort());
    });
});

describe('text measurement', () => {
    it('measures with the font\'s widths, and wide scripts and emoji wider', () => {
        expect(measureText('iiii', 10)).toBeLessThan(measureText('MMMM', 10));
        expect(measureText('日本語', 10)).toBe(30);
        expect(measureText('🍣', 10)).toBeGreaterThan(measureText('a', 10) * 1.5);
        expect(measureText('Menu', 13, 'semibold')).toBeGreaterThan(measureText('Menu', 13));
    });

    it('wraps between words only, between characters in scripts without spaces, and shortens only past the limits', () => {
        expect(wrapText('Read the menu, ask about allergens', 150, 13)).toEqual(['Read the menu, ask', 'about allergens']);
        // "Website calculator" in a narrow box: a word a line, never "We / bsi / t…".
        expect(wrapText('Website calculator', 60, 11)).toEqual(['Website', 'calculator']);
        // A hyphenated word breaks at its hyphen only when it does not fit a line whole.
        expect(wrapText('Pre-arrival e-mail', 50, 11)).toEqual(['Pre-', 'arrival', 'e-mail']);
        const japanese = wrapText('玄関で女将が出迎え、荷物を預かる。', 60, 13);
        expect(japanese.length).toBeGreaterThan(1);
        expect(japanese.join('')).toBe('玄関で女将が出迎え、荷物を預かる。');
        // Closing punctuation never starts a line.
        expect(japanese.every(line => !/^[、。]/u.test(line))).toBe(true);
        // A word wider than any line is shortened (its whole text stays in the tooltip).
        expect(wrapText('x'.repeat(60), 100, 13)).toEqual([expect.stringMatching(/^x+…$/u)]);
        const cut = wrapText('one two three four five six seven eight nine ten', 60, 13, 'regular', 2);
        expect(cut).toHaveLength(2);
        expect(cut[1].endsWith('…')).toBe(true);
        // Room kept for a tag: a first word that does not fit beside it starts the next line.
        expect(wrapText('Calculator', 70, 11, 'regular', Infinity, 40)).toEqual(['', 'Calculator']);
    });

    it('measures the widest word a box must hold', () => {
        expect(longestUnit('Immatrikulationsbescheinigung bitte', 13)).toBe(measureText('Immatrikulationsbescheinigung', 13));
        expect(longestUnit('予約を確認', 13)).toBe(13);
    });
});
