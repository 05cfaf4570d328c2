/// <reference lib="dom" />
// Callbacks below run in the browser (page.evaluate).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import type { ModelResult } from '../src/model/types.js';
import type { ToWebview } from '../src/protocol.js';
import { renderSvgDocument } from '../src/render/index.js';
import { PALETTES } from '../src/render/theme.js';
import { launchChromium } from './support/browser.js';
import { PreviewPage } from './support/preview-page.js';
import { EXAMPLES, examplesWorkspace, TestWorkspace } from './support/workspace.js';

async function modelsOf(path: string, workspace = examplesWorkspace()): Promise<ModelResult> {
    const [document] = await workspace.build(path);
    return buildModels(document);
}

const modelMessage = (result: ModelResult, errors = 0, version = 1): ToWebview =>
    ({ type: 'model', uri: result.uri, fileName: 'restaurant.svcbp', version, result: new TextEncoder().encode(JSON.stringify(result)), errors });

/** The restaurant example with one edit, as a user would make it. */
async function restaurantWith(edit: (text: string) => string): Promise<ModelResult> {
    const workspace = examplesWorkspace().write('restaurant.svcbp', edit(readFileSync(join(EXAMPLES, 'restaurant.svcbp'), 'utf8')));
    return modelsOf('restaurant.svcbp', workspace);
}

/**
 * Mermaid's sanitiser (DOMPurify) re-parses each diagram, stylesheet included, in an inert
 * document; Chromium reports that parse's <style> as blocked although nothing is applied from it
 * (the diagram's stylesheet reaches the page with the nonce). Only the Mermaid views see these.
 */
const isSanitiserParse = (violation: string) => /style-src-elem|Applying inline style violates .* a hash \('sha256-[^']+'\), or a nonce \('nonce-\.\.\.'\) is required to enable inline execution\. The action has been blocked\.$/.test(violation);

const rgb = (hex: string) => `rgb(${[1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('the preview page in headless Chromium (stand-in for VS Code)', () => {
    let browser: Browser;
    let preview: PreviewPage;
    let restaurant: ModelResult;

    beforeAll(async () => {
        browser = await launchChromium();
        restaurant = await modelsOf('restaurant.svcbp');
    });
    afterAll(async () => { await browser?.close(); });
    afterEach(async context => {
        // Whatever a test did, the page never broke its Content-Security-Policy.
        const violations = preview.cspViolations.filter(v => !(context.task.meta as { mermaidSanitiser?: boolean }).mermaidSanitiser || !isSanitiserParse(v));
        expect(violations).toEqual([]);
        await preview.page.close();
    });

    it('draws the model it is sent', async () => {
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').waitFor();
        const steps = await preview.page.locator('#stage svg [data-kind="step"]').count();
        expect(steps).toBe(restaurant.blueprints[0].totals.steps);
        // The page's own tooltip stands in for the SVG's hover titles, the markers' (fail points) included.
        expect(await preview.page.locator('#stage svg [data-kind="step"] title, #stage svg [data-kind="touchpoint"] title').count()).toBe(0);
        expect(await preview.page.locator('#banner').isHidden()).toBe(true);
        expect(await preview.page.locator('#file').textContent()).toBe('restaurant.svcbp');
        // The text is set in Inter, the font the layout measured it in (the shipped faces, not a fallback).
        const faces = await preview.page.evaluate(async () => {
            await document.fonts.ready;
            return [...document.fonts].filter(face => face.family === 'Inter' && face.status === 'loaded').map(face => face.weight).sort();
        });
        expect(faces).toEqual(['400', '600']);
    });

    it('posts the reveal message with the source range on a click, and traces the flow through the step', async () => {
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').click();
        const cook = restaurant.blueprints[0].lanes.flatMap(l => l.steps).find(s => s.id === 'cook')!;
        expect(await preview.lastPosted('reveal')).toEqual({ type: 'reveal', uri: restaurant.uri, range: cook.range });
        // cook -> pass is downstream, ticket -> cook upstream.
        expect(await preview.page.locator('#stage svg [data-kind="arrow"][data-from="cook"][data-to="pass"]').getAttribute('class')).toContain('trace-down');
        expect(await preview.page.locator('#stage svg [data-kind="arrow"][data-from="ticket"][data-to="cook"]').getAttribute('class')).toContain('trace-up');
        expect(await preview.element('step', 'cook').getAttribute('class')).toContain('selected');
        await preview.page.keyboard.press('Escape');
        expect(await preview.page.locator('#stage svg .trace-down').count()).toBe(0);
    });

    it('highlights the element under the editor cursor', async () => {
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        const pass = restaurant.blueprints[0].lanes.flatMap(l => l.steps).find(s => s.id === 'pass')!;
        await preview.send({ type: 'cursor', uri: restaurant.uri, line: pass.range.start.line, character: pass.range.start.character + 6 });
        await preview.page.locator('#stage svg .at-cursor').waitFor();
        expect(await preview.page.locator('#stage svg .at-cursor').getAttribute('data-id')).toBe('pass');
    });

    it('shows a tooltip with what a designer needs on hover', async () => {
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').hover();
        const tooltip = preview.page.locator('#tooltip');
        await tooltip.waitFor();
        const text = await tooltip.innerText();
        for (const part of ['Cook starters and mains', 'Duration: 25min', 'Actor: Chef', 'Fail point: Allergy note missed']) expect(text).toContain(part);
    });

    it('keeps the last drawing, marks it stale and shows the banner on a syntax error', async () => {
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').waitFor();
        const broken: ModelResult = { ...restaurant, blueprints: [], unbuilt: [{ id: 'restaurant', reason: 'syntax error', range: restaurant.blueprints[0].range }] };
        await preview.send(modelMessage(broken, 2, 2));
        await preview.page.locator('#banner', { hasText: '2 errors — showing the last valid version' }).waitFor();
        expect(await preview.page.locator('#stage svg').getAttribute('class')).toContain('stale');
        expect(await preview.element('step', 'cook').count()).toBe(1);
        await preview.page.locator('#banner').click();
        expect(await preview.lastPosted('openProblems')).toEqual({ type: 'openProblems' });
        // Fixed: fresh again.
        await preview.send(modelMessage(restaurant, 0, 3));
        await preview.page.locator('#banner').waitFor({ state: 'hidden' });
        expect(await preview.page.locator('#stage svg').getAttribute('class')).not.toContain('stale');
    });

    it('draws the rest when a reference is broken, and says what is left out', async () => {
        const broken = await restaurantWith(text => text.replace('cook -> pass', 'cok -> pass'));
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(broken, 1));
        await preview.page.locator('#banner', { hasText: '1 error — 1 element left out of the drawing' }).waitFor();
        expect(await preview.page.locator('#stage svg').getAttribute('class') ?? '').not.toContain('stale');
        expect(await preview.page.locator('#stage svg [data-kind="arrow"][data-from="cook"][data-to="pass"]').count()).toBe(0);
        expect(await preview.element('step', 'cook').count()).toBe(1);
    });

    it('follows the VS Code theme live', async () => {
        preview = await PreviewPage.open(browser, 'vscode-light');
        await preview.send(modelMessage(restaurant));
        const card = preview.page.locator('#stage svg [data-id="cook"] .card-box');
        await card.waitFor();
        const fill = () => card.evaluate(element => getComputedStyle(element).fill);
        expect(await fill()).toBe(rgb(PALETTES.light.cardFill));
        await preview.page.evaluate(() => { document.body.className = 'vscode-dark'; });
        expect(await fill()).toBe(rgb(PALETTES.dark.cardFill));
        await preview.page.evaluate(() => { document.body.className = 'vscode-high-contrast'; });
        expect(await fill()).toBe(rgb(PALETTES['high-contrast'].cardFill));
    });

    it('keeps zoom and pan across an update', async () => {
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').waitFor();
        await preview.page.locator('#zoom-in').click();
        await preview.page.locator('#zoom-in').click();
        await preview.page.mouse.move(600, 400);
        await preview.page.mouse.wheel(0, 120); // scroll pans
        const viewport = preview.page.locator('#stage svg .svg-pan-zoom_viewport');
        const matrix = async () => (await viewport.getAttribute('transform'))!.match(/-?[\d.]+(?:e-?\d+)?/g)!.map(Number);
        const before = await matrix();
        const edited = await restaurantWith(text => text.replace('    step pass "Check plates', '    step wash "Wash up" in dine\n    step pass "Check plates'));
        await preview.send(modelMessage(edited, 0, 2));
        await preview.element('step', 'wash').waitFor();
        // The same scale and offset (to float rounding) although the drawing grew.
        const after = await matrix();
        before.forEach((value, i) => expect(after[i]).toBeCloseTo(value, 6));
        expect(before[0]).not.toBeCloseTo(1, 2);
        expect(before[5]).not.toBe(0);
    });

    it('patches the drawing on an update: what only moved keeps its node, and the result is what a fresh page draws', async () => {
        const edited = await restaurantWith(text => text
            .replace('    step pass "Check plates', '    step wash "Wash up" in reserve\n    step pass "Check plates')
            .replace('"Order routed to the kitchen display"', '"Order sent to the kitchen"'));
        const items = (page: PreviewPage) => page.page.evaluate(() => {
            const viewport = document.querySelector('#stage svg .svg-pan-zoom_viewport')!;
            return { markup: viewport.innerHTML, count: viewport.childElementCount };
        });
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').waitFor();
        const passBefore = await preview.element('step', 'pass').getAttribute('transform');
        await preview.page.evaluate(() => {
            for (const element of document.querySelector('#stage svg .svg-pan-zoom_viewport')!.children) (element as Element & { __before?: boolean }).__before = true;
        });
        await preview.send(modelMessage(edited, 0, 2));
        await preview.element('step', 'wash').waitFor();
        const kept = await preview.page.evaluate(() => {
            const keptNode = (selector: string) => Boolean((document.querySelector(`#stage svg ${selector}`) as Element & { __before?: boolean } | null)?.__before);
            const all = Array.from(document.querySelector('#stage svg .svg-pan-zoom_viewport')!.children) as Array<Element & { __before?: boolean }>;
            return { kept: all.filter(element => element.__before).length, all: all.length, pass: keptNode('[data-id="pass"]'), wash: keptNode('[data-id="wash"]'), ticket: keptNode('[data-id="ticket"]') };
        });
        // The moved step is the same node with a new translation; the new and the relabelled ones are new.
        expect(kept).toMatchObject({ pass: true, wash: false, ticket: false });
        expect(await preview.element('step', 'pass').getAttribute('transform')).not.toBe(passBefore);
        // Exactly the elements whose own markup is unchanged (in their own coordinates) kept their nodes.
        const options = { theme: 'light' as const, emotion: true, durations: true, legend: true };
        const before = new Map(renderSvgDocument(restaurant.blueprints[0], options).items.map(item => [item.key, item.markup]));
        const after = renderSvgDocument(edited.blueprints[0], options).items;
        expect(kept).toMatchObject({ all: after.length, kept: after.filter(item => before.get(item.key) === item.markup).length });
        expect(kept.kept).toBeGreaterThan(after.length / 2);
        const patched = await items(preview);

        const fresh = await PreviewPage.open(browser);
        try {
            await fresh.send(modelMessage(edited, 0, 2));
            await fresh.element('step', 'wash').waitFor();
            expect(patched).toEqual(await items(fresh));
        } finally {
            await fresh.page.close();
        }
        // And back: the removed step goes, and the drawing is the first one again.
        await preview.send(modelMessage(restaurant, 0, 3));
        await preview.element('step', 'wash').waitFor({ state: 'detached' });
        const original = await PreviewPage.open(browser);
        try {
            await original.send(modelMessage(restaurant));
            await original.element('step', 'cook').waitFor();
            expect(await items(preview)).toEqual(await items(original));
        } finally {
            await original.page.close();
        }
    });

    it('starts another file from its own view: fit to width, not the zoom of the file before', async () => {
        const grocery = await modelsOf('grocery-canvas.svcbp');
        const matrix = (page: PreviewPage) => page.page.locator('#stage svg .svg-pan-zoom_viewport').getAttribute('transform');
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').waitFor();
        await preview.page.locator('#zoom-in').click();
        await preview.send(modelMessage(grocery));
        await preview.page.locator('#stage svg [data-kind="step"]').first().waitFor();
        expect(await preview.page.locator('#stage svg [data-id="cook"]').count()).toBe(0);
        const fresh = await PreviewPage.open(browser);
        try {
            await fresh.send(modelMessage(grocery));
            await fresh.page.locator('#stage svg [data-kind="step"]').first().waitFor();
            expect(await matrix(preview)).toBe(await matrix(fresh));
        } finally {
            await fresh.page.close();
        }
    });

    it('compares: the drawing marked against the before side, a list that steps through the changes, and back to the blueprint alone', async () => {
        preview = await PreviewPage.open(browser);
        const after = await modelsOf('restaurant-to-be.svcbp');
        await preview.send(modelMessage(after));
        await preview.element('step', 'qrCard').waitFor();
        expect(await preview.page.locator('#stage svg [data-change]').count()).toBe(0);
        await preview.send({ type: 'compare', before: { label: 'restaurant.svcbp', result: new TextEncoder().encode(JSON.stringify(restaurant)) } });
        await preview.page.locator('#stage svg [data-change="removed"][data-id="askBill"]').waitFor();
        expect(await preview.page.locator('#stage svg [data-change="added"][data-id="qrCard"]').count()).toBe(1);
        expect(await preview.page.locator('#stage svg [data-change="changed"][data-id="cook"]').count()).toBe(1);
        expect(await preview.page.locator('#compare').isHidden()).toBe(false);
        const options = await preview.page.locator('#changes option').allTextContents();
        expect(options[0]).toMatch(/^\d+ changes against restaurant\.svcbp$/);
        expect(options).toContain("Added the step 'QR code on the table'");
        // Choosing a change selects it in the drawing and reveals it in the source.
        const index = options.indexOf("Added the step 'QR code on the table'") - 1;
        await preview.page.locator('#changes').selectOption(String(index));
        await expect.poll(async () => (await preview.lastPosted('reveal')) as unknown).toMatchObject({ type: 'reveal', range: after.blueprints[0].lanes[0].steps.find(s => s.id === 'qrCard')!.range });
        expect(await preview.page.locator('#stage svg [data-id="qrCard"].selected').count()).toBe(1);
        await preview.page.locator('#end-compare').click();
        await expect.poll(() => preview.page.locator('#stage svg [data-change]').count()).toBe(0);
        expect(await preview.lastPosted('endCompare')).toEqual({ type: 'endCompare' });
        expect(await preview.page.locator('#compare').isHidden()).toBe(true);
    });

    it('renders hostile labels as text and runs nothing', async () => {
        const hostile = `blueprint evil "<script>window.__pwned = 1</script>" {
  description "\\"><img src=x onerror=\\"window.__pwned = 2\\">"
  phase p "</style><style>* { display: none }</style>" { pain "javascript:window.__pwned = 3" }
  lane c "<svg onload=\\"window.__pwned = 4\\">" customer {
    step s "<img src=x onerror=\\"window.__pwned = 5\\">" in p { description "]]><script>window.__pwned = 6</script>" fail "<iframe src=javascript:alert(1)>" }
  }
  touchpoint t "<a href=\\"javascript:window.__pwned = 7\\">click</a>" in p { channel web }
  s -> t "<script>window.__pwned = 8</script>"
}
`;
        const result = await modelsOf('evil.svcbp', new TestWorkspace().write('evil.svcbp', hostile));
        expect(result.blueprints).toHaveLength(1);
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(result));
        const step = preview.element('step', 's');
        await step.waitFor();
        // Titles wrap over several lines: compare without the white space.
        expect((await step.textContent())!.replace(/\s/g, '')).toContain('<imgsrc=xonerror="window.__pwned=5">');
        await step.hover();
        await preview.page.locator('#tooltip', { hasText: ']]><script>' }).waitFor();
        await step.click();
        expect(await preview.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await preview.page.locator('img, iframe, script:not([src]), a[href], #stage svg svg').count()).toBe(0);
        expect(await preview.page.locator('#toolbar').isVisible()).toBe(true);
        expect(await preview.page.locator('#stage svg text').first().isVisible()).toBe(true);
    });

    it('loads Mermaid only for the Journey and Flow views, and draws them', async context => {
        (context.task.meta as { mermaidSanitiser?: boolean }).mermaidSanitiser = true;
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(restaurant));
        await preview.element('step', 'cook').waitFor();
        const mermaidLoaded = () => preview.page.evaluate(() => 'mermaid' in window);
        expect(await mermaidLoaded()).toBe(false);
        await preview.page.locator('[data-view="journey"]').click();
        await preview.page.locator('#mermaid-stage svg').waitFor({ timeout: 20_000 });
        expect(await mermaidLoaded()).toBe(true);
        expect(await preview.page.locator('#mermaid-stage').innerText()).toContain('Reserve');
        await preview.page.locator('[data-view="flow"]').click();
        await preview.page.locator('#mermaid-stage svg', { hasText: 'Cook starters and mains' }).waitFor();
        await preview.page.locator('[data-view="blueprint"]').click();
        await preview.element('step', 'cook').waitFor();
        expect(await preview.page.locator('#mermaid-stage').isHidden()).toBe(true);
        // No script was ever blocked, and at most the sanitiser's two inert parses per diagram were reported.
        expect(preview.cspViolations.filter(v => /script/i.test(v))).toEqual([]);
        expect(preview.cspViolations.filter(v => !isSanitiserParse(v))).toEqual([]);
    });

    it('offers a selector for several blueprints, follows a link step and comes back', async () => {
        const text = `blueprint main "Main" {
  phase p "P"
  lane c "Customer" customer { step pay "Pay" in p { link checkout } }
}
blueprint checkout "Checkout" {
  phase q "Q"
  lane c "Customer" customer { step card "Enter the card" in q }
}
`;
        const result = await modelsOf('two.svcbp', new TestWorkspace().write('two.svcbp', text));
        preview = await PreviewPage.open(browser);
        await preview.send(modelMessage(result));
        await preview.element('step', 'pay').waitFor();
        expect(await preview.page.locator('#blueprint option').allTextContents()).toEqual(['Main', 'Checkout']);
        await preview.element('step', 'pay').locator('.marker-link').click();
        await preview.element('step', 'card').waitFor();
        expect(await preview.page.locator('#blueprint').inputValue()).toBe('checkout');
        await preview.page.locator('#back').click();
        await preview.element('step', 'pay').waitFor();
        await preview.page.locator('#blueprint').selectOption('checkout');
        await preview.element('step', 'card').waitFor();
    });
});
