/**
 * PDF export: the drawing as vector PDF with Inter embedded and its text selectable (pdfkit with
 * svg-to-pdfkit). `fit` is one page the size of the drawing; a paper size tiles the drawing over
 * as many pages as it needs at its actual size, with overlapping edges, alignment marks and a
 * label on every page ("row 1, column 2 of 2 × 3"), after a cover page with the title, persona,
 * status, figures and a map of the pages: an office printer and tape make a wall poster.
 * No I/O: the fonts come in as bytes (the CLI reads them from assets/fonts, the extension from
 * out/webview/fonts), the PDF goes out as bytes.
 */
import { formatDuration } from '../model/format-duration.js';
import type { BlueprintModel } from '../model/types.js';
import { inlineDescendantRules } from './inline-styles.js';
import { hasWideScript, splitByScript } from './text.js';
import { PAPER } from './paper.js';

export type PageOption = 'fit' | keyof typeof PAPER;
export type Orientation = 'portrait' | 'landscape';

export interface PdfOptions {
    page: PageOption;
    /** For a paper size; by default the one that needs fewer pages. */
    orientation?: Orientation;
}

/** SVG pixels to PDF points (CSS pixels are 1/96 inch). */
const PT = 72 / 96;
/** The printer's margin, and how much each page repeats of its neighbours for taping. */
const MARGIN = 28;
const OVERLAP = 18;

interface Grid { columns: number; rows: number; orientation: Orientation; cell: { width: number; height: number } }

/** A paper's width and height in points, turned for the orientation. */
function paperSize(paper: keyof typeof PAPER, orientation: Orientation): readonly [number, number] {
    const [short, long] = PAPER[paper];
    return orientation === 'portrait' ? [short, long] : [long, short];
}

/** How a drawing of a size in points falls into pages of a paper: columns, rows and each page's printable cell. */
export function tiling(width: number, height: number, paper: keyof typeof PAPER, orientation?: Orientation): Grid {
    const grid = (o: Orientation): Grid => {
        const [w, h] = paperSize(paper, o);
        const cell = { width: w - 2 * MARGIN, height: h - 2 * MARGIN - 14 };
        const count = (total: number, size: number) => Math.max(1, Math.ceil((total - OVERLAP) / (size - OVERLAP)));
        return { columns: count(width, cell.width), rows: count(height, cell.height), orientation: o, cell };
    };
    if (orientation) return grid(orientation);
    const portrait = grid('portrait');
    const landscape = grid('landscape');
    return landscape.columns * landscape.rows < portrait.columns * portrait.rows ? landscape : portrait;
}

/**
 * Inter, the font the layout measures in, as the bytes of its two TrueType files; and for the
 * scripts Inter lacks (Japanese, Chinese, Korean) a font of the machine's, when it has one.
 */
export interface PdfFonts { regular: Uint8Array; semibold: Uint8Array; wide?: WideFont }

/** A font file's bytes, and for a collection the PostScript name of the face to use. */
export interface WideFont { bytes: Uint8Array; face?: string }

/** The family that marks a run of text for the wide-script font (never a real font's name). */
const WIDE_FAMILY = 'svcbp-wide-script';

/** Whether the drawing has text that Inter cannot set, so the PDF needs the wide-script font. */
export function needsWideFont(svg: string): boolean {
    return hasWideScript(svg.replace(/<title>[^<]*<\/title>/g, ''));
}

/**
 * svg-to-pdfkit sets a run of text in one font, with no fallback per glyph, and a fallback font
 * may lack Latin letters: each stretch of wide-script characters becomes a nested tspan in the
 * wide font, and the text around it stays in Inter (the tspans follow on, as SVG lays them out).
 */
function markWideRuns(svg: string): string {
    return svg.replace(/(<(?:tspan|text)(?:\s+[^\s=>]+="[^"]*")*>)([^<]+)/g, (whole, open: string, content: string) =>
        hasWideScript(content) ? open + splitByScript(content).map(part => (part.wide ? `<tspan style="font-family:${WIDE_FAMILY}">${part.text}</tspan>` : part.text)).join('') : whole);
}

type LatinFont = 'Inter' | 'Inter-SemiBold';

/**
 * Text that pdfkit sets itself (the cover page, the page labels): in Inter, and its wide-script
 * stretches in the wide font when there is one, as `continued` runs of one paragraph.
 */
function write(doc: PDFKit.PDFDocument, text: string, font: LatinFont, wide: boolean, options: PDFKit.Mixins.TextOptions = {}, at?: { x: number; y: number }): void {
    const parts = wide ? splitByScript(text) : [{ text, wide: false }];
    parts.forEach((part, i) => {
        const run = { ...options, continued: i < parts.length - 1 };
        doc.font(part.wide ? 'Wide' : font);
        if (i === 0 && at) doc.text(part.text, at.x, at.y, run);
        else doc.text(part.text, run);
    });
    doc.font(font);
}

export async function toPdf(svg: string, model: BlueprintModel, options: PdfOptions, fonts: PdfFonts): Promise<Buffer> {
    const { default: PDFDocument } = await import('pdfkit');
    const { default: SVGtoPDF } = await import('svg-to-pdfkit');
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    const width = Number(size?.[1] ?? 800) * PT;
    const height = Number(size?.[2] ?? 600) * PT;
    // Inter as the default font too: pdfkit would otherwise load Helvetica's metrics from its own folder.
    // (The types say a name; pdfkit takes the bytes as font() does.)
    const regular = Buffer.from(fonts.regular);
    const doc = new PDFDocument({ font: regular as unknown as string, autoFirstPage: false, info: { Title: model.title, Subject: model.description ?? 'Service blueprint', Creator: 'svcbp' } });
    doc.registerFont('Inter', regular);
    doc.registerFont('Inter-SemiBold', Buffer.from(fonts.semibold));
    if (fonts.wide) doc.registerFont('Wide', Buffer.from(fonts.wide.bytes), fonts.wide.face as string);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>(resolve => doc.on('end', () => resolve()));
    // Every text of the drawing in the bundled Inter (what the layout measured), semibold where the
    // stylesheet says 600 or 700; runs in scripts Inter lacks in the wide font, when there is one.
    const flat = fonts.wide ? markWideRuns(inlineDescendantRules(svg)) : inlineDescendantRules(svg);
    const draw = (x: number, y: number) => SVGtoPDF(doc, flat, x, y, {
        width, height, assumePt: false,
        fontCallback: (family: string, bold: boolean) => (family.includes(WIDE_FAMILY) ? 'Wide' : bold ? 'Inter-SemiBold' : 'Inter')
    });

    if (options.page === 'fit') {
        doc.addPage({ size: [width, height], margin: 0 });
        draw(0, 0);
    } else {
        const grid = tiling(width, height, options.page, options.orientation);
        const [w, h] = paperSize(options.page, grid.orientation);
        coverPage(doc, model, grid, [w, h], fonts.wide !== undefined);
        for (let row = 0; row < grid.rows; row++) {
            for (let column = 0; column < grid.columns; column++) {
                doc.addPage({ size: [w, h], margin: 0 });
                const x = column * (grid.cell.width - OVERLAP);
                const y = row * (grid.cell.height - OVERLAP);
                doc.save();
                doc.rect(MARGIN, MARGIN, grid.cell.width, grid.cell.height).clip();
                draw(MARGIN - x, MARGIN - y);
                doc.restore();
                alignmentMarks(doc, grid);
                doc.fontSize(8).fillColor('#59636e');
                write(doc, `${model.title} · row ${row + 1}, column ${column + 1} of ${grid.rows} × ${grid.columns} · overlap ${Math.round(OVERLAP / 72 * 25.4)} mm`,
                    'Inter', fonts.wide !== undefined, { width: grid.cell.width, lineBreak: false }, { x: MARGIN, y: h - MARGIN - 8 });
            }
        }
    }
    doc.end();
    await done;
    return Buffer.concat(chunks);
}

/** Corner marks of the printable area, to line up neighbouring pages. */
function alignmentMarks(doc: PDFKit.PDFDocument, grid: Grid): void {
    const { width, height } = grid.cell;
    doc.save().lineWidth(0.5).strokeColor('#59636e');
    for (const [x, y] of [[MARGIN, MARGIN], [MARGIN + width, MARGIN], [MARGIN, MARGIN + height], [MARGIN + width, MARGIN + height]]) {
        doc.moveTo(x - 8, y).lineTo(x + 8, y).moveTo(x, y - 8).lineTo(x, y + 8).stroke();
    }
    doc.restore();
}

function coverPage(doc: PDFKit.PDFDocument, model: BlueprintModel, grid: Grid, [w, h]: readonly number[], wide: boolean): void {
    doc.addPage({ size: [w, h], margin: MARGIN * 2 });
    doc.fontSize(24).fillColor('#1f2328');
    write(doc, model.title, 'Inter-SemiBold', wide);
    doc.moveDown(0.5).font('Inter').fontSize(11).fillColor('#59636e');
    if (model.persona) write(doc, `Persona: ${model.persona}`, 'Inter', wide);
    if (model.status) write(doc, `Status: ${model.status}`, 'Inter', wide);
    if (model.description) write(doc.moveDown(0.3), model.description, 'Inter', wide);
    const totals = model.totals;
    doc.moveDown(1).fillColor('#1f2328').fontSize(11);
    for (const line of [
        `Total duration: ${formatDuration(totals.durationSeconds)}${totals.durationComplete ? '' : '+'}`,
        `${model.phases.length} phases, ${model.lanes.length} lanes, ${totals.steps} steps, ${totals.touchpoints} touchpoints, ${totals.arrows} arrows`,
        `Fail points: ${totals.failPoints}; wait points: ${totals.waitPoints} (${formatDuration(totals.waitSeconds)} waiting)`,
        `Pain points: ${totals.painPoints}; opportunities: ${totals.opportunities}`
    ]) doc.text(line);
    doc.moveDown(1).font('Inter-SemiBold').text(`${grid.rows * grid.columns} pages to tape together: ${grid.rows} ${grid.rows === 1 ? 'row' : 'rows'} × ${grid.columns} ${grid.columns === 1 ? 'column' : 'columns'}`);
    doc.font('Inter').fontSize(9).fillColor('#59636e').text('Each page repeats the edge of its neighbours; line up the corner marks.');
    // The map of the pages, in reading order.
    const top = doc.y + 16;
    const cell = Math.min(60, (w - 4 * MARGIN) / grid.columns, (h - top - 2 * MARGIN) / grid.rows);
    for (let row = 0; row < grid.rows; row++) {
        for (let column = 0; column < grid.columns; column++) {
            const x = 2 * MARGIN + column * cell;
            const y = top + row * cell * 0.7;
            doc.lineWidth(0.75).strokeColor('#818b98').rect(x, y, cell - 4, cell * 0.7 - 4).stroke();
            doc.fillColor('#59636e').fontSize(7).text(`${row + 1}, ${column + 1}`, x + 3, y + 3, { lineBreak: false });
        }
    }
}
