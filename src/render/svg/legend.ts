/** The legend's samples: each drawn as the mark it explains. */
import type { LegendItem, MarkerKind, NoteKind } from '../layout-types.js';
import { escapeXml } from '../escape.js';
import { arrowHeads, type Local } from './elements.js';
import { contactGlyph, markerGlyph, noteGlyph } from './glyphs.js';
import { n } from './numbers.js';

export function legendItem(item: LegendItem, at: Local): string {
    const x = item.x - at.x0;
    const y = item.y - at.y0;
    return `<g class="legend-item" data-kind="${escapeXml(item.kind)}">${sample(item.kind, x, y)}<text class="legend-label" x="${n(x + 44)}" y="${n(y)}">${escapeXml(item.label)}</text></g>`;
}

function sample(kind: string, x: number, y: number): string {
    const [group, rest] = [kind.slice(0, kind.indexOf('-')), kind.slice(kind.indexOf('-') + 1)];
    switch (group) {
        case 'arrow':
            return `<g class="arrow arrow-${rest}"><path class="arrow-line" d="M${n(x + 2)},${n(y - 4)} H${n(x + 34)}"${arrowHeads(rest as never)}/></g>`;
        case 'contact':
            return `<g class="touchpoint"><circle class="touchpoint-circle" cx="${n(x + 17)}" cy="${n(y - 4)}" r="9"/>${contactGlyph(rest === 'other' ? undefined : rest, x + 17, y - 4)}</g>`;
        case 'note':
            return `<g class="note note-${rest}"><rect class="note-paper" x="${n(x + 4)}" y="${n(y - 13)}" width="28" height="18"/>${noteGlyph(rest as NoteKind, x + 12, y)}</g>`;
        case 'emotion':
            if (rest === 'before') return `<g class="emotion"><line class="emotion-curve emotion-before" x1="${n(x + 2)}" x2="${n(x + 32)}" y1="${n(y - 4)}" y2="${n(y - 4)}"/></g>`;
            return rest === 'phase'
                ? `<g class="emotion"><line class="emotion-curve" x1="${n(x + 2)}" x2="${n(x + 32)}" y1="${n(y - 4)}" y2="${n(y - 4)}"/><circle class="emotion-phase emotion-neutral" cx="${n(x + 17)}" cy="${n(y - 4)}" r="5"/></g>`
                : `<g class="emotion"><circle class="emotion-step emotion-neutral" cx="${n(x + 17)}" cy="${n(y - 4)}" r="3.5"/></g>`;
        case 'change':
            return `<g class="card change-${rest}"><rect class="card-box" x="${n(x + 2)}" y="${n(y - 12)}" width="30" height="16" rx="3"/></g>`;
        case 'span':
            return `<g class="card"><rect class="card-box" x="${n(x + 2)}" y="${n(y - 12)}" width="12" height="14" rx="2"/><rect class="span-bar" x="${n(x + 16)}" y="${n(y - 11)}" width="16" height="5" rx="2.5"/></g>`;
        case 'card':
            return `<g class="card card-evidence"><path class="card-box evidence-box" d="M${n(x + 4)},${n(y - 13)} H${n(x + 24)} L${n(x + 30)},${n(y - 7)} V${n(y + 4)} H${n(x + 4)} Z"/></g>`;
        case 'marker':
            if (rest === 'decision') return `<path class="decision-mark" d="M${n(x + 17)},${n(y - 10)} L${n(x + 23)},${n(y - 4)} L${n(x + 17)},${n(y + 2)} L${n(x + 11)},${n(y - 4)} Z"/>`;
            if (rest === 'hidden') return `<g class="card card-hidden"><rect class="card-box" x="${n(x + 4)}" y="${n(y - 12)}" width="26" height="16" rx="3"/></g>`;
            return `<g class="marker marker-${rest}">${markerGlyph(rest as MarkerKind, x + 11, y)}</g>`;
        default:
            return '';
    }
}
