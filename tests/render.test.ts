import { describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import type { BlueprintModel } from '../src/model/types.js';
import { layoutBlueprint, renderSvg, type BlueprintLayout } from '../src/render/index.js';
import type { Box, Point } from '../src/render/layout-types.js';
import { measureText, wrapText } from '../src/render/text.js';
import { escapeXml } from '../src/render/escape.js';
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

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const shrink = (box: Box, by: number): Box => ({ x: box.x + by, y: box.y + by, width: box.width - 2 * by, height: box.height - 2 * by });

/** Whether an axis-parallel segment enters a box's interior. */
function segmentHitsBox(a: Point, b: Point, box: Box): boolean {
    const inner = shrink(box, 0.5);
    const segment = { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x) || 0.001, height: Math.abs(a.y - b.y) || 0.001 };
    return overlaps(segment, inner);
}

function segments(points: Point[]): Array<[Point, Point]> {
    return points.slice(1).map((point, i) => [points[i], point]);
}

function checkGeometry(layout: BlueprintLayout): string[] {
    const problems: string[] = [];
    const cards = layout.cards;
    for (let i = 0; i < cards.length; i++) {
        for (let j = i + 1; j < cards.length; j++) {
            if (overlaps(cards[i], cards[j])) problems.push(`cards ${cards[i].id} and ${cards[j].id} overlap`);
        }
    }
    for (const arrow of layout.arrows) {
        for (const [a, b] of segments(arrow.points)) {
            if (a.x !== b.x && a.y !== b.y) problems.push(`arrow ${arrow.id} has a diagonal segment`);
            for (const card of cards) {
                if (segmentHitsBox(a, b, card)) problems.push(`arrow ${arrow.id} crosses card ${card.id}`);
            }
            for (const touchpoint of layout.touchpoints) {
                if (touchpoint.id === arrow.from || touchpoint.id === arrow.to) continue;
                const circle = { x: touchpoint.cx - touchpoint.r, y: touchpoint.cy - touchpoint.r, width: 2 * touchpoint.r, height: 2 * touchpoint.r };
                if (segmentHitsBox(a, b, circle)) problems.push(`arrow ${arrow.id} crosses touchpoint ${touchpoint.id}`);
                if (segmentHitsBox(a, b, touchpoint.labelBox)) problems.push(`arrow ${arrow.id} crosses the label of ${touchpoint.id}`);
            }
        }
        if (arrow.label && arrow.labelBox) {
            const widest = Math.max(...arrow.label.lines.map(line => measureText(line, arrow.label!.size)));
            if (widest > arrow.labelBox.width) problems.push(`label of ${arrow.id} is wider than its box`);
            for (const card of cards) if (overlaps(arrow.labelBox, card)) problems.push(`label of ${arrow.id} covers card ${card.id}`);
        }
    }
    for (const card of cards) {
        const widest = Math.max(...card.title.lines.map(line => measureText(line, card.title.size)));
        if (widest > card.width - 2 * 10 + 0.5) problems.push(`title of ${card.id} is wider than its card`);
        if (card.title.lines.length * 17 + 20 > card.height + 0.5) problems.push(`title of ${card.id} is taller than its card`);
    }
    for (const touchpoint of layout.touchpoints) {
        const widest = Math.max(...touchpoint.label.lines.map(line => measureText(line, touchpoint.label.size)));
        if (widest > touchpoint.labelBox.width) problems.push(`label of ${touchpoint.id} is wider than its box`);
    }
    return problems;
}

describe('the layout of the normative examples', () => {
    it.each(EXAMPLES)('%s: no overlapping cards, no arrow through a card, touchpoint or label, labels inside their boxes', async file => {
        expect(checkGeometry(layoutBlueprint(await exampleModel(file)))).toEqual([]);
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

    it('places each card in its lane and across its phases', async () => {
        const model = await exampleModel('restaurant.svcbp');
        const layout = layoutBlueprint(model);
        const cook = layout.cards.find(card => card.id === 'cook')!;
        const kitchen = layout.lanes.find(lane => lane.id === 'kitchen')!;
        const [order, dine] = [layout.phases[2], layout.phases[3]];
        expect(cook.y).toBeGreaterThan(kitchen.box.y);
        expect(cook.y + cook.height).toBeLessThan(kitchen.box.y + kitchen.box.height);
        expect(cook.x).toBeGreaterThan(order.box.x);
        expect(cook.x + cook.width).toBeLessThan(dine.box.x + dine.box.width);
        expect(cook.x + cook.width).toBeGreaterThan(dine.box.x + dine.box.width / 2);
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

    it('stacks steps of one cell without overlap', async () => {
        const model = await modelOf(`blueprint b { phase p lane c "C" customer { step a "First" in p step b2 "Second" in p step c3 "Third, with a much longer title that wraps over several lines" in p } a -> b2 -> c3 }`);
        const layout = layoutBlueprint(model);
        expect(checkGeometry(layout)).toEqual([]);
        const ys = layout.cards.map(card => card.y);
        expect(new Set(ys).size).toBe(3);
        expect(layout.cards[2].title.lines.length).toBeGreaterThan(1);
    });

    it('routes a dense blueprint without crossing cards (every lane kind, spans, two-way and repeated arrows)', async () => {
        const lanes = ['evidence', 'customer', 'frontstage', 'backstage', 'support'];
        const steps = lanes.flatMap((kind, k) => [0, 1, 2, 3].map(p => `step ${kind}${p} "${kind} ${p}" in p${p}${p === 1 && k % 2 ? '..p2' : ''}`).filter((_, i) => !(k % 2 && i === 2)));
        const body = lanes.map((kind, k) => `lane l${k} "${kind}" ${kind} { ${steps.filter(s => s.startsWith(`step ${kind}`)).join(' ')} }`).join('\n');
        const names = steps.map(s => s.split(' ')[1]);
        const arrows = names.map((name, i) => `${name} ${['->', '<->', '~>', '..>'][i % 4]} ${names[(i * 7 + 3) % names.length]}`).filter(a => a.split(' ')[0] !== a.split(' ')[2]);
        const model = await modelOf(`blueprint b { phase p0 phase p1 phase p2 phase p3 ${body}\n touchpoint t0 in p0 touchpoint t1 in p1 touchpoint t2 in p1\n ${arrows.join('\n')}\n customer0 -> t0 -> frontstage0\n customer1 -> t1 customer1 -> t2 }`);
        const layout = layoutBlueprint(model);
        expect(layout.arrows.length).toBe(model.arrows.length);
        expect(checkGeometry(layout)).toEqual([]);
    });
});

describe('the layout of a large generated blueprint', () => {
    it('keeps every card apart and every arrow out of cards at 300 steps and 300 arrows', async () => {
        const model = await modelOf(generate(300));
        expect(model.arrows).toHaveLength(300);
        expect(checkGeometry(layoutBlueprint(model))).toEqual([]);
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

    it('wraps at spaces, breaks long words and CJK, and ends a cut text with an ellipsis', () => {
        expect(wrapText('Read the menu, ask about allergens', 150, 13)).toEqual(['Read the menu, ask', 'about allergens']);
        expect(wrapText('x'.repeat(60), 100, 13).every(line => measureText(line, 13) <= 100)).toBe(true);
        expect(wrapText('予約を確認して席に案内する'.repeat(3), 100, 13).length).toBeGreaterThan(2);
        const cut = wrapText('one two three four five six seven eight nine ten', 60, 13, 'regular', 2);
        expect(cut).toHaveLength(2);
        expect(cut[1].endsWith('…')).toBe(true);
    });
});
