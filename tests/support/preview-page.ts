import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { FromWebview, ToWebview } from '../../src/protocol.js';
import { previewHtml } from '../../src/extension/preview/preview-html.js';

const WEBVIEW = join(import.meta.dirname, '../../out/webview');

/**
 * The preview page exactly as the extension builds it (same HTML, CSP and bundle), in headless
 * Chromium, with a stand-in for VS Code's `acquireVsCodeApi` that records what the page posts.
 */
export class PreviewPage {
    private constructor(readonly page: Page, readonly cspViolations: string[]) {}

    static async open(browser: Browser, bodyClass = 'vscode-light'): Promise<PreviewPage> {
        const dir = mkdtempSync(join(tmpdir(), 'svcbp-preview-'));
        const file = (name: string) => pathToFileURL(join(WEBVIEW, name)).toString();
        const html = previewHtml({ cspSource: 'file:', nonce: 'bm9uY2UtZm9yLXRlc3Rz', scriptUri: file('preview.js'), styleUri: file('preview.css'), mermaidUri: file('mermaid.min.js') })
            .replace('<body ', `<body class="${bodyClass}" `);
        writeFileSync(join(dir, 'preview.html'), html);
        const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
        const violations: string[] = [];
        page.on('console', message => { if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text()); });
        await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
        await page.addInitScript(() => {
            const posted: unknown[] = [];
            let state: unknown;
            Object.assign(window, {
                __posted: posted,
                acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message), getState: () => state, setState: (next: unknown) => { state = next; } })
            });
            document.addEventListener('securitypolicyviolation', event => {
                (window as unknown as { __cspViolation(text: string): void }).__cspViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber} ${event.sample}`);
            });
        });
        await page.goto(pathToFileURL(join(dir, 'preview.html')).toString());
        const preview = new PreviewPage(page, violations);
        await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));
        return preview;
    }

    /** A message from the extension. */
    async send(message: ToWebview): Promise<void> {
        // The model's bytes cross into the page as text and become bytes again there, as VS Code delivers them.
        if (message.type === 'model') {
            const text = new TextDecoder().decode(message.result);
            await this.page.evaluate(({ m, text }) => window.postMessage({ ...m, result: new TextEncoder().encode(text) }, '*'), { m: { ...message, result: undefined }, text });
        } else {
            await this.page.evaluate(m => window.postMessage(m, '*'), message);
        }
    }

    /** What the page has posted to the extension, oldest first. */
    async posted(): Promise<FromWebview[]> {
        return this.page.evaluate(() => (window as unknown as { __posted: FromWebview[] }).__posted);
    }

    async lastPosted(type: FromWebview['type']): Promise<FromWebview | undefined> {
        return (await this.posted()).filter(m => m.type === type).at(-1);
    }

    element(kind: string, id: string) {
        return this.page.locator(`#stage svg [data-kind="${kind}"][data-id="${id}"]`);
    }
}
