import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser.js';
import { CodeServer, ROOT } from './code-server.js';
import { Workbench } from './workbench.js';

/** A user's session: code-server with the packaged .vsix on a fresh copy of the examples, in Chromium. */
export interface Session {
    server: CodeServer;
    browser: Browser;
    workbench: Workbench;
}

/**
 * Starts the session and waits until the language server answers in `firstFile`, so every test
 * measures a feature, not the first start. When the server never answers, the logs say why.
 */
export async function startSession(name: string, firstFile: string, viewport: { width: number; height: number }): Promise<Session> {
    const vsix = join(ROOT, 'out/svcbp.vsix');
    if (!existsSync(vsix)) throw new Error(`${vsix} is missing: npm run test:e2e packages it first`);
    const server = await CodeServer.start(vsix, join(ROOT, 'examples'));
    const browser = await launchChromium();
    const screenshots = join(ROOT, 'out/e2e-screenshots', name);
    const workbench = new Workbench(await browser.newPage({ viewport }), screenshots);
    console.log(`e2e screenshots: ${screenshots}`);
    try {
        await workbench.page.goto(server.url);
        await workbench.ready();
        console.log(`language server answered in ${firstFile} after ${await workbench.languageServerReady(firstFile)} ms`);
    } catch (error) {
        console.log(`start failed, screen at ${await workbench.screenshot('FAILED-start').catch(() => '(none)')}\n${server.logs()}`);
        await endSession({ server, browser, workbench });
        throw error;
    }
    return { server, browser, workbench };
}

export async function endSession(session: Partial<Session> | undefined): Promise<void> {
    await session?.browser?.close();
    await session?.server?.stop();
}
