import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import type { CodeServer } from './support/code-server.js';
import { endSession, startSession, type Session } from './support/session.js';
import type { Workbench } from './support/workbench.js';

/** 1-based line and column of the first `needle`, `at` characters into it. */
function position(text: string, needle: string, at = 0): [number, number] {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`not in the fixture: ${needle}`);
    const before = text.slice(0, offset + at).split('\n');
    return [before.length, before[before.length - 1].length + 1];
}

describe('the live preview in a real VS Code (code-server, the packaged .vsix)', () => {
    let session: Session;
    let server: CodeServer;
    let workbench: Workbench;
    const file = () => join(server.workspace, 'restaurant.svcbp');
    const onDisk = () => readFileSync(file(), 'utf8');
    const step = (id: string) => workbench.preview.locator(`#stage svg [data-kind="step"][data-id="${id}"]`);

    beforeAll(async () => {
        session = await startSession('preview', 'restaurant.svcbp', { width: 1600, height: 900 });
        ({ server, workbench } = session);
    });

    beforeEach(context => {
        onTestFailed(async () => {
            const shot = await workbench.screenshot(`FAILED-${context.task.name.split(':')[0].replace(/\W+/g, '-')}`);
            console.log(`failed at: ${shot}\n${server.logs(30)}`);
        });
    });

    afterAll(() => endSession(session));

    it('opens the preview to the side (Ctrl+K V) and draws restaurant.svcbp', async () => {
        await workbench.openFile('restaurant.svcbp');
        await workbench.focusEditor();
        await workbench.page.keyboard.press('Control+k');
        await workbench.page.keyboard.press('v');
        await step('cook').waitFor();
        expect(await workbench.page.locator('.tabs-container .tab', { hasText: 'Preview restaurant.svcbp' }).count()).toBe(1);
        expect(await workbench.preview.locator('#stage svg [data-kind="step"]').count()).toBe(onDisk().match(/^\s*step /gm)!.length);
        await workbench.screenshot('preview-opened');
    });

    it('redraws as the user types a new step', async () => {
        const [line] = position(onDisk(), 'step pass "Check plates');
        await workbench.typeLineAfter(line, 'step wash "Wash up" in din');
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
        const problem = workbench.page.locator('.markers-panel .monaco-list-row', { hasText: "Unknown step 'cok'" });
        await banner.click();
        await problem.waitFor();
        // A second click still shows the Problems panel (it must not toggle it away).
        await banner.click();
        await workbench.page.waitForTimeout(500);
        expect(await problem.isVisible()).toBe(true);
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
        // Whole: VS Code creates the file before it writes it.
        await expect.poll(() => existsSync(target) && readFileSync(target, 'utf8').trimEnd().endsWith('</svg>'), { timeout: 10_000 }).toBe(true);
        const svg = readFileSync(target, 'utf8');
        expect(svg).toMatch(/^<svg /);
        expect(svg).toContain('Wash up');
        // A standalone file: the light theme's colours written in, no CSS variables of the webview.
        expect(svg).toContain('.background{fill:#ffffff}');
        expect(svg).not.toContain('var(--svcbp');
        expect(onDisk()).toBe(source);
        await workbench.screenshot('exported');
    });

    it('exports a vector PDF from the preview toolbar, with Inter embedded and its text selectable', async () => {
        await workbench.preview.locator('#export-pdf').click();
        const target = join(server.workspace, 'restaurant.pdf');
        await expect.poll(() => workbench.quickInput.inputValue(), { timeout: 10_000 }).toBe(target);
        await workbench.page.keyboard.press('Enter');
        await expect.poll(() => existsSync(target) && readFileSync(target).subarray(-6).toString().includes('%%EOF'), { timeout: 20_000 }).toBe(true);
        const fonts = execFileSync('pdffonts', [target], { encoding: 'utf8' });
        expect(fonts).toMatch(/Inter-Regular\s+CID TrueType\s+Identity-H\s+yes/);
        expect(fonts).not.toMatch(/Helvetica/);
        expect(execFileSync('pdfinfo', [target], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
        expect(execFileSync('pdftotext', [target, '-'], { encoding: 'utf8' })).toContain('Wash up');
        await workbench.screenshot('exported-pdf');
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
        // As a user reloads: the workbench saves its state on the way out (a bare page reload may not).
        const reloaded = workbench.page.waitForEvent('load', { timeout: 60_000 });
        await workbench.command('Developer: Reload Window');
        await reloaded;
        await workbench.ready();
        await workbench.preview.locator('#stage svg [data-kind="step"]').first().waitFor({ timeout: 60_000 });
        expect(await workbench.preview.locator('#file').textContent()).toBe('restaurant-actors.svcbp');
        // The restored editors are built as the server starts: their imports still resolve.
        expect(await workbench.problems()).toEqual([]);
        await workbench.screenshot('restored-after-reload');
    });

    it('draws ```svcbp blocks in VS Code\'s Markdown preview, with the errors of a broken block', async () => {
        const fence = '```';
        writeFileSync(join(server.workspace, 'notes.md'), [
            '# Notes from the workshop', '',
            fence + 'svcbp',
            'import "common/platform"',
            'blueprint shop "Shop from the notes" {',
            '  phase browse "Browse"',
            '  phase pay "Pay"',
            '  lane guest "Guest" customer { step look "Look around" in browse { uses app } step card "Pay" in pay }',
            '  look -> card',
            '}',
            fence, '',
            'And one that is still being written:', '',
            fence + 'svcbp',
            'blueprint draft "Draft" {',
            '  phase p "P"',
            '  lane c "Guest" customer { step s "S" in q }',
            '}',
            fence, ''
        ].join('\n'));
        await workbench.openFile('notes.md');
        await workbench.command('Markdown: Open Preview to the Side');
        const markdown = workbench.page.frameLocator('iframe.webview.ready[src*="extensionId=vscode.markdown-language-features"]').frameLocator('iframe#active-frame');
        const image = markdown.locator('img.svcbp-blueprint[alt="Service blueprint: Shop from the notes"]');
        await image.waitFor({ timeout: 30_000 });
        // The drawing loaded (an SVG image of its own size), not a broken image.
        await expect.poll(() => image.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(300);
        expect(await markdown.locator('img.svcbp-blueprint[alt="Service blueprint: Draft"]').count()).toBe(1);
        expect(await markdown.locator('.svcbp-block-errors').innerText()).toContain("line 3: Unknown phase 'q'.");
        await workbench.screenshot('markdown-preview-blocks');
    });

    it('compares the to-be with the as-is (svcbp: Compare with…), marks the changes, and follows an edit of either side', async () => {
        await workbench.focusEditor();
        await workbench.openFile('restaurant-to-be.svcbp');
        await workbench.command('svcbp: Compare with…');
        // The quick pick: another file, then code-server's open dialog, a quick input holding a path.
        await workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Another .svcbp file…' }).waitFor();
        await workbench.page.keyboard.press('Enter');
        await expect.poll(() => workbench.quickInput.inputValue(), { timeout: 10_000 }).toContain(server.workspace);
        await workbench.quickInput.fill(join(server.workspace, 'restaurant.svcbp'));
        await workbench.page.keyboard.press('Enter');
        const marked = (change: string, id: string) => workbench.preview.locator(`#stage svg [data-change="${change}"][data-id="${id}"]`);
        await marked('removed', 'askBill').waitFor({ timeout: 30_000 });
        expect(await marked('added', 'qrCard').count()).toBe(1);
        expect(await workbench.preview.locator('#changes option').first().textContent()).toMatch(/^\d+ changes against restaurant\.svcbp$/);
        await workbench.screenshot('compare');
        // An edit of the after side: a new step, drawn as added.
        const text = readFileSync(join(server.workspace, 'restaurant-to-be.svcbp'), 'utf8');
        const [line] = position(text, 'step plate "Plated food"');
        await workbench.typeLineAfter(line, 'step napkin "Napkin" in dine');
        await workbench.page.keyboard.press('Escape');
        await marked('added', 'napkin').waitFor({ timeout: 30_000 });
        // An edit of the before side, in its editor (the preview locked on the to-be): the compare follows it.
        await workbench.preview.locator('#lock').click();
        await workbench.focusEditor();
        await workbench.openFile('restaurant.svcbp');
        const [bookLine] = position(onDisk(), 'step book "Book a table online"');
        await workbench.typeLineAfter(bookLine, 'step napkin "Napkin" in dine');
        await workbench.page.keyboard.press('Escape');
        // Now both sides have the napkin, in another lane: moved, no longer added; still a compare.
        await marked('changed', 'napkin').waitFor({ timeout: 30_000 });
        expect(await marked('removed', 'askBill').count()).toBe(1);
        await workbench.screenshot('compare-followed-edits');
        await workbench.preview.locator('#lock').click();
    });
});
