/**
 * Drawing geometry → SVG text. Every element carries the model id and source range in data-
 * attributes (the preview maps clicks to source with them) and a <title> for hover text; all
 * text from the file is escaped. Deterministic: the same layout gives byte-identical SVG.
 * Each element is an item drawn in its own coordinates (see SvgItem), so the preview can patch
 * a drawing instead of replacing it.
 */
import type { SourceRange } from '../model/types.js';
import type { BlueprintLayout } from './layout-types.js';
import { escapeXml } from './escape.js';
import { PALETTES, cssVariable, type ColourRole, type ThemeName } from './theme.js';
import { arrowSvg, cardSvg, emotionSvg, Local, noteSvg, ORIGIN, text, touchpointSvg } from './svg/elements.js';
import { changeStyles, markChange } from './svg/changes.js';
import type { CompareMark } from '../model/compare.js';
import { legendItem } from './svg/legend.js';
import { n } from './svg/numbers.js';
import { defs, stylesheet } from './svg/style.js';

export interface SvgOptions {
    theme?: ThemeName;
    /** Write the theme's colours in (standalone files) instead of CSS variables with them as fallbacks (preview). */
    embedColours?: boolean;
    /** A compare drawing's marks, by item key (`step:id`, …; see model/compare.ts). */
    changes?: ReadonlyMap<string, CompareMark>;
}

/**
 * One element of the drawing, drawn in its own coordinates and placed by a translation. The
 * preview patches its drawing item by item: after a keystroke most items only move or change
 * their source range, and keeping those out of `markup` lets it keep their DOM nodes.
 */
export interface SvgItem {
    /** Kind and id: the same element across redraws. */
    key: string;
    /** Where the item's origin sits in the drawing. */
    x: number;
    y: number;
    /** The source range (`line:character-line:character`, 0-based), written as `data-range`. */
    range?: string;
    /** One element, at the origin, without its translation and range. */
    markup: string;
}

/** The drawing as its parts: the root's size and theme, the stylesheet and markers, the items in paint order. */
export interface SvgDocument {
    width: number;
    height: number;
    theme: ThemeName;
    /** `<style>` and `<defs>`: the same for every drawing in a theme. */
    head: string;
    items: SvgItem[];
}

export function layoutToSvg(layout: BlueprintLayout, options: SvgOptions = {}): string {
    return svgText(layoutToSvgDocument(layout, options));
}

/** The whole drawing as one SVG file; its title and description come first, as readers of SVG expect. */
export function svgText(document: SvgDocument): string {
    const named = (item: SvgItem) => item.key === TITLE_KEY || item.key === DESCRIPTION_KEY;
    const first = document.items.filter(named);
    const rest = document.items.filter(item => !named(item));
    return [svgOpenTag(document), ...first.map(itemMarkup), document.head, ...rest.map(itemMarkup), '</svg>'].join('\n');
}

const TITLE_KEY = 'title-text';
const DESCRIPTION_KEY = 'description';

export function svgOpenTag({ width, height, theme }: Pick<SvgDocument, 'width' | 'height' | 'theme'>): string {
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="svcbp-title svcbp-desc" class="svcbp svcbp-${theme}" data-theme="${theme}">`;
}

/** An item's element with its range and translation written into its start tag. */
export function itemMarkup(item: SvgItem): string {
    // Attribute values are escaped, so the first '>' ends the start tag ('/>' when it is empty).
    const close = item.markup.indexOf('>');
    const endOfTag = item.markup[close - 1] === '/' ? close - 1 : close;
    return item.markup.slice(0, endOfTag) + itemAttributes(item) + item.markup.slice(endOfTag);
}

function itemAttributes(item: SvgItem): string {
    const range = item.range === undefined ? '' : ` data-range="${item.range}"`;
    const transform = transformOf(item);
    return range + (transform === undefined ? '' : ` transform="${transform}"`);
}

/** An item's `transform` attribute: none at (0, 0). */
export function transformOf(item: Pick<SvgItem, 'x' | 'y'>): string | undefined {
    return item.x === 0 && item.y === 0 ? undefined : `translate(${n(item.x)},${n(item.y)})`;
}

export function layoutToSvgDocument(layout: BlueprintLayout, options: SvgOptions = {}): SvgDocument {
    const theme = options.theme ?? 'light';
    const colour = (role: ColourRole) => options.embedColours ? PALETTES[theme][role] : `var(${cssVariable(role)}, ${PALETTES[theme][role]})`;
    const items: SvgItem[] = [];
    const add = (key: string, at: Local, markup: string, range?: SourceRange) =>
        items.push({ key, x: at.x0, y: at.y0, range: range && rangeText(range), markup });

    add(TITLE_KEY, ORIGIN, `<title id="svcbp-title">${escapeXml(layout.title.lines.join(' '))}</title>`);
    add(DESCRIPTION_KEY, ORIGIN, `<desc id="svcbp-desc">${escapeXml(layout.description)}</desc>`);
    add('background', ORIGIN, `<rect class="background" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`);
    add('title', ORIGIN, text(layout.title, 'title', ORIGIN));
    if (layout.subtitle) add('subtitle', ORIGIN, text(layout.subtitle, 'subtitle', ORIGIN));

    for (const lane of layout.lanes) {
        const at = new Local(lane.box.x, lane.box.y);
        add(`lane:${lane.id}`, at, `<g class="lane lane-${lane.kind}" data-kind="lane" data-id="${escapeXml(lane.id)}">`
            + `<rect class="lane-band" x="0" y="0" width="${n(lane.box.width)}" height="${n(lane.box.height)}"/>`
            + text(lane.header, 'lane-title', at) + text(lane.subtitle, 'lane-kind', at) + '</g>', lane.range);
    }

    layout.sections.forEach((section, index) => {
        const { box, label } = section;
        const at = new Local(box.x, box.y);
        add(`section:${index}`, at, `<g class="section" data-kind="section"><rect class="section-band" x="0" y="0" width="${n(box.width)}" height="${n(box.height)}" rx="4"/>`
            + `<text class="section-title" transform="rotate(-90 ${at.x(label.x)} ${at.y(label.y)})" x="${at.x(label.x)}" y="${at.y(label.y + 4)}" text-anchor="middle">${escapeXml(section.title)}</text></g>`);
    });

    for (const phase of layout.phases) {
        const at = new Local(phase.box.x, phase.box.y);
        add(`phase:${phase.id}`, at, `<g class="phase" data-kind="phase" data-id="${escapeXml(phase.id)}">`
            + `<rect class="phase-header" x="2" y="0" width="${n(phase.box.width - 4)}" height="${n(phase.box.height - 6)}" rx="6"/>`
            + text(phase.header, 'phase-title', at) + (phase.duration ? text(phase.duration, 'phase-duration', at) : '')
            + phase.notes.map(note => noteSvg(note, at)).join('') + '</g>', phase.range);
    }

    if (layout.emotion) {
        const at = new Local(layout.emotion.box.x, layout.emotion.box.y);
        add('emotion', at, emotionSvg(layout.emotion, at));
    }

    for (const line of layout.lines) {
        const at = new Local(line.x1, line.y);
        add(`line:${line.kind}`, at, `<g class="line line-${line.kind}" data-kind="line" data-id="${line.kind}">`
            + `<line x1="0" x2="${n(line.x2 - line.x1)}" y1="0" y2="0"/>`
            + text(line.label, 'line-label', at) + '</g>', line.range);
    }
    if (layout.touchpointHeader) add('touchpoint-row', ORIGIN, text(layout.touchpointHeader, 'touchpoint-row-title', ORIGIN));

    const marked = (key: string, markup: string, tag?: { x: number; y: number }) => {
        const mark = options.changes?.get(key);
        return mark ? markChange(markup, mark, tag) : markup;
    };
    for (const card of layout.cards) {
        const at = new Local(card.x, card.y);
        add(`step:${card.id}`, at, marked(`step:${card.id}`, cardSvg(card, at), { x: card.width, y: -3 }), card.range);
    }
    for (const touchpoint of layout.touchpoints) {
        const at = new Local(touchpoint.cx, touchpoint.cy);
        add(`touchpoint:${touchpoint.id}`, at, marked(`touchpoint:${touchpoint.id}`, touchpointSvg(touchpoint, at), { x: -touchpoint.r - 3, y: -touchpoint.r + 2 }), touchpoint.range);
    }
    for (const arrow of layout.arrows) {
        const at = new Local(arrow.points[0]?.x ?? 0, arrow.points[0]?.y ?? 0);
        add(`arrow:${arrow.id}`, at, marked(`arrow:${arrow.id}`, arrowSvg(arrow, at)), arrow.range);
    }

    if (layout.durations) {
        const { box, total, cells } = layout.durations;
        const at = new Local(box.x, box.y);
        add('durations', at, `<g class="durations" data-kind="durations"><rect class="duration-row" x="0" y="0" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>`
            + text(total, 'duration-total', at) + cells.map(cell => text(cell, 'duration-cell', at)).join('') + '</g>');
    }
    if (layout.legend && layout.legend.items.length) {
        const at = new Local(layout.legend.box.x, layout.legend.box.y);
        add('legend', at, `<g class="legend" data-kind="legend"><text class="row-title" x="0" y="4">Legend</text>`
            + layout.legend.items.map(item => legendItem(item, at)).join('') + '</g>');
    }
    if (layout.footnotes.length) {
        const at = new Local(0, layout.footnotes[0].y);
        add('footnotes', at, `<g class="footnotes">${layout.footnotes.map(note => text(note, 'footnote', at)).join('')}</g>`);
    }
    const styles = stylesheet(colour) + (options.changes ? changeStyles(colour) : '');
    return { width: layout.width, height: layout.height, theme, head: `<style>${styles}</style>\n${defs(colour)}`, items };
}

function rangeText(range: SourceRange): string {
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
