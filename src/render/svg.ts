/**
 * Drawing geometry → SVG text. Every element carries the model id and source range in data-
 * attributes (the preview maps clicks to source with them) and a <title> for hover text; all
 * text from the file is escaped. Deterministic: the same layout gives byte-identical SVG.
 */
import type { SourceRange } from '../model/types.js';
import type { ArrowLayout, BlueprintLayout, CardLayout, TextBlock, TouchpointLayout } from './layout-types.js';
import { escapeXml } from './escape.js';
import { FONT_FAMILY, lineHeight } from './text.js';
import { PALETTES, cssVariable, type ColourRole, type ThemeName } from './theme.js';

export interface SvgOptions {
    theme?: ThemeName;
    /** Write the theme's colours in (standalone files) instead of CSS variables with them as fallbacks (preview). */
    embedColours?: boolean;
}

export function layoutToSvg(layout: BlueprintLayout, options: SvgOptions = {}): string {
    const theme = options.theme ?? 'light';
    const colour = (role: ColourRole) => options.embedColours ? PALETTES[theme][role] : `var(${cssVariable(role)}, ${PALETTES[theme][role]})`;
    const out: string[] = [];
    out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-labelledby="svcbp-title svcbp-desc" class="svcbp svcbp-${theme}" data-theme="${theme}">`);
    out.push(`<title id="svcbp-title">${escapeXml(layout.title.lines.join(' '))}</title>`);
    out.push(`<desc id="svcbp-desc">${escapeXml(layout.description)}</desc>`);
    out.push(`<style>${stylesheet(colour)}</style>`);
    out.push(defs(colour));
    out.push(`<rect class="background" x="0" y="0" width="${layout.width}" height="${layout.height}"/>`);
    out.push(text(layout.title, 'title'));
    if (layout.subtitle) out.push(text(layout.subtitle, 'subtitle'));

    out.push('<g class="lanes">');
    for (const lane of layout.lanes) {
        out.push(`<g class="lane lane-${lane.kind}" data-kind="lane" data-id="${escapeXml(lane.id)}" ${rangeAttr(lane.range)}>`);
        out.push(`<rect class="lane-band" x="${n(lane.box.x)}" y="${n(lane.box.y)}" width="${n(lane.box.width)}" height="${n(lane.box.height)}"/>`);
        out.push(text(lane.header, 'lane-title'), text(lane.subtitle, 'lane-kind'));
        out.push('</g>');
    }
    out.push('</g>');

    if (layout.sections.length) {
        out.push('<g class="sections">');
        for (const section of layout.sections) {
            const { box, label } = section;
            out.push(`<g class="section" data-kind="section"><rect class="section-band" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="4"/>`);
            out.push(`<text class="section-title" transform="rotate(-90 ${n(label.x)} ${n(label.y)})" x="${n(label.x)}" y="${n(label.y + 4)}" text-anchor="middle">${escapeXml(section.title)}</text></g>`);
        }
        out.push('</g>');
    }

    out.push('<g class="phases">');
    for (const phase of layout.phases) {
        out.push(`<g class="phase" data-kind="phase" data-id="${escapeXml(phase.id)}" ${rangeAttr(phase.range)}>`);
        out.push(`<rect class="phase-header" x="${n(phase.box.x + 2)}" y="${n(phase.box.y)}" width="${n(phase.box.width - 4)}" height="${n(phase.box.height - 6)}" rx="6"/>`);
        out.push(text(phase.header, 'phase-title'));
        if (phase.duration) out.push(text(phase.duration, 'phase-duration'));
        out.push('</g>');
    }
    out.push('</g>');

    if (layout.emotion) {
        const { box, levels, curve, points } = layout.emotion;
        out.push(`<g class="emotion" data-kind="emotion"><text class="row-title" x="${n(box.x + 12)}" y="${n(box.y + 16)}">Emotion</text>`);
        for (const level of levels) {
            out.push(`<line class="emotion-level" x1="${n(box.x + 120)}" x2="${n(box.x + box.width)}" y1="${n(level.y)}" y2="${n(level.y)}"/>`);
            out.push(`<text class="emotion-scale" x="${n(box.x + 112)}" y="${n(level.y + 4)}" text-anchor="end">${level.value > 0 ? '+' : ''}${level.value}</text>`);
        }
        if (curve.length > 1) out.push(`<polyline class="emotion-curve" points="${curve.map(p => `${n(p.x)},${n(p.y)}`).join(' ')}"/>`);
        for (const point of curve) out.push(`<circle class="emotion-phase" cx="${n(point.x)}" cy="${n(point.y)}" r="4"/>`);
        for (const point of points) {
            out.push(`<circle class="emotion-step" data-id="${escapeXml(point.id)}" cx="${n(point.x)}" cy="${n(point.y)}" r="3.5"><title>${escapeXml(`${point.id}: ${point.value}`)}</title></circle>`);
        }
        out.push('</g>');
    }

    out.push('<g class="lines">');
    for (const line of layout.lines) {
        out.push(`<g class="line line-${line.kind}" data-kind="line" data-id="${line.kind}" ${line.range ? rangeAttr(line.range) : ''}>`);
        out.push(`<line x1="${n(line.x1)}" x2="${n(line.x2)}" y1="${n(line.y)}" y2="${n(line.y)}"/>`);
        out.push(`<text class="line-label" x="${n(line.x1 + 12)}" y="${n(line.y - 4)}">${escapeXml(line.label)}</text></g>`);
    }
    out.push('</g>');

    out.push('<g class="cards">');
    for (const card of layout.cards) out.push(cardSvg(card));
    out.push('</g>');

    out.push('<g class="touchpoints">');
    for (const touchpoint of layout.touchpoints) out.push(touchpointSvg(touchpoint));
    out.push('</g>');

    out.push('<g class="arrows">');
    for (const arrow of layout.arrows) out.push(arrowSvg(arrow));
    out.push('</g>');

    if (layout.durations) {
        const { box, total, cells } = layout.durations;
        out.push(`<g class="durations" data-kind="durations"><rect class="duration-row" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>`);
        out.push(text(total, 'duration-total'), ...cells.map(cell => text(cell, 'duration-cell')), '</g>');
    }
    if (layout.legend && layout.legend.items.length) {
        out.push(`<g class="legend" data-kind="legend"><text class="row-title" x="${n(layout.legend.box.x)}" y="${n(layout.legend.box.y + 4)}">Legend</text>`);
        for (const item of layout.legend.items) out.push(legendItem(item));
        out.push('</g>');
    }
    if (layout.footnotes.length) {
        out.push('<g class="footnotes">');
        for (const note of layout.footnotes) out.push(text(note, 'footnote'));
        out.push('</g>');
    }
    out.push('</svg>');
    return out.join('\n');
}

function cardSvg(card: CardLayout): string {
    const classes = ['card', `card-${card.kind}`, card.hidden ? 'card-hidden' : '', card.decision ? 'card-decision' : ''].filter(Boolean).join(' ');
    const parts = [`<g class="${classes}" data-kind="step" data-id="${escapeXml(card.id)}" data-lane="${escapeXml(card.lane)}" ${rangeAttr(card.range)}>`];
    parts.push(`<title>${escapeXml(card.tooltip)}</title>`);
    if (card.kind === 'notes') {
        parts.push(`<rect class="note-box" x="${n(card.x)}" y="${n(card.y)}" width="${n(card.width)}" height="${n(card.height)}"/>`);
    } else if (card.kind === 'evidence') {
        const fold = 10;
        parts.push(`<path class="card-box evidence-box" d="M${n(card.x)},${n(card.y)} H${n(card.x + card.width - fold)} L${n(card.x + card.width)},${n(card.y + fold)} V${n(card.y + card.height)} H${n(card.x)} Z"/>`);
        parts.push(`<path class="evidence-fold" d="M${n(card.x + card.width - fold)},${n(card.y)} V${n(card.y + fold)} H${n(card.x + card.width)}"/>`);
    } else {
        parts.push(`<rect class="card-box" x="${n(card.x)}" y="${n(card.y)}" width="${n(card.width)}" height="${n(card.height)}" rx="6"/>`);
    }
    if (card.decision) {
        const cx = card.x + card.width - 12;
        const cy = card.y + 12;
        parts.push(`<path class="decision-mark" d="M${n(cx)},${n(cy - 6)} L${n(cx + 6)},${n(cy)} L${n(cx)},${n(cy + 6)} L${n(cx - 6)},${n(cy)} Z"><title>Decision</title></path>`);
    }
    parts.push(text(card.title, card.kind === 'notes' ? 'note-text' : 'card-title'));
    for (const marker of card.markers) {
        parts.push(`<g class="marker marker-${marker.kind}"><title>${escapeXml(marker.tooltip)}</title>`);
        if (marker.kind === 'fail' || marker.kind === 'wait') {
            const letter = marker.kind === 'fail' ? 'F' : 'W';
            parts.push(`<circle cx="${n(marker.x + 6)}" cy="${n(marker.y - 4)}" r="6.5"/><text class="marker-letter" x="${n(marker.x + 6)}" y="${n(marker.y - 0.5)}" text-anchor="middle">${letter}</text>`);
            const label = marker.kind === 'fail' ? marker.text.slice(1) : marker.text;
            parts.push(`<text class="marker-text" x="${n(marker.x + 15)}" y="${n(marker.y)}">${escapeXml(label)}</text>`);
        } else {
            const symbol = marker.kind === 'link' ? '↗ ' : 'by ';
            parts.push(`<text class="marker-text" x="${n(marker.x)}" y="${n(marker.y)}">${escapeXml(symbol + marker.text)}</text>`);
        }
        parts.push('</g>');
    }
    parts.push('</g>');
    return parts.join('');
}

function touchpointSvg(touchpoint: TouchpointLayout): string {
    const parts = [`<g class="touchpoint contact-${touchpoint.contactType ?? 'other'}" data-kind="touchpoint" data-id="${escapeXml(touchpoint.id)}" ${rangeAttr(touchpoint.range)}>`];
    parts.push(`<title>${escapeXml(touchpoint.tooltip)}</title>`);
    parts.push(`<circle class="touchpoint-circle" cx="${n(touchpoint.cx)}" cy="${n(touchpoint.cy)}" r="${touchpoint.r}"/>`);
    parts.push(contactGlyph(touchpoint.contactType, touchpoint.cx, touchpoint.cy));
    const box = touchpoint.labelBox;
    parts.push(`<rect class="touchpoint-label-box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3"/>`);
    parts.push(text(touchpoint.label, 'touchpoint-label'), '</g>');
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

function arrowSvg(arrow: ArrowLayout): string {
    const d = arrow.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${n(p.x)},${n(p.y)}`).join(' ');
    const start = arrow.kind === 'two-way' ? ' marker-start="url(#svcbp-head-start)"' : '';
    const end = arrow.kind === 'async' ? 'url(#svcbp-head-open)' : 'url(#svcbp-head)';
    const parts = [`<g class="arrow arrow-${arrow.kind}" data-kind="arrow" data-id="${escapeXml(arrow.id)}" data-from="${escapeXml(arrow.from)}" data-to="${escapeXml(arrow.to)}" ${rangeAttr(arrow.range)}>`];
    parts.push(`<path class="arrow-hit" d="${d}"/>`);
    parts.push(`<path class="arrow-line" d="${d}"${start} marker-end="${end}"/>`);
    if (arrow.label && arrow.labelBox) {
        const box = arrow.labelBox;
        parts.push(`<rect class="arrow-label-box" x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3"/>`);
        parts.push(text(arrow.label, 'arrow-label'));
    }
    parts.push('</g>');
    return parts.join('');
}

function legendItem(item: { kind: string; label: string; x: number; y: number }): string {
    const { x, y } = item;
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

function text(block: TextBlock, className: string): string {
    const anchor = block.anchor === 'middle' ? ' text-anchor="middle"' : '';
    const step = lineHeight(block.size);
    const spans = block.lines.map((line, i) => `<tspan x="${n(block.x)}" y="${n(block.y + i * step)}">${escapeXml(line)}</tspan>`).join('');
    return `<text class="${className}"${anchor}>${spans}</text>`;
}

function rangeAttr(range: SourceRange): string {
    return `data-range="${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}"`;
}

/** Numbers with at most one decimal, so the output is stable and small. */
function n(value: number): string {
    return String(Math.round(value * 10) / 10);
}
