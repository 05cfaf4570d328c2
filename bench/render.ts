/**
 * The drawing's speed budgets (issue 4): layout + SVG for generated blueprints of 1,000 and 5,000
 * steps with as many arrows (the same generator as the language benchmark), and the growth
 * between them against n·log n.
 */
import { URI, type LangiumDocument } from 'langium';
import { createSvcbpCoreServices } from '../src/language/svcbp-module.js';
import type { SvcbpFile } from '../src/language/generated/ast.js';
import { buildModels } from '../src/model/build-model.js';
import type { BlueprintModel } from '../src/model/types.js';
import { renderSvg } from '../src/render/index.js';
import { MemoryFileSystem } from '../tests/support/memory-file-system.js';
import { generate } from './generate.js';

export interface RenderRow { steps: number; arrows: number; medianMs: number; minMs: number; svgKiB: number; budgetMs: number; ok: boolean }

export async function modelFor(steps: number): Promise<BlueprintModel> {
    return modelOfText(generate(steps));
}

/** The model of a blueprint text, built as the language server builds it. */
export async function modelOfText(text: string): Promise<BlueprintModel> {
    const fs = new MemoryFileSystem();
    const services = createSvcbpCoreServices({ fileSystemProvider: () => fs });
    const uri = fs.write('/bench/render.svcbp', text);
    const document = await services.shared.workspace.LangiumDocuments.getOrCreateDocument(URI.parse(uri.toString())) as LangiumDocument<SvcbpFile>;
    await services.shared.workspace.DocumentBuilder.build([document], { validation: false });
    return buildModels(document).blueprints[0];
}

const BUDGETS: Record<number, number> = { 1000: 100, 5000: 1000 };

export async function benchRender(collectGarbage: () => void): Promise<{ rows: RenderRow[]; growth: number; nLogNGrowth: number }> {
    const rows: RenderRow[] = [];
    for (const steps of [1000, 5000]) {
        const model = await modelFor(steps);
        renderSvg(model); // warm-up
        const times: number[] = [];
        let size = 0;
        for (let run = 0; run < 7; run++) {
            collectGarbage();
            const start = performance.now();
            size = renderSvg(model).length;
            times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)];
        rows.push({ steps, arrows: model.arrows.length, medianMs: round(median), minMs: round(times[0]), svgKiB: Math.round(size / 1024), budgetMs: BUDGETS[steps], ok: median < BUDGETS[steps] });
    }
    const growth = round(rows[1].medianMs / rows[0].medianMs);
    const nLogNGrowth = round((5000 * Math.log(5000)) / (1000 * Math.log(1000)));
    return { rows, growth, nLogNGrowth };
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
