/** The SVG of each element of the drawing, in its own coordinates (see Local). */
import type { ArrowLayout, CardLayout, EmotionLayout, MarkerLayout, NoteLayout, TextBlock, TouchpointLayout } from '../layout-types.js';
import { escapeXml } from '../escape.js';
import { lineHeight } from '../text.js';
import { contactGlyph, markerGlyph, noteGlyph } from './glyphs.js';
import { n } from './numbers.js';

/** Subtracts an origin from coordinates, so an element's markup does not change when it only moves. */
export class Local {
    constructor(readonly x0: number, readonly y0: number) {}
    x(value: number): string { return n(value - this.x0); }
    y(value: number): string { return n(value - this.y0); }
}

export const ORIGIN = new Local(0, 0);

export function text(block: TextBlock, className: string, at: Local): string {
    const anchor = block.anchor === 'middle' ? ' text-anchor="middle"' : '';
    const step = lineHeight(block.size);
    const spans = block.lines.map((line, i) => `<tspan x="${at.x(block.x + (i === 0 ? block.indent ?? 0 : 0))}" y="${at.y(block.y + i * step)}">${escapeXml(line)}</tspan>`).join('');
    return `<text class="${className}"${anchor}>${spans}</text>`;
}

function markerSvg(marker: MarkerLayout, at: Local): string {
    // A fail point shows only its number: its own hover title says what fails. The other markers
    // show their text, and the card's title has it all.
    const title = marker.kind === 'fail' ? `<title>${escapeXml(marker.tooltip)}</title>` : '';
    return `<g class="marker marker-${marker.kind}">${title}`
        + markerGlyph(marker.kind, marker.x - at.x0, marker.y - at.y0) + text(marker.label, 'marker-text', at) + '</g>';
}

/** A post-it: its colour, a folded corner, the glyph and tag word, then the text. */
export function noteSvg(note: NoteLayout, at: Local): string {
    const { box, label } = note;
    const x = box.x - at.x0;
    const y = box.y - at.y0;
    const fold = 6;
    return `<g class="note note-${note.kind}">`
        + `<path class="note-paper" d="M${n(x)},${n(y)} H${n(x + box.width)} V${n(y + box.height - fold)} L${n(x + box.width - fold)},${n(y + box.height)} H${n(x)} Z"/>`
        + noteGlyph(note.kind, label.x - at.x0, label.y - at.y0)
        + `<text class="note-tag" x="${at.x(label.x + 14)}" y="${at.y(label.y)}">${escapeXml(note.tag)}</text>`
        + text(label, 'note-text', at) + '</g>';
}

export function cardSvg(card: CardLayout, at: Local): string {
    const classes = ['card', `card-${card.kind}`, card.hidden ? 'card-hidden' : '', card.decision ? 'card-decision' : ''].filter(Boolean).join(' ');
    const parts = [`<g class="${classes}" data-kind="step" data-id="${escapeXml(card.id)}" data-lane="${escapeXml(card.lane)}">`];
    parts.push(`<title>${escapeXml(card.tooltip)}</title>`);
    const width = n(card.width);
    const height = n(card.height);
    if (card.span) {
        const { span } = card;
        parts.push(`<rect class="span-bar" x="${at.x(span.x)}" y="${at.y(span.y)}" width="${n(span.width)}" height="${n(span.height)}" rx="${n(span.height / 2)}"/>`);
        parts.push(`<line class="span-end" x1="${at.x(span.x + span.width)}" x2="${at.x(span.x + span.width)}" y1="${at.y(span.y - 3)}" y2="${at.y(span.y + span.height + 3)}"/>`);
    }
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
        const cy = 14;
        parts.push(`<path class="decision-mark" d="M${n(cx)},${n(cy - 6)} L${n(cx + 6)},${n(cy)} L${n(cx)},${n(cy + 6)} L${n(cx - 6)},${n(cy)} Z"><title>Decision</title></path>`);
    }
    parts.push(text(card.title, card.kind === 'notes' ? 'note-lane-text' : 'card-title', at));
    for (const marker of card.markers) parts.push(markerSvg(marker, at));
    for (const note of card.notes) parts.push(noteSvg(note, at));
    parts.push('</g>');
    return parts.join('');
}

export function touchpointSvg(touchpoint: TouchpointLayout, at: Local): string {
    const parts = [`<g class="touchpoint contact-${touchpoint.contactType ?? 'other'}" data-kind="touchpoint" data-id="${escapeXml(touchpoint.id)}">`];
    parts.push(`<title>${escapeXml(touchpoint.tooltip)}</title>`);
    const box = touchpoint.labelBox;
    parts.push(`<rect class="touchpoint-label-box" x="${at.x(box.x)}" y="${at.y(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3"/>`);
    parts.push(`<circle class="touchpoint-circle" cx="0" cy="0" r="${touchpoint.r}"/>`);
    parts.push(contactGlyph(touchpoint.contactType, 0, 0));
    if (touchpoint.failed) {
        // The fail point's badge on the circle, as on a card's marker.
        const x = touchpoint.r * 0.72;
        const y = -touchpoint.r * 0.72;
        parts.push(`<g class="marker marker-fail touchpoint-fail"><circle cx="${n(x)}" cy="${n(y)}" r="6"/><text class="marker-letter" x="${n(x)}" y="${n(y + 3.3)}" text-anchor="middle">F</text></g>`);
    }
    parts.push(text(touchpoint.label, 'touchpoint-label', at));
    for (const marker of touchpoint.markers) parts.push(markerSvg(marker, at));
    for (const note of touchpoint.notes) parts.push(noteSvg(note, at));
    parts.push('</g>');
    return parts.join('');
}

export function arrowSvg(arrow: ArrowLayout, at: Local): string {
    const d = arrow.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${at.x(p.x)},${at.y(p.y)}`).join(' ');
    const parts = [`<g class="arrow arrow-${arrow.kind}" data-kind="arrow" data-id="${escapeXml(arrow.id)}" data-from="${escapeXml(arrow.from)}" data-to="${escapeXml(arrow.to)}">`];
    parts.push(`<path class="arrow-hit" d="${d}"/>`);
    parts.push(`<path class="arrow-line" d="${d}"${arrowHeads(arrow.kind)}/>`);
    if (arrow.label && arrow.labelBox) {
        const box = arrow.labelBox;
        parts.push(`<rect class="arrow-label-box" x="${at.x(box.x)}" y="${at.y(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3"/>`);
        parts.push(text(arrow.label, 'arrow-label', at));
    }
    parts.push('</g>');
    return parts.join('');
}

/** The marker attributes of an arrow's line: a head at the end, and one at the start of a two-way arrow. */
export function arrowHeads(kind: ArrowLayout['kind']): string {
    const start = kind === 'two-way' ? ' marker-start="url(#svcbp-head-start)"' : '';
    const end = kind === 'async' ? 'url(#svcbp-head-open)' : 'url(#svcbp-head)';
    return `${start} marker-end="${end}"`;
}

const valence = (value: number) => (value > 0.25 ? 'positive' : value < -0.25 ? 'negative' : 'neutral');

export function emotionSvg(emotion: EmotionLayout, at: Local): string {
    const { box, levels, curve, points } = emotion;
    const zero = levels.find(level => level.value === 0)!.y;
    const parts = [`<g class="emotion" data-kind="emotion"><text class="row-title" x="12" y="18">Emotion</text>`];
    // Above the zero line the customer is pleased, below it not: tinted bands say so at a glance.
    parts.push(`<rect class="emotion-band-positive" x="120" y="${at.y(levels[0].y)}" width="${n(box.width - 120)}" height="${n(zero - levels[0].y)}"/>`);
    parts.push(`<rect class="emotion-band-negative" x="120" y="${at.y(zero)}" width="${n(box.width - 120)}" height="${n(levels[levels.length - 1].y - zero)}"/>`);
    for (const level of levels) {
        parts.push(`<line class="emotion-level${level.value === 0 ? ' emotion-zero' : ''}" x1="120" x2="${n(box.width)}" y1="${at.y(level.y)}" y2="${at.y(level.y)}"/>`);
        parts.push(`<text class="emotion-scale" x="112" y="${at.y(level.y + 4)}" text-anchor="end">${level.value > 0 ? '+' : ''}${level.value}</text>`);
    }
    if (emotion.before && emotion.before.length > 1) parts.push(`<polyline class="emotion-curve emotion-before" data-change="before" points="${emotion.before.map(p => `${at.x(p.x)},${at.y(p.y)}`).join(' ')}"/>`);
    if (curve.length > 1) parts.push(`<polyline class="emotion-curve" points="${curve.map(p => `${at.x(p.x)},${at.y(p.y)}`).join(' ')}"/>`);
    for (const point of curve) parts.push(`<circle class="emotion-phase emotion-${valence(point.value)}" cx="${at.x(point.x)}" cy="${at.y(point.y)}" r="5"/>`);
    for (const point of points) {
        parts.push(`<circle class="emotion-step emotion-${valence(point.value)}" data-id="${escapeXml(point.id)}" cx="${at.x(point.x)}" cy="${at.y(point.y)}" r="3.5"><title>${escapeXml(`${point.id}: ${point.value}`)}</title></circle>`);
    }
    parts.push('</g>');
    return parts.join('');
}
