/// <reference lib="dom" />
// Callbacks below run in the browser (page.evaluate).
/**
 * `npm run bench:preview`: keystroke → new drawing in the preview, in a real VS Code (code-server
 * with the packaged .vsix, headless Chromium). For each file it types a new step, all but the
 * last character, lets everything settle, then times the last keystroke (the one that completes
 * the step's phase, so the step appears) until the preview has painted the step: the clock
 * starts in this process before the key is sent and stops in the webview at the next animation
 * frame after the drawing changed (both read the same system clock).
 * Budgets: under 200 ms for the normative examples, under 400 ms for a 1,000-step blueprint.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { launchChromium } from '../tests/support/browser.js';
import { CodeServer, ROOT } from '../tests/e2e/support/code-server.js';
import { Workbench } from '../tests/e2e/support/workbench.js';
import { generate } from './generate.js';

const EDITS = 12;
const FILES = [
    { file: 'restaurant.svcbp', budget: 200 },
    { file: 'restaurant-actors.svcbp', budget: 200 },
    { file: 'grocery-canvas.svcbp', budget: 200 },
    { file: 'generated-1000.svcbp', budget: 400 }
];

const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

it('measures keystroke → drawing in the preview', async () => {
    const fixture = mkdtempSync(join(tmpdir(), 'svcbp-bench-preview-'));
    cpSync(join(ROOT, 'examples'), fixture, { recursive: true });
    writeFileSync(join(fixture, 'generated-1000.svcbp'), generate(1000));
    const server = await CodeServer.start(join(ROOT, 'out/svcbp.vsix'), fixture);
    const browser = await launchChromium();
    const results: Array<{ file: string; budget: number; medianMs: number; maxMs: number; modelArrivesMedianMs: number; samplesMs: number[] }> = [];
    try {
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        const workbench = new Workbench(page, join(ROOT, 'out/e2e-screenshots/bench-preview'));
        await page.goto(server.url);
        await workbench.ready();
        let previewOpen = false;
        // SVCBP_BENCH_FILES=a.svcbp,b.svcbp measures only those.
        const only = process.env.SVCBP_BENCH_FILES?.split(',');
        for (const { file, budget } of FILES.filter(f => !only || only.includes(f.file))) {
            await workbench.openFile(file);
            if (!previewOpen) {
                await workbench.focusEditor();
                await page.keyboard.press('Control+k');
                await page.keyboard.press('v');
                previewOpen = true;
            }
            // The preview follows the active editor.
            await workbench.preview.locator('#file', { hasText: file }).waitFor({ timeout: 60_000 });
            await workbench.preview.locator('#stage svg [data-kind="step"]').first().waitFor({ timeout: 60_000 });
            const frame = await workbench.previewFrame();
            const source = readFileSync(join(server.workspace, file), 'utf8');
            // A one-line step (a block on the same line is fine): the new step goes on the line after it.
            const anchor = /^([ \t]+)step \w+ "[^"]*" in (\w+)(?: \{[^\n{}]*\})?$/m.exec(source);
            if (!anchor) throw new Error(`${file}: no one-line step to add a step after`);
            const anchorLine = source.slice(0, anchor.index).split('\n').length;
            const phase = anchor[2];
            const samples: number[] = [];
            const toModel: number[] = [];
            for (let edit = 0; edit < EDITS; edit++) {
                const id = `bench${edit}`;
                await workbench.goTo(anchorLine, 1);
                await page.keyboard.press('End');
                await page.keyboard.press('Enter');
                await page.keyboard.type(`step ${id} "Bench ${edit}" in ${phase.slice(0, -1)}`, { delay: 5 });
                await page.keyboard.press('Escape');
                await page.waitForTimeout(file.startsWith("generated") ? 2000 : 800); // builds and redraws of the half-typed line settle: the keystroke starts from idle
                await frame.evaluate(stepId => {
                    const marks = window as unknown as { __drawnAt: number; __modelAt: number };
                    marks.__drawnAt = 0;
                    marks.__modelAt = 0;
                    const stage = document.getElementById('stage')!;
                    const observer = new MutationObserver(() => {
                        if (!stage.querySelector(`[data-kind="step"][data-id="${stepId}"]`)) return;
                        observer.disconnect();
                        // The page marks each model's arrival: this drawing's model is the last one. It
                        // splits the latency into server + transport, and the webview's drawing.
                        const arrived = performance.getEntriesByName('svcbp:model').at(-1);
                        marks.__modelAt = arrived ? performance.timeOrigin + arrived.startTime : 0;
                        requestAnimationFrame(() => { marks.__drawnAt = Date.now(); });
                    });
                    observer.observe(stage, { childList: true, subtree: true });
                }, id);
                const pressedAt = Date.now();
                await page.keyboard.press(phase.slice(-1));
                await frame.waitForFunction(() => (window as unknown as { __drawnAt: number }).__drawnAt > 0, undefined, { timeout: 15_000 });
                const { drawnAt, modelAt } = await frame.evaluate(() => {
                    const marks = window as unknown as { __drawnAt: number; __modelAt: number };
                    return { drawnAt: marks.__drawnAt, modelAt: marks.__modelAt };
                });
                samples.push(drawnAt - pressedAt);
                toModel.push(Math.round(modelAt - pressedAt));
            }
            await workbench.screenshot(file.replace('.svcbp', ''));
            results.push({ file, budget, medianMs: median(samples), maxMs: Math.max(...samples), modelArrivesMedianMs: median(toModel), samplesMs: samples });
            console.log(`${file}: ${samples.join(', ')} ms (the model arrived after ${toModel.join(', ')} ms)`);
        }
    } catch (error) {
        const page = browser.contexts()[0]?.pages()[0];
        if (page) await page.screenshot({ path: join(ROOT, 'out/e2e-screenshots/bench-preview/FAILED.png') });
        throw error;
    } finally {
        await browser.close();
        await server.stop();
        rmSync(fixture, { recursive: true, force: true });
    }
    console.log('\nkeystroke → drawing in the preview (code-server, headless Chromium)');
    console.log('file                      median    max   budget   (model in the webview after, median)');
    for (const r of results) {
        console.log(`${r.file.padEnd(24)} ${r.medianMs.toFixed(0).padStart(6)} ms ${r.maxMs.toFixed(0).padStart(5)} ms ${String(r.budget).padStart(5)} ms  ${(r.medianMs < r.budget ? 'ok' : 'OVER').padEnd(5)} ${r.modelArrivesMedianMs.toFixed(0).padStart(6)} ms`);
    }
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results/preview.json'), `${JSON.stringify({ date: new Date().toISOString(), edits: EDITS, results }, null, 2)}\n`);
}, 600_000);
