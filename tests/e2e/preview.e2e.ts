import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { CodeServer, ROOT } from './support/code-server.js';
import { Workbench } from './support/workbench.js';

const VSIX = join(ROOT, 'out/svcbp.vsix');
const SCREENSHOTS = join(ROOT, 'out/e2e-screenshots/preview');

/** 1-based line and column of the first `needle`, `at` characters into it. */
function position(text: string, needle: string, at = 0): [number, number] {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`not in the fixture: ${needle}`);
    const before = text.slice(0, offset + at).split('\n');
    return [before.length, before[before.length - 1].length + 1];
}

describe('the live preview in a real VS Code (code-server, the packaged .vsix)', () => {
    let server: CodeServer;
    let browser: Browser;
    let workbench: Workbench;
    const file = () => join(server.workspace, 'restaurant.svcbp');
    const onDisk = () => readFileSync(file(), 'utf8');
    const step = (id: string) => workbench.preview.locator(`#stage svg [data-kind="step"][data-id="${id}"]`);

    beforeAll(async () => {
        if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: npm run test:e2e packages it first`);
        server = await CodeServer.start(VSIX, join(ROOT, 'examples'));
        browser = await launchChromium();
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        workbench = new Workbench(page, SCREENSHOTS);
        console.log(`e2e screenshots: ${SCREENSHOTS}`);
        await page.goto(server.url);
        await workbench.ready();
    });

    beforeEach(context => {
        onTestFailed(async () => {
            console.log(`failed at: ${await workbench.screenshot(`FAILED-${context.task.name.split(':')[0].replace(/\W+/g, '-')}`)}`);
        });
    });

    afterAll(async () => {
        await browser?.close();
        await server?.stop();
    });

    it('opens the preview to the side (Ctrl+K V) and draws restaurant.svcbp', async () => {
        await workbench.openFile('restaurant.svcbp');
        await workbench.focusEditor();
        await workbench.page.keyboard.press('Control+k');
        await workbench.page.keyboard.press('v');
        await step('cook').waitFor({ timeout: 60_000 });
        expect(await workbench.page.locator('.tabs-container .tab', { hasText: 'Preview restaurant.svcbp' }).count()).toBe(1);
        expect(await workbench.preview.locator('#stage svg [data-kind="step"]').count()).toBe(onDisk().match(/^\s*step /gm)!.length);
        await workbench.screenshot('preview-opened');
    });

    it('redraws as the user types a new step', async () => {
        const [line] = position(onDisk(), 'step pass "Check plates');
        await workbench.goTo(line, 1);
        await workbench.page.keyboard.press('End');
        await workbench.page.keyboard.press('Enter');
        await workbench.type('step wash "Wash up" in din');
        await workbench.page.keyboard.press('Escape'); // the suggest widget
        const typed = Date.now();
        await workbench.page.keyboard.type('e');
        await step('wash').waitFor();
        console.log(`keystroke to drawing (restaurant, with the harness's polling): ${Date.now() - typed} ms`);
        await workbench.screenshot('new-step-drawn');
        await workbench.save();
    });

    it('keeps drawing a broken reference\'s neighbours and shows the banner', async () => {
        await workbench.goTo(...position(onDisk(), 'cook -> pass', 2));
        await workbench.page.keyboard.press('Delete'); // co|ok → cok
        const banner = workbench.preview.locator('#banner', { hasText: '1 error — 1 element left out of the drawing' });
        await banner.waitFor();
        await workbench.screenshot('broken-reference-banner');
        await banner.click();
        await workbench.page.locator('.markers-panel .monaco-list-row', { hasText: "Unknown step 'cok'" }).waitFor();
        await workbench.focusEditor();
        await workbench.page.keyboard.press('Control+z');
        await banner.waitFor({ state: 'hidden' });
    });

    it('moves the editor selection to a step clicked in the preview', async () => {
        await step('serve').click();
        const [line] = position(onDisk(), 'step serve');
        await expect.poll(() => workbench.cursorStatus()).toMatch(new RegExp(`^Ln ${line}, Col \\d+ \\(\\d+ selected\\)$`));
        expect(await step('serve').getAttribute('class')).toContain('selected');
        await workbench.screenshot('clicked-step-selected-in-editor');
    });

    it('exports SVG from the preview toolbar through the save dialog', async () => {
        await workbench.preview.locator('#export-svg').click();
        // code-server's save dialog is a quick input holding the suggested path.
        const source = onDisk();
        const input = workbench.quickInput;
        await expect.poll(() => input.inputValue(), { timeout: 10_000 }).toBe(join(server.workspace, 'restaurant.svg'));
        await workbench.screenshot('export-save-dialog');
        await workbench.page.keyboard.press('Enter');
        const target = join(server.workspace, 'restaurant.svg');
        await expect.poll(() => existsSync(target), { timeout: 10_000 }).toBe(true);
        const svg = readFileSync(target, 'utf8');
        expect(svg).toMatch(/^<svg /);
        expect(svg).toContain('Wash up');
        // A standalone file: the light theme's colours written in, no CSS variables of the webview.
        expect(svg).toContain('.background{fill:#ffffff}');
        expect(svg).not.toContain('var(--svcbp');
        expect(onDisk()).toBe(source);
        await workbench.screenshot('exported');
    });

    it('stays on a locked file when another editor becomes active, and follows again when unlocked', async () => {
        await workbench.preview.locator('#lock').click();
        await workbench.page.locator('.tabs-container .tab', { hasText: '[Locked] Preview restaurant.svcbp' }).waitFor();
        await workbench.focusEditor(); // files open in the editor's group, beside the preview
        await workbench.openFile('grocery-canvas.svcbp');
        await workbench.page.waitForTimeout(1000);
        expect(await workbench.preview.locator('#file').textContent()).toBe('restaurant.svcbp');
        await workbench.screenshot('locked');
        await workbench.preview.locator('#lock').click();
        await workbench.focusEditor();
        await workbench.openFile('restaurant-actors.svcbp');
        await workbench.preview.locator('#file', { hasText: 'restaurant-actors.svcbp' }).waitFor();
    });

    it('comes back after a window reload', async () => {
        await workbench.page.reload();
        await workbench.ready();
        await workbench.preview.locator('#stage svg [data-kind="step"]').first().waitFor({ timeout: 60_000 });
        expect(await workbench.preview.locator('#file').textContent()).toBe('restaurant-actors.svcbp');
        await workbench.screenshot('restored-after-reload');
    });
});
