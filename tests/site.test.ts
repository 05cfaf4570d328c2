import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { svcbp, tempProject } from './support/cli.js';

const dir = tempProject();
let browser: Browser;
beforeAll(async () => {
    browser = await launchChromium();
    expect(svcbp(['site', 'examples', '-o', 'site'], dir).status).toBe(0);
});
afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
});

const site = join(dir, 'site');
const open = async (page: string) => {
    const tab = await browser.newPage();
    const requests: string[] = [];
    tab.on('request', request => requests.push(request.url()));
    await tab.goto(pathToFileURL(join(site, page)).toString());
    return { tab, requests };
};

describe('svcbp site', () => {
    it('has an index of every blueprint, a page and a thumbnail for each, and a page of actors and systems', () => {
        const files = readdirSync(site);
        expect(files).toEqual(expect.arrayContaining(['index.html', 'actors.html', 'restaurant--restaurant.html', 'restaurant--restaurant.svg', 'restaurant-to-be--restaurantToBe.html', 'grocery-canvas--grocery.html']));
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        for (const title of ['Restaurant visit', 'Restaurant visit (to-be)', 'Online grocery order', 'Restaurant visit — who does what']) expect(index).toContain(`>${title.replace('—', '—')}</a></h2>`);
        const actors = readFileSync(join(site, 'actors.html'), 'utf8');
        expect(actors).toMatch(/<td>System<\/td><td>POS<\/td><td>.*Restaurant visit<\/a>: Explain specials, take the order/);
    });

    it('searches by step title, actor and system, in the browser, and fetches nothing from outside the folder', async () => {
        const { tab, requests } = await open('index.html');
        const visible = async () => (await tab.locator('.card:not([hidden]) h2').allTextContents()).sort();
        expect(await visible()).toHaveLength(4);
        await tab.fill('#search', 'scan the qr code');
        await expect.poll(visible).toEqual(['Restaurant visit (to-be)']);
        await tab.fill('#search', 'kitchen display');
        await expect.poll(visible).toEqual(['Restaurant visit', 'Restaurant visit (to-be)']);
        await tab.fill('#search', 'no such thing');
        await expect.poll(() => tab.locator('#none').isVisible()).toBe(true);
        expect(requests.every(url => url.startsWith(pathToFileURL(site).toString()))).toBe(true);
        await tab.close();
    });

    it('every link of every page resolves to a file of the site', async () => {
        for (const page of readdirSync(site).filter(file => file.endsWith('.html'))) {
            const html = readFileSync(join(site, page), 'utf8');
            for (const [, href] of html.matchAll(/(?:href|src)="([^"#:]+)"/g)) expect(existsSync(join(site, href)), `${page} → ${href}`).toBe(true);
        }
        // The as-is page links its to-be, and a page draws its blueprint with pan and zoom.
        const asIs = readFileSync(join(site, 'restaurant--restaurant.html'), 'utf8');
        expect(asIs).toContain('href="restaurant-to-be--restaurantToBe.html"');
        const { tab, requests } = await open('restaurant--restaurant.html');
        await tab.locator('#stage svg [data-kind="step"][data-id="cook"]').waitFor();
        expect(await tab.locator('#panel h2', { hasText: 'Fail points' }).count()).toBe(1);
        // Inter, which the drawing is measured in, from the site's own fonts/ folder (one copy for every page).
        await tab.evaluate(() => document.fonts.ready);
        expect(await tab.evaluate(() => [...document.fonts].filter(face => face.family === 'Inter' && face.status === 'loaded').length)).toBe(2);
        expect(requests.filter(url => url.endsWith('.ttf'))).toEqual(expect.arrayContaining([pathToFileURL(join(site, 'fonts/Inter-Regular.ttf')).toString()]));
        expect(requests.every(url => url.startsWith('file://'))).toBe(true);
        await tab.close();
    });

    it('redraws only the pages of a file that changed', async () => {
        const before = (file: string) => statSync(join(site, file)).mtimeMs;
        const stamps = { restaurant: before('restaurant--restaurant.html'), grocery: before('grocery-canvas--grocery.html') };
        await new Promise(resolve => setTimeout(resolve, 30));
        const file = join(dir, 'examples/restaurant.svcbp');
        writeFileSync(file, readFileSync(file, 'utf8').replace('"Receipt"', '"Paper receipt"'));
        const run = svcbp(['site', 'examples', '-o', 'site'], dir);
        expect(run.stdout).toContain('1 page drawn');
        expect(before('restaurant--restaurant.html')).toBeGreaterThan(stamps.restaurant);
        expect(before('grocery-canvas--grocery.html')).toBe(stamps.grocery);
        expect(readFileSync(join(site, 'restaurant--restaurant.html'), 'utf8')).toContain('Paper receipt');
    });

    it('redraws the pages of a file whose import changed, and of a page whose links changed title', async () => {
        const before = (file: string) => statSync(join(site, file)).mtimeMs;
        const stamps = { grocery: before('grocery-canvas--grocery.html'), restaurant: before('restaurant--restaurant.html'), actors: before('restaurant-actors--restaurantActors.html') };
        await new Promise(resolve => setTimeout(resolve, 30));
        const platform = join(dir, 'examples/common/platform.svcbp');
        writeFileSync(platform, readFileSync(platform, 'utf8').replace('"Warehouse management"', '"Warehouse system"'));
        // The to-be's new title still pairs it with the as-is, whose page links it by title.
        const toBe = join(dir, 'examples/restaurant-to-be.svcbp');
        writeFileSync(toBe, readFileSync(toBe, 'utf8').replace('"Restaurant visit (to-be)"', '"Restaurant visit  (to-be)"'));
        const run = svcbp(['site', 'examples', '-o', 'site'], dir);
        expect(run.stdout).toContain('3 pages drawn');
        expect(before('grocery-canvas--grocery.html')).toBeGreaterThan(stamps.grocery);
        expect(readFileSync(join(site, 'grocery-canvas--grocery.svg'), 'utf8')).toContain('Warehouse system');
        expect(before('restaurant--restaurant.html')).toBeGreaterThan(stamps.restaurant);
        expect(readFileSync(join(site, 'restaurant--restaurant.html'), 'utf8')).toContain('Restaurant visit  (to-be)</a>');
        expect(before('restaurant-actors--restaurantActors.html')).toBe(stamps.actors);
    });

    it('builds a folder whose imports name a folder, a missing file or nothing, and rebuilds it from its cache', () => {
        const odd = join(dir, 'odd');
        mkdirSync(join(odd, 'shared.svcbp'), { recursive: true });
        writeFileSync(join(odd, 'a.svcbp'), 'import "shared.svcbp"\nimport "missing"\nimport ""\nblueprint a "A" {\n  phase p\n  lane c customer { step s in p }\n}\n');
        expect(svcbp(['site', 'odd', '-o', 'odd-site'], dir)).toMatchObject({ status: 0, stdout: expect.stringContaining('1 page drawn') });
        // The same imports, still unresolved: nothing to parse or draw again.
        expect(svcbp(['site', 'odd', '-o', 'odd-site'], dir)).toMatchObject({ status: 0, stdout: expect.stringContaining('0 pages drawn') });
        writeFileSync(join(odd, 'missing.svcbp'), 'system crm "CRM"\n');
        expect(svcbp(['site', 'odd', '-o', 'odd-site'], dir).stdout).toContain('1 page drawn');
    });
});
