import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { buildModels } from '../model/build-model.js';
import { renderCompareSvg, renderSvg } from '../render/index.js';
import { INTER_FILES, toHtml } from '../render/html.js';
import { PALETTES, THEME_NAMES, type ThemeName } from '../render/theme.js';
import { DRAWING_PARTS, type DrawingPart } from '../render/drawing-parts.js';
import { UsageError } from './errors.js';
import { needsWideFont, toPdf, type Orientation, type PageOption, type PdfFonts } from '../render/pdf.js';
import { PAPER } from '../render/paper.js';
import { fontsFolder, interDataUrls, interFonts, systemWideFont } from './fonts.js';
import { formatText, toCliDiagnostics } from './diagnostics.js';
import { pickBlueprint } from './pick-blueprint.js';
import { writeOutput } from './output.js';
import { collectFiles, loadWorkspace } from './workspace.js';

export interface RenderCliOptions {
    output?: string;
    theme?: string;
    blueprint?: string;
    /** Parts of the drawing to leave out, comma-separated: emotion, durations, pains, … */
    hide?: string;
    /** Two files: draw the second marked with what changed from the first. */
    compare?: boolean;
    /** PDF: `fit` (one page the size of the drawing) or a paper size to tile. */
    page?: string;
    orientation?: string;
}

const FORMATS = ['.svg', '.png', '.html', '.pdf'];

/** `svcbp render <file> [-o out.svg|out.png|out.html] [--theme] [--blueprint] [--hide parts]`; SVG to stdout without -o. */
export async function runRender(paths: string[], options: RenderCliOptions): Promise<number> {
    if (options.compare && paths.length !== 2) throw new UsageError('render --compare takes two files: svcbp render --compare <before.svcbp> <after.svcbp> -o out.svg');
    if (!options.compare && paths.length !== 1) throw new UsageError('render takes one file: svcbp render <file> -o out.svg|out.png|out.html');
    const theme = (options.theme ?? 'light') as ThemeName;
    if (!THEME_NAMES.includes(theme)) throw new UsageError(`Unknown theme '${options.theme}': use ${THEME_NAMES.join(', ')}.`);
    const format = options.output ? extname(options.output).toLowerCase() : '.svg';
    if (!FORMATS.includes(format)) throw new UsageError(`Cannot tell the format of '${options.output}': name it .svg, .png, .html or .pdf.`);
    const page = (options.page ?? 'fit') as PageOption;
    if (page !== 'fit' && !(page in PAPER)) throw new UsageError(`Unknown page '${options.page}': use fit, ${Object.keys(PAPER).join(', ')}.`);
    if (options.orientation !== undefined && options.orientation !== 'portrait' && options.orientation !== 'landscape') throw new UsageError(`Unknown orientation '${options.orientation}': use portrait or landscape.`);
    if ((options.page !== undefined || options.orientation !== undefined) && format !== '.pdf') throw new UsageError('--page and --orientation are for PDF: name the output .pdf.');
    const hidden = hiddenParts(options.hide);
    const files = paths.map(path => collectFiles([path])[0]);
    if (options.output && files.includes(resolve(options.output))) throw new UsageError('The output would overwrite a source file; choose another -o.');

    const { documents } = await loadWorkspace(files);
    const errors = documents.flatMap(document => toCliDiagnostics(document).filter(d => d.severity === 'error'));
    for (const error of errors) process.stderr.write(`${formatText(error)}\n`);
    // --blueprint id for every file, or before,after for a compare whose ids differ.
    const ids = options.blueprint?.split(',').map(id => id.trim() || undefined) ?? [];
    const models = documents.map((document, i) => {
        const result = buildModels(document);
        return pickBlueprint(result.blueprints, result.unbuilt.map(u => u.id), ids[i] ?? ids[0]);
    });
    if (models.some(model => !model)) return 1;
    const model = models[models.length - 1]!;

    const svg = options.compare
        ? renderCompareSvg(models[0]!, model, { theme, embedColours: true, ...hidden })
        : renderSvg(model, { theme, embedColours: true, ...hidden });
    let output: string | Buffer = svg;
    if (format === '.png') output = await toPng(svg);
    if (format === '.pdf') output = await toPdf(svg, model, { page, orientation: options.orientation as Orientation | undefined }, pdfFonts(svg));
    if (format === '.html') {
        const panZoomScript = readFileSync(require.resolve('svg-pan-zoom/dist/svg-pan-zoom.min.js'), 'utf8');
        output = toHtml(svg, { title: model.title, panZoomScript, background: PALETTES[theme].background, fonts: interDataUrls() });
    }
    writeOutput(options.output, output);
    return errors.length > 0 ? 1 : 0;
}

/** `--hide pains,metrics` as layout options that switch those parts off. */
function hiddenParts(hide: string | undefined): Partial<Record<DrawingPart, false>> {
    const names = (hide ?? '').split(',').map(name => name.trim()).filter(name => name !== '');
    const unknown = names.find(name => !(DRAWING_PARTS as readonly string[]).includes(name));
    if (unknown !== undefined) throw new UsageError(`Cannot hide '${unknown}': --hide takes ${DRAWING_PARTS.join(', ')}.`);
    return Object.fromEntries(names.map(name => [name, false]));
}

/** Inter, and a system font for Japanese, Chinese or Korean text when the drawing has some. */
function pdfFonts(svg: string): PdfFonts {
    if (!needsWideFont(svg)) return interFonts();
    const wide = systemWideFont(svg);
    if (!wide) process.stderr.write('svcbp: The blueprint has Japanese, Chinese or Korean text, which Inter lacks, and this machine has no font for it (fc-list :lang=ja finds none): that text is missing from the PDF. Install one (Debian: fonts-noto-cjk).\n');
    return { ...interFonts(), wide };
}

/** PNG at twice the size, set in the bundled Inter (system fonts fill in scripts Inter lacks). */
async function toPng(svg: string): Promise<Buffer> {
    const { Resvg } = await import('@resvg/resvg-js');
    const fonts = fontsFolder();
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: 2 },
        font: { fontFiles: [join(fonts, INTER_FILES.regular), join(fonts, INTER_FILES.semibold)], loadSystemFonts: true, defaultFontFamily: 'Inter' }
    });
    return resvg.render().asPng();
}
