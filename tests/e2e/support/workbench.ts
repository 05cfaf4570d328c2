import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, FrameLocator, Locator, Page } from 'playwright-core';

/**
 * A user at the VS Code workbench: keyboard first, as a user who knows the shortcuts works.
 * Selectors are the ones recorded in ../shared/notes/TOOLCHAIN.md.
 */
export class Workbench {
    private shot = 0;

    constructor(readonly page: Page, readonly screenshots: string) {
        mkdirSync(screenshots, { recursive: true });
    }

    get editor(): Locator {
        return this.page.locator('.editor-instance .monaco-editor').first();
    }

    get quickInput(): Locator {
        return this.page.locator('.quick-input-widget input');
    }

    /** The svcbp preview's page: the webview's outer frame, then VS Code's active frame inside it. */
    get preview(): FrameLocator {
        return this.page.frameLocator('iframe.webview.ready[src*="extensionId=svcbp.svcbp"]').frameLocator('iframe#active-frame');
    }

    /** The preview's page as a Frame, to run code in it (timestamps for the latency benchmark). */
    async previewFrame(): Promise<Frame> {
        const outer = await this.page.locator('iframe.webview.ready[src*="extensionId=svcbp.svcbp"]').elementHandle();
        const inner = await (await outer!.contentFrame())!.locator('iframe#active-frame').elementHandle();
        return (await inner!.contentFrame())!;
    }

    /** The editor's cursor and selection as the status bar shows them ("Ln 12, Col 5 (20 selected)"). */
    async cursorStatus(): Promise<string> {
        return (await this.page.locator('.statusbar-item[id="status.editor.selection"]').innerText()).trim();
    }

    async ready(): Promise<void> {
        await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        // The explorer shows the folder once the workbench has restored.
        await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    }

    /**
     * Opens a file and waits until the language server answers in it: the "Open Preview" code lens
     * above its blueprint. The first start on a fresh machine is slow; the tests start after it.
     * Answers how long it took, in ms.
     */
    async languageServerReady(file: string, timeout = 150_000): Promise<number> {
        const start = Date.now();
        await this.openFile(file);
        await this.editor.locator('.codelens-decoration', { hasText: 'Open Preview' }).first().waitFor({ timeout });
        return Date.now() - start;
    }

    async screenshot(name: string): Promise<string> {
        const file = join(this.screenshots, `${String(++this.shot).padStart(2, '0')}-${name}.png`);
        await this.page.screenshot({ path: file });
        return file;
    }

    /** Quick Open (Ctrl+P): the file by name. */
    async openFile(name: string): Promise<void> {
        await this.page.keyboard.press('Control+p');
        await this.quickInput.fill(name);
        // The list first shows recently opened files: wait until the file asked for is the one picked.
        await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
        await this.page.keyboard.press('Enter');
        await this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).waitFor();
        await this.editor.locator('.view-lines').waitFor();
    }

    /** The command palette (F1): runs the first command that matches. */
    async command(title: string): Promise<void> {
        await this.page.keyboard.press('F1');
        await this.quickInput.fill(`>${title}`);
        const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        await row.waitFor();
        await this.page.keyboard.press('Enter');
        // The palette closes (a command may open a quick pick of its own).
        await row.waitFor({ state: 'hidden' });
    }

    /** Go to Line/Column (Ctrl+G), 1-based as the status bar shows them. */
    async goTo(line: number, column: number): Promise<void> {
        await this.editor.locator('.view-lines').click();
        await this.page.keyboard.press('Control+g');
        // The box opens with ':' (go to line); without it the text would be a file search.
        await this.quickInput.fill(`:${line}:${column}`);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }

    async type(text: string): Promise<void> {
        await this.page.keyboard.type(text, { delay: 15 });
    }

    /** Types `text` on a new line after line `line` (1-based), as a user adds a statement. */
    async typeLineAfter(line: number, text: string): Promise<void> {
        await this.goTo(line, 1);
        await this.page.keyboard.press('End');
        await this.page.keyboard.press('Enter');
        await this.type(text);
    }

    async save(): Promise<void> {
        await this.page.keyboard.press('Control+s');
        await this.page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
    }

    /** The labels of the open suggest widget, in order. */
    async suggestions(): Promise<string[]> {
        const labels = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row .label-name');
        await labels.first().waitFor();
        return labels.allTextContents();
    }

    /**
     * The problems in the Problems panel as text, without the rows that name the files. Waits for
     * the panel to show `expected` problems (it follows the markers a moment later); the answer
     * is what it shows then or after the wait.
     */
    async problems(expected = 0): Promise<string[]> {
        // Ctrl+Shift+M toggles the panel; the command only ever shows it.
        await this.command('Focus on Problems View');
        const rows = this.page.locator('.markers-panel .monaco-list-row:has(.marker-message-details-container)');
        await (expected > 0 ? rows.nth(expected - 1) : this.page.locator('.markers-panel-container', { hasText: 'No problems have been detected' }))
            .waitFor({ timeout: 10_000 })
            .catch(() => undefined);
        return rows.allTextContents();
    }

    /** Back to the editor after a panel took the focus. */
    async focusEditor(): Promise<void> {
        await this.editor.locator('.view-lines').click();
    }
}
