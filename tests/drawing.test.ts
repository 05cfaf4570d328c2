/**
 * The drawing at real size, on the whole corpus (the normative examples and the realistic
 * blueprints of tests/fixtures/realistic): every label whole and clear of everything else, no
 * arrow through a card or on top of another or along a drawn line, everything the designer wrote
 * on the drawing, and PNG arrowheads pointing the way their arrows run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BlueprintModel } from '../src/model/types.js';
import { layoutBlueprint, renderSvg } from '../src/render/index.js';
import { measureQuality } from '../src/render/quality.js';
import { corpusBlueprints, type CorpusBlueprint } from './support/corpus.js';
import { svcbp, tempProject } from './support/cli.js';
import { decodePng, isDark, type Pixels } from './support/png.js';

let corpus: CorpusBlueprint[];
beforeAll(async () => { corpus = await corpusBlueprints(); }, 120_000);

describe('the corpus', () => {
    it('has at least ten realistic blueprints of 40–150 steps, in all three styles and several scripts', () => {
        const realistic = corpus.filter(entry => entry.file.startsWith('tests/fixtures/realistic/') && entry.model.totals.steps >= 40);
        expect(realistic.length).toBeGreaterThanOrEqual(10);
        expect(realistic.every(entry => entry.model.totals.steps <= 150)).toBe(true);
        const models = realistic.map(entry => entry.model);
        expect(models.some(m => m.sections.length > 0 && m.lines.some(l => l.written))).toBe(true);
        expect(models.some(m => m.lanes.some(l => l.kind === 'actor') && m.sections.length === 0 && m.lines.some(l => l.written))).toBe(true);
        expect(models.some(m => m.lanes.some(l => l.kind === 'backstage') && m.lines.every(l => !l.written))).toBe(true);
        const text = models.map(m => m.lanes.flatMap(l => l.steps.map(s => s.title)).join(' ')).join(' ');
        expect(text).toMatch(/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u);
        expect(text).toMatch(/\p{Script=Greek}/u);
    });
});

describe('the drawing of every corpus blueprint', () => {
    it('cuts no label and shortens none, and every label stays in its box and clear of everything else', () => {
        const problems = corpus.flatMap(({ file, model }) => {
            const quality = measureQuality(layoutBlueprint(model));
            return [...quality.labelCuts, ...quality.shortened, ...quality.labelsOutside, ...quality.labelCollisions].map(problem => `${file} ${model.id}: ${problem}`);
        });
        expect(problems).toEqual([]);
    });

    it('draws no arrow through a card or touchpoint, on top of another or along a drawn line', () => {
        const problems = corpus.flatMap(({ file, model }) => {
            const quality = measureQuality(layoutBlueprint(model));
            return [...quality.arrowsThroughNodes, ...quality.overlappingRuns, ...quality.runsAlongLines].map(problem => `${file} ${model.id}: ${problem}`);
        });
        expect(problems).toEqual([]);
    });

    it('writes every pain, opportunity, metric, policy and system on the drawing, not only in hover titles', () => {
        const missing = corpus.flatMap(({ file, model }) => {
            const texts = visibleTexts(renderSvg(model));
            return expectedTexts(model).filter(text => !texts.some(shown => shown.includes(squeeze(text)))).map(text => `${file} ${model.id}: ${text}`);
        });
        expect(missing).toEqual([]);
    });

    it('leaves out what the switches turn off', () => {
        const { model } = corpus.find(entry => entry.model.id === 'restaurant')!;
        const full = visibleTexts(renderSvg(model));
        const bare = visibleTexts(renderSvg(model, { pains: false, opportunities: false, metrics: false, policies: false, systems: false, durations: false }));
        for (const text of ["Waiting to catch the server's eye", 'Pay at the table with a QR code', 'Bill request to payment under 4 minutes', 'POS']) {
            expect(full.some(shown => shown.includes(squeeze(text)))).toBe(true);
            expect(bare.some(shown => shown.includes(squeeze(text)))).toBe(false);
        }
    });
});

describe('the PNG export', () => {
    it('points every arrowhead the way its arrow runs, at both ends of a two-way arrow', () => {
        const dir = tempProject();
        // Straight down (a -> tp), straight up (c -> b), and two-way straight down (tp <-> f).
        writeFileSync(join(dir, 'heads.svcbp'), `blueprint heads {
  phase p
  phase q
  lane c "Customer" customer { step a "A" in p step b "B" in q }
  touchpoint tp "T" in p
  lane f "Front" frontstage { step f1 "F" in p step c1 "C" in q }
  a -> tp <-> f1
  c1 -> b
}`);
        expect(svcbp(['render', 'heads.svcbp', '-o', 'heads.png'], dir).status).toBe(0);
        const pixels = decodePng(readFileSync(join(dir, 'heads.png')));
        const model = JSON.parse(svcbp(['export', 'heads.svcbp'], dir).stdout) as BlueprintModel;
        const layout = layoutBlueprint(model);
        const arrow = (id: string) => layout.arrows.find(a => a.id === id)!.points;
        // The PNG is drawn at twice the size.
        const at = (p: { x: number; y: number }) => ({ x: p.x * 2, y: p.y * 2 });
        const down = arrow('a->tp');
        expect(headDirection(pixels, at(down[down.length - 1]))).toBe('down');
        const up = arrow('c1->b');
        expect(headDirection(pixels, at(up[up.length - 1]))).toBe('up');
        const twoWay = arrow('tp->f1');
        expect(headDirection(pixels, at(twoWay[twoWay.length - 1]))).toBe('down');
        expect(headDirection(pixels, at(twoWay[0]))).toBe('up');
    });
});

/**
 * Which way an arrowhead on a vertical arrow points, from its tip: a head pointing down is wide
 * above its tip and narrow at it; one pointing up the other way round; a head drawn pointing
 * sideways (the fault of PNG renderers without auto-start-reverse) is neither.
 */
function headDirection(pixels: Pixels, tip: { x: number; y: number }): 'down' | 'up' | 'neither' {
    const width = (y: number) => {
        let count = 0;
        for (let x = tip.x - 9; x <= tip.x + 9; x++) if (isDark(pixels, x, y)) count++;
        return count;
    };
    const above = width(tip.y - 11);
    const nearAbove = width(tip.y - 2);
    const below = width(tip.y + 11);
    const nearBelow = width(tip.y + 2);
    if (above >= 7 && above > nearAbove + 3) return 'down';
    if (below >= 7 && below > nearBelow + 3) return 'up';
    return 'neither';
}

const squeeze = (text: string) => text.replace(/\s+/gu, '');

/** The text of every <text> element of an SVG, hover titles left out, white space squeezed out. */
function visibleTexts(svg: string): string[] {
    const withoutTitles = svg.replace(/<title[^>]*>[\s\S]*?<\/title>/gu, '');
    return [...withoutTitles.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/gu)].map(match => squeeze(unescapeXml(match[1].replace(/<[^>]+>/gu, ' '))));
}

function unescapeXml(text: string): string {
    return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&amp;/gu, '&');
}

/** What the designer wrote that the drawing must show as text: notes, and the systems used. */
function expectedTexts(model: BlueprintModel): string[] {
    const owners = [...model.phases, ...model.lanes.filter(lane => lane.kind !== 'notes').flatMap(lane => lane.steps), ...model.touchpoints];
    const systems = new Set([...model.lanes.flatMap(lane => lane.steps), ...model.touchpoints].flatMap(owner => owner.systems));
    return [
        ...owners.flatMap(owner => [...owner.pains, ...owner.opportunities, ...owner.metrics, ...owner.policies]),
        ...[...systems].map(id => model.systems.find(system => system.id === id)?.title ?? id)
    ];
}
