/**
 * Our renderer against Mermaid drawing the exported flowchart of the same blueprint, in headless
 * Chromium (issue 4: ours should be at least 20× faster at 200 steps). Mermaid's time is measured
 * inside the page, warm, so the browser's start-up is not counted against it.
 */
import { join } from 'node:path';
import { launchChromium } from '../tests/support/browser.js';
import { toMermaidFlowchart } from '../src/render/mermaid.js';
import { renderSvg } from '../src/render/index.js';
import { modelFor } from './render.js';
import { median } from './stats.js';

export interface MermaidComparison { steps: number; arrows: number; oursMs: number; mermaidMs: number; ratio: number; budgetRatio: number; ok: boolean }

export async function compareWithMermaid(steps: number, collectGarbage: () => void): Promise<MermaidComparison> {
    const model = await modelFor(steps);
    const flowchart = toMermaidFlowchart(model);
    renderSvg(model);
    const ours: number[] = [];
    for (let run = 0; run < 9; run++) {
        collectGarbage();
        const start = performance.now();
        renderSvg(model);
        ours.push(performance.now() - start);
    }
    // The tests' launcher: Chromium gets a temporary home (it writes ~/.config/chromium and dconf's cache).
    const browser = await launchChromium();
    try {
        const page = await browser.newPage();
        await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
        await page.addScriptTag({ path: join(process.cwd(), 'node_modules/mermaid/dist/mermaid.min.js') });
        const times = await page.evaluate(async (text: string) => {
            const m = (globalThis as unknown as { mermaid: { initialize(o: object): void; render(id: string, text: string): Promise<{ svg: string }> } }).mermaid;
            m.initialize({ startOnLoad: false, maxTextSize: 10_000_000, maxEdges: 100_000 });
            const result: number[] = [];
            for (let run = 0; run < 4; run++) {
                const start = performance.now();
                const { svg } = await m.render(`diagram${run}`, text);
                if (!svg.includes('<svg')) throw new Error('Mermaid drew nothing');
                result.push(performance.now() - start);
            }
            return result.slice(1); // the first run warms Mermaid up
        }, flowchart);
        const oursMs = median(ours);
        const mermaidMs = median(times);
        const ratio = Math.round((mermaidMs / oursMs) * 10) / 10;
        return { steps, arrows: model.arrows.length, oursMs: Math.round(oursMs * 10) / 10, mermaidMs: Math.round(mermaidMs), ratio, budgetRatio: 20, ok: ratio >= 20 };
    } finally {
        await browser.close();
    }
}
