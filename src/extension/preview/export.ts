import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { BlueprintModel } from '../../model/types.js';
import { MODEL_REQUEST, type ExportFormat, type ModelRequestParams, type ModelRequestResult, type PreviewSettings } from '../../protocol.js';
import { renderSvg } from '../../render/index.js';
import { fontDataUrls, INTER_FILES, toHtml } from '../../render/html.js';
import { toMarkdown } from '../../render/markdown.js';
import { PALETTES } from '../../render/theme.js';

const EXTENSIONS: Record<ExportFormat, { extension: string; filter: string }> = {
    svg: { extension: 'svg', filter: 'SVG image' },
    png: { extension: 'png', filter: 'PNG image' },
    pdf: { extension: 'pdf', filter: 'PDF document' },
    html: { extension: 'html', filter: 'HTML page' },
    markdown: { extension: 'md', filter: 'Markdown' }
};

/** The blueprint model of the current (possibly unsaved) text, from the language server. */
export async function currentModel(client: LanguageClient, uri: string, blueprint?: string): Promise<BlueprintModel | undefined> {
    const result = await client.sendRequest<ModelRequestResult>(MODEL_REQUEST, { uri } satisfies ModelRequestParams);
    const model = result && (blueprint ? result.blueprints.find(b => b.id === blueprint) : result.blueprints[0]);
    if (!model) {
        const unbuilt = result?.unbuilt.find(u => !blueprint || u.id === blueprint);
        void vscode.window.showErrorMessage(unbuilt ? `Blueprint '${unbuilt.id}' has a syntax error: ${unbuilt.reason}` : 'There is no blueprint to export in this file.');
    }
    return model ?? undefined;
}

/** A standalone SVG: the light theme's colours written in. */
export function standaloneSvg(model: BlueprintModel, settings: PreviewSettings): string {
    return renderSvg(model, { theme: 'light', embedColours: true, ...settings });
}

/**
 * Asks where to save, then writes the export. Never writes over the source file. `png` is the
 * webview's rasterisation (a data: URL) for PNG.
 */
export async function exportToFile(
    context: vscode.ExtensionContext, source: vscode.Uri, model: BlueprintModel, format: ExportFormat, settings: PreviewSettings, png?: string
): Promise<vscode.Uri | undefined> {
    const { extension, filter } = EXTENSIONS[format];
    const stem = path.posix.basename(source.path).replace(/\.svcbp$/, '');
    const suggested = vscode.Uri.joinPath(source, '..', `${stem === model.id ? stem : `${stem}-${model.id}`}.${extension}`);
    const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [filter]: [extension] }, saveLabel: 'Export', title: `Export '${model.title}'` });
    if (!target) return undefined;
    if (target.toString() === source.toString()) {
        void vscode.window.showErrorMessage('The export would overwrite the blueprint source; choose another file.');
        return undefined;
    }
    await vscode.workspace.fs.writeFile(target, await exportBytes(context, model, format, settings, png));
    void vscode.window.showInformationMessage(`Exported '${model.title}' to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
}

/** The Inter the preview ships (out/webview/fonts), the font the drawing is measured in. */
async function interFonts(context: vscode.ExtensionContext): Promise<{ regular: Uint8Array; semibold: Uint8Array }> {
    const fonts = vscode.Uri.joinPath(context.extensionUri, 'out', 'webview', 'fonts');
    const [regular, semibold] = await Promise.all([INTER_FILES.regular, INTER_FILES.semibold].map(file => vscode.workspace.fs.readFile(vscode.Uri.joinPath(fonts, file))));
    return { regular: regular!, semibold: semibold! };
}

async function exportBytes(context: vscode.ExtensionContext, model: BlueprintModel, format: ExportFormat, settings: PreviewSettings, png?: string): Promise<Uint8Array> {
    switch (format) {
        case 'svg':
            return Buffer.from(standaloneSvg(model, settings));
        case 'html': {
            const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'out', 'webview', 'svg-pan-zoom.min.js'));
            const fonts = fontDataUrls(await interFonts(context));
            return Buffer.from(toHtml(standaloneSvg(model, settings), { title: model.title, panZoomScript: Buffer.from(script).toString('utf8'), background: PALETTES.light.background, fonts }));
        }
        case 'markdown':
            return Buffer.from(toMarkdown(model));
        case 'pdf': {
            // One page the size of the drawing (the CLI's --page tiles it over paper).
            // pdfkit and its font engine are a megabyte: out/pdf.cjs, loaded at the first PDF, not at activation.
            const { toPdf, needsWideFont } = require(path.join(__dirname, 'pdf.cjs')) as typeof import('../../render/pdf.js');
            const svg = standaloneSvg(model, settings);
            // The CLI finds a system font for these scripts through fontconfig; the editor does not yet.
            if (needsWideFont(svg)) void vscode.window.showWarningMessage('The PDF leaves out the Japanese, Chinese or Korean text (Inter has none of it): export PNG, or run svcbp render -o file.pdf, which uses a font of the machine.');
            return toPdf(svg, model, { page: 'fit' }, await interFonts(context));
        }
        case 'png': {
            const match = png && /^data:image\/png;base64,(.+)$/.exec(png);
            if (!match) throw new Error('The preview did not send a PNG.');
            return Buffer.from(match[1], 'base64');
        }
    }
}
