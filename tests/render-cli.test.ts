import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser.js';
import { svcbp, tempProject } from './support/cli.js';

describe('svcbp render', () => {
    it('writes SVG to stdout, or to an .svg file, in the chosen theme', () => {
        const dir = tempProject();
        const run = svcbp(['render', 'examples/restaurant.svcbp'], dir);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'out/dark.svg', '--theme', 'dark'], dir).status).toBe(0);
        const dark = readFileSync(join(dir, 'out/dark.svg'), 'utf8');
        expect(dark).toContain('data-theme="dark"');
        expect(dark).not.toContain('var(');
    });

    it('writes a PNG with the text set in the bundled font', () => {
        const dir = tempProject();
        expect(svcbp(['render', 'examples/grocery-canvas.svcbp', '-o', 'grocery.png'], dir).status).toBe(0);
        const png = readFileSync(join(dir, 'grocery.png'));
        expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        // Twice the SVG's size.
        const svg = svcbp(['render', 'examples/grocery-canvas.svcbp'], dir).stdout;
        const svgWidth = Number(/width="(\d+)"/.exec(svg)![1]);
        expect(png.readUInt32BE(16)).toBe(svgWidth * 2);
    });

    it('refuses an unknown theme or extension, and never overwrites the source', () => {
        const dir = tempProject();
        expect(svcbp(['render', 'examples/restaurant.svcbp', '--theme', 'sepia'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Unknown theme 'sepia': use light, dark, high-contrast.\n" });
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'x.gif'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Cannot tell the format of 'x.gif': name it .svg, .png, .html or .pdf.\n" });
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'examples/restaurant.svcbp'], dir).status).toBe(2);
    });

    it('leaves out the parts named by --hide, and names the parts it knows for a wrong one', () => {
        const dir = tempProject();
        const full = svcbp(['render', 'examples/restaurant.svcbp'], dir).stdout;
        expect(full).toContain('class="note note-pain"');
        expect(full).toContain('class="note note-opportunity"');
        expect(full).toContain('data-kind="emotion"');
        const hidden = svcbp(['render', 'examples/restaurant.svcbp', '--hide', 'pains, emotion'], dir);
        expect(hidden.status).toBe(0);
        expect(hidden.stdout).not.toContain('class="note note-pain"');
        expect(hidden.stdout).not.toContain('data-kind="emotion"');
        expect(hidden.stdout).toContain('class="note note-opportunity"');
        expect(svcbp(['render', 'examples/restaurant.svcbp', '--hide', 'pain'], dir)).toMatchObject({
            status: 2, stderr: "svcbp: Cannot hide 'pain': --hide takes emotion, durations, legend, pains, opportunities, metrics, policies, systems.\n"
        });
    });

    describe('the HTML page, in a real browser', () => {
        let browser: Browser;
        beforeAll(async () => { browser = await launchChromium(); });
        afterAll(async () => { await browser?.close(); });

        it('shows the blueprint offline, pans and zooms, and raises no error', async () => {
            const dir = tempProject();
            expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'page.html'], dir).status).toBe(0);
            const html = readFileSync(join(dir, 'page.html'), 'utf8');
            expect(html).not.toMatch(/(src|href)="https?:/);
            const page = await browser.newPage();
            const problems: string[] = [];
            page.on('pageerror', error => problems.push(error.message));
            page.on('console', message => { if (message.type() === 'error') problems.push(message.text()); });
            page.on('request', request => { if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`request to ${request.url()}`); });
            await page.goto(pathToFileURL(join(dir, 'page.html')).toString());
            expect(await page.locator('g.card[data-kind="step"]').count()).toBe(22);
            const viewport = page.locator('svg g.svg-pan-zoom_viewport');
            const before = await viewport.getAttribute('transform');
            await page.click('#zoom-in');
            await page.waitForTimeout(100);
            const after = await viewport.getAttribute('transform');
            expect(after).not.toBe(before);
            await page.screenshot({ path: join(dir, 'page.png') });
            expect(problems).toEqual([]);
            await page.close();
        });

        it('sets the text in the Inter it carries, so every label stays inside its card on a machine without Inter', async () => {
            const dir = tempProject();
            expect(svcbp(['render', join(import.meta.dirname, 'fixtures/realistic/university-enrolment.svcbp'), '-o', 'page.html'], dir).status).toBe(0);
            const page = await browser.newPage();
            await page.goto(pathToFileURL(join(dir, 'page.html')).toString());
            await page.evaluate(() => document.fonts.ready);
            const faces = await page.evaluate(() => [...document.fonts].filter(face => face.family === 'Inter' && face.status === 'loaded').map(face => face.weight));
            expect(faces.sort()).toEqual(['400', '600 700']);
            // Each card's text, as the browser set it, within the card's box.
            const overflowing = await page.evaluate(() => [...document.querySelectorAll('g.card')].flatMap(card => {
                const box = (card.querySelector('.card-box') as SVGGraphicsElement).getBBox();
                return [...card.querySelectorAll<SVGTextElement>('text.card-title')].filter(text => {
                    const t = text.getBBox();
                    return t.x < box.x - 0.5 || t.x + t.width > box.x + box.width + 0.5;
                }).map(text => text.textContent);
            }));
            expect(overflowing).toEqual([]);
            await page.close();
        });
    });
});
