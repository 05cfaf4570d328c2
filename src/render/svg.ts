/**
 * Drawing geometry → SVG text. Every element carries the model id and source range in data-
 * attributes (the preview maps clicks to source with them) and a <title> for hover text; all
 * text from the file is escaped. Deterministic: the same layout gives byte-identical SVG.
 * Each element is an item drawn in its own coordinates (see SvgItem), so the preview can patch
 * a drawing instead of replacing it.
 */
import type { SourceRange } from '../model/types.js';
import type { ArrowLayout, BlueprintLayout, CardLayout, EmotionLayout, TextBlock, TouchpointLayout } from './layout-types.js';
import { escapeXml } from './escape.js';
import { FONT_FAMILY, lineHeight } from './text.js';
import { PALETTES, cssVariable, type ColourRole, type ThemeName } from './theme.js';

export interface SvgOptions {
    theme?: ThemeName;
    /** Write the theme's colours in (standalone files) instead of CSS variables with them as fallbacks (preview). */
    embedColours?: boolean;
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

/** Subtracts an origin from coordinates, so an element's markup does not change when it only moves. */
class Local {
    constructor(readonly x0: number, readonly y0: number) {}
    x(value: number): string { return n(value - this.x0); }
    y(value: number): string { return n(value - this.y0); }
}

const ORIGIN = new Local(0, 0);

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
            + text(phase.header, 'phase-title', at) + (phase.duration ? text(phase.duration, 'phase-duration', at) : '') + '</g>', phase.range);
    }

    if (layout.emotion) {
        const at = new Local(layout.emotion.box.x, layout.emotion.box.y);
        add('emotion', at, emotionSvg(layout.emotion, at));
    }

    for (const line of layout.lines) {
        const at = new Local(line.x1, line.y);
        add(`line:${line.kind}`, at, `<g class="line line-${line.kind}" data-kind="line" data-id="${line.kind}">`
            + `<line x1="0" x2="${n(line.x2 - line.x1)}" y1="0" y2="0"/>`
            + `<text class="line-label" x="12" y="-4">${escapeXml(line.label)}</text></g>`, line.range);
    }

    for (const card of layout.cards) {
        const at = new Local(card.x, card.y);
        add(`step:${card.id}`, at, cardSvg(card, at), card.range);
    }
    for (const touchpoint of layout.touchpoints) {
        const at = new Local(touchpoint.cx, touchpoint.cy);
        add(`touchpoint:${touchpoint.id}`, at, touchpointSvg(touchpoint, at), touchpoint.range);
    }
    for (const arrow of layout.arrows) {
        const at = new Local(arrow.points[0]?.x ?? 0, arrow.points[0]?.y ?? 0);
        add(`arrow:${arrow.id}`, at, arrowSvg(arrow, at), arrow.range);
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
    return { width: layout.width, height: layout.height, theme, head: `<style>${stylesheet(colour)}</style>\n${defs(colour)}`, items };
}

function emotionSvg(emotion: EmotionLayout, at: Local): string {
    const { box, levels, curve, points } = emotion;
    const parts = [`<g class="emotion" data-kind="emotion"><text class="row-title" x="12" y="16">Emotion</text>`];
    for (const level of levels) {
        parts.push(`<line class="emotion-level" x1="120" x2="${n(box.width)}" y1="${at.y(level.y)}" y2="${at.y(level.y)}"/>`);
        parts.push(`<text class="emotion-scale" x="112" y="${at.y(level.y + 4)}" text-anchor="end">${level.value > 0 ? '+' : ''}${level.value}</text>`);
    }
    if (curve.length > 1) parts.push(`<polyline class="emotion-curve" points="${curve.map(p => `${at.x(p.x)},${at.y(p.y)}`).join(' ')}"/>`);
    for (const point of curve) parts.push(`<circle class="emotion-phase" cx="${at.x(point.x)}" cy="${at.y(point.y)}" r="4"/>`);
    for (const point of points) {
        parts.push(`<circle class="emotion-step" data-id="${escapeXml(point.id)}" cx="${at.x(point.x)}" cy="${at.y(point.y)}" r="3.5"><title>${escapeXml(`${point.id}: ${point.value}`)}</title></circle>`);
    }
    parts.push('</g>');
    return parts.join('');
}

function cardSvg(card: CardLayout, at: Local): string {
    const classes = ['card', `card-${card.kind}`, card.hidden ? 'card-hidden' : '', card.decision ? 'card-decision' : ''].filter(Boolean).join(' ');
    const parts = [`<g class="${classes}" data-kind="step" data-id="${escapeXml(card.id)}" data-lane="${escapeXml(card.lane)}">`];
    parts.push(`<title>${escapeXml(card.tooltip)}</title>`);
    const width = n(card.width);
    const height = n(card.height);
    if (card.kind === 'notes') {
        parts.push(`<rect class="note-box" x="0" y="0" width="${width}" height="${height}"/>`);
    } else if (card.kind === 'evidence') {
        const fold = 10;
        parts.push(`<path class="card-box evidence-box" d="M0,0 H${n(card.width - fold)} L${width},${fold} V${height} H0 Z"/>`);
        parts.push(`<path class="evidence-fold" d="M${n(card.width - fold)},0 V${fold} H${width}"/>`);
    } else {
        parts.push(`<rect class="card-box" x="0" y="0" width="${width}" height="${height}" rx="6"/>`);
    }
    if (card.decision) {
        const cx = card.width - 12;
        const cy = 12;
        parts.push(`<path class="decision-mark" d="M${n(cx)},${n(cy - 6)} L${n(cx + 6)},${n(cy)} L${n(cx)},${n(cy + 6)} L${n(cx - 6)},${n(cy)} Z"><title>Decision</title></path>`);
    }
    parts.push(text(card.title, card.kind === 'notes' ? 'note-text' : 'card-title', at));
    for (const marker of card.markers) {
        parts.push(`<g class="marker marker-${marker.kind}"><title>${escapeXml(marker.tooltip)}</title>`);
        const x = marker.x - at.x0;
        const y = marker.y - at.y0;
        if (marker.kind === 'fail' || marker.kind === 'wait') {
            const letter = marker.kind === 'fail' ? 'F' : 'W';
            parts.push(`<circle cx="${n(x + 6)}" cy="${n(y - 4)}" r="6.5"/><text class="marker-letter" x="${n(x + 6)}" y="${n(y - 0.5)}" text-anchor="middle">${letter}</text>`);
            const label = marker.kind === 'fail' ? marker.text.slice(1) : marker.text;
            parts.push(`<text class="marker-text" x="${n(x + 15)}" y="${n(y)}">${escapeXml(label)}</text>`);
        } else {
            const symbol = marker.kind === 'link' ? '↗ ' : 'by ';
            parts.push(`<text class="marker-text" x="${n(x)}" y="${n(y)}">${escapeXml(symbol + marker.text)}</text>`);
        }
        parts.push('</g>');
    }
    parts.push('</g>');
    return parts.join('');
}

function touchpointSvg(touchpoint: TouchpointLayout, at: Local): string {
    const parts = [`<g class="touchpoint contact-${touchpoint.contactType ?? 'other'}" data-kind="touchpoint" data-id="${escapeXml(touchpoint.id)}">`];
    parts.push(`<title>${escapeXml(touchpoint.tooltip)}</title>`);
    parts.push(`<circle class="touchpoint-circle" cx="0" cy="0" r="${touchpoint.r}"/>`);
    parts.push(contactGlyph(touchpoint.contactType, 0, 0));
    const box = touchpoint.labelBox;
    parts.push(`<rect class="touchpoint-label-box" x="${at.x(box.x)}" y="${at.y(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3"/>`);
    parts.push(text(touchpoint.label, 'touchpoint-label', at), '</g>');
    return parts.join('');
}

/** A 12-pixel glyph per contact type, drawn with paths so it needs no icon font. */
function contactGlyph(type: string | undefined, cx: number, cy: number): string {
    const d = (path: string) => `<path class="glyph" transform="translate(${n(cx - 6)},${n(cy - 6)})" d="${path}"/>`;
    switch (type) {
        case 'face-to-face': return d('M6,1.5 a2.5,2.5 0 1,0 0.01,0 Z M1.5,11 C1.5,7.5 10.5,7.5 10.5,11');
        case 'voice': return d('M3,1 L5,1 L6,4 L4.5,5 C5,7 6,8 7.5,8.5 L8.5,7 L11,8 L11,10.5 C11,11 10.5,11.5 10,11.5 C5,11 1,7 0.5,2 C0.5,1.5 1,1 1.5,1 Z');
        case 'digital': return d('M1,1.5 H11 V8.5 H1 Z M4,11 H8 M6,8.5 V11');
        case 'self-service': return d('M2.5,0.5 H9.5 V7.5 H2.5 Z M4,3 H8 M6,7.5 V11.5 M3.5,11.5 H8.5');
        case 'physical': return d('M0.5,2.5 H11.5 V9.5 H0.5 Z M0.5,2.5 L6,6.5 L11.5,2.5');
        default: return `<circle class="glyph-dot" cx="${n(cx)}" cy="${n(cy)}" r="2.5"/>`;
    }
}

function arrowSvg(arrow: ArrowLayout, at: Local): string {
    const d = arrow.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${at.x(p.x)},${at.y(p.y)}`).join(' ');
    const start = arrow.kind === 'two-way' ? ' marker-start="url(#svcbp-head-start)"' : '';
    const end = arrow.kind === 'async' ? 'url(#svcbp-head-open)' : 'url(#svcbp-head)';
    const parts = [`<g class="arrow arrow-${arrow.kind}" data-kind="arrow" data-id="${escapeXml(arrow.id)}" data-from="${escapeXml(arrow.from)}" data-to="${escapeXml(arrow.to)}">`];
    parts.push(`<path class="arrow-hit" d="${d}"/>`);
    parts.push(`<path class="arrow-line" d="${d}"${start} marker-end="${end}"/>`);
    if (arrow.label && arrow.labelBox) {
        const box = arrow.labelBox;
        parts.push(`<rect class="arrow-label-box" x="${at.x(box.x)}" y="${at.y(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3"/>`);
        parts.push(text(arrow.label, 'arrow-label', at));
    }
    parts.push('</g>');
    return parts.join('');
}

function legendItem(item: { kind: string; label: string; x: number; y: number }, at: Local): string {
    const x = item.x - at.x0;
    const y = item.y - at.y0;
    let sample = '';
    if (item.kind.startsWith('arrow-')) {
        const kind = item.kind.slice(6);
        const start = kind === 'two-way' ? ' marker-start="url(#svcbp-head-start)"' : '';
        const end = kind === 'async' ? 'url(#svcbp-head-open)' : 'url(#svcbp-head)';
        sample = `<g class="arrow arrow-${kind}"><path class="arrow-line" d="M${n(x)},${n(y - 4)} H${n(x + 34)}"${start} marker-end="${end}"/></g>`;
    } else if (item.kind.startsWith('contact-')) {
        const type = item.kind.slice(8);
        sample = `<g class="touchpoint"><circle class="touchpoint-circle" cx="${n(x + 17)}" cy="${n(y - 4)}" r="9"/>${contactGlyph(type === 'other' ? undefined : type, x + 17, y - 4)}</g>`;
    } else if (item.kind === 'marker-fail' || item.kind === 'marker-wait') {
        const kind = item.kind.slice(7);
        sample = `<g class="marker marker-${kind}"><circle cx="${n(x + 17)}" cy="${n(y - 4)}" r="6.5"/><text class="marker-letter" x="${n(x + 17)}" y="${n(y - 0.5)}" text-anchor="middle">${kind === 'fail' ? 'F' : 'W'}</text></g>`;
    } else if (item.kind === 'marker-decision') {
        sample = `<path class="decision-mark" d="M${n(x + 17)},${n(y - 10)} L${n(x + 23)},${n(y - 4)} L${n(x + 17)},${n(y + 2)} L${n(x + 11)},${n(y - 4)} Z"/>`;
    } else if (item.kind === 'marker-hidden') {
        sample = `<g class="card card-hidden"><rect class="card-box" x="${n(x + 4)}" y="${n(y - 12)}" width="26" height="16" rx="3"/></g>`;
    } else if (item.kind === 'marker-link') {
        sample = `<text class="marker-text" x="${n(x + 12)}" y="${n(y)}">↗</text>`;
    }
    return `<g class="legend-item" data-kind="${escapeXml(item.kind)}">${sample}<text class="legend-label" x="${n(x + 44)}" y="${n(y)}">${escapeXml(item.label)}</text></g>`;
}

function defs(colour: (role: ColourRole) => string): string {
    return `<defs>`
        + `<marker id="svcbp-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 Z" fill="${colour('arrow')}"/></marker>`
        + `<marker id="svcbp-head-start" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,1 L10,5 L0,9 Z" fill="${colour('arrow')}"/></marker>`
        + `<marker id="svcbp-head-open" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M1,1 L9,5 L1,9" fill="none" stroke="${colour('arrow')}" stroke-width="1.5"/></marker>`
        + `</defs>`;
}

function stylesheet(c: (role: ColourRole) => string): string {
    return [
        `.svcbp{font-family:${FONT_FAMILY}}`,
        `.background{fill:${c('background')}}`,
        `text{fill:${c('text')}}`,
        `.title{font-size:20px;font-weight:600}`,
        `.subtitle{font-size:12px;fill:${c('muted')}}`,
        `.lane-band{stroke:${c('grid')};stroke-width:0.5}`,
        `.lane-evidence .lane-band{fill:${c('laneEvidence')}}`, `.lane-customer .lane-band{fill:${c('laneCustomer')}}`,
        `.lane-frontstage .lane-band{fill:${c('laneFrontstage')}}`, `.lane-backstage .lane-band{fill:${c('laneBackstage')}}`,
        `.lane-support .lane-band{fill:${c('laneSupport')}}`, `.lane-actor .lane-band{fill:${c('laneActor')}}`, `.lane-notes .lane-band{fill:${c('laneNotes')}}`,
        `.lane-title{font-size:13px;font-weight:600}`,
        `.lane-kind{font-size:11px;fill:${c('muted')}}`,
        `.section-band{fill:${c('section')};stroke:${c('grid')}}`,
        `.section-title{font-size:12px;font-weight:600}`,
        `.phase-header{fill:${c('header')};stroke:${c('grid')}}`,
        `.phase-title{font-size:13px;font-weight:600}`,
        `.phase-duration{font-size:11px;fill:${c('muted')}}`,
        `.row-title{font-size:12px;font-weight:600;fill:${c('muted')}}`,
        `.emotion-level{stroke:${c('grid')};stroke-width:0.5}`,
        `.emotion-scale{font-size:10px;fill:${c('muted')}}`,
        `.emotion-curve{fill:none;stroke:${c('emotion')};stroke-width:2}`,
        `.emotion-phase{fill:${c('emotion')}}`,
        `.emotion-step{fill:${c('background')};stroke:${c('emotion')};stroke-width:1.5}`,
        `.line line{stroke-width:2}`,
        `.line-interaction line{stroke:${c('lineInteraction')}}`,
        `.line-visibility line{stroke:${c('lineVisibility')};stroke-dasharray:8 5}`,
        `.line-internal line{stroke:${c('lineInternal')};stroke-dasharray:2 4;stroke-linecap:round}`,
        `.line-operation line,.line-implementation line,.line-custom line{stroke:${c('lineOther')};stroke-dasharray:12 4 2 4}`,
        `.line-label{font-size:10px;font-weight:600;fill:${c('muted')}}`,
        `.card-box{fill:${c('cardFill')};stroke:${c('cardStroke')};stroke-width:1}`,
        `.evidence-box{fill:${c('evidenceFill')}}`,
        `.evidence-fold{fill:none;stroke:${c('cardStroke')}}`,
        `.card-hidden .card-box{stroke-dasharray:5 3}`,
        `.note-box{fill:none;stroke:none}`,
        `.card-title{font-size:13px}`,
        `.note-text{font-size:12px;font-style:italic;fill:${c('noteText')}}`,
        `.decision-mark{fill:${c('decision')}}`,
        `.marker-fail circle{fill:${c('fail')}}`, `.marker-wait circle{fill:${c('wait')}}`,
        `.marker-letter{font-size:9px;font-weight:700;fill:${c('background')}}`,
        `.marker-text{font-size:11px;fill:${c('muted')}}`,
        `.touchpoint-circle{fill:${c('touchpointFill')};stroke:${c('touchpointStroke')};stroke-width:2}`,
        `.glyph{fill:none;stroke:${c('touchpointStroke')};stroke-width:1.3;stroke-linejoin:round;stroke-linecap:round}`,
        `.glyph-dot{fill:${c('touchpointStroke')}}`,
        `.touchpoint-label-box{fill:${c('background')};opacity:0.85}`,
        `.touchpoint-label{font-size:11px}`,
        `.arrow-line{fill:none;stroke:${c('arrow')};stroke-width:1.4}`,
        `.arrow-hit{fill:none;stroke:transparent;stroke-width:8}`,
        `.arrow-async .arrow-line{stroke-dasharray:2 3}`,
        `.arrow-enables .arrow-line{stroke-dasharray:6 4}`,
        `.arrow-label-box{fill:${c('labelFill')};stroke:${c('grid')};stroke-width:0.5}`,
        `.arrow-label{font-size:11px;fill:${c('muted')}}`,
        `.duration-row{fill:${c('header')};stroke:${c('grid')}}`,
        `.duration-total{font-size:12px;font-weight:600}`,
        `.duration-cell{font-size:12px}`,
        `.legend-label{font-size:12px}`,
        `.footnote{font-size:11px;fill:${c('muted')}}`
    ].join('');
}

function text(block: TextBlock, className: string, at: Local): string {
    const anchor = block.anchor === 'middle' ? ' text-anchor="middle"' : '';
    const step = lineHeight(block.size);
    const spans = block.lines.map((line, i) => `<tspan x="${at.x(block.x)}" y="${at.y(block.y + i * step)}">${escapeXml(line)}</tspan>`).join('');
    return `<text class="${className}"${anchor}>${spans}</text>`;
}

function rangeText(range: SourceRange): string {
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Numbers with at most one decimal, so the output is stable and small. */
function n(value: number): string {
    return String(Math.round(value * 10) / 10);
}
