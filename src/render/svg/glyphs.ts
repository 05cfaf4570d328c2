/**
 * Small icons drawn with paths in a 12-pixel box, so they need no icon font and come out the
 * same in every browser and in the PNG export.
 */
import type { ContactType } from '../../model/types.js';
import type { MarkerKind, NoteKind } from '../layout-types.js';
import { n } from './numbers.js';

function glyph(className: string, x: number, y: number, d: string): string {
    return `<path class="${className}" transform="translate(${n(x)},${n(y)})" d="${d}"/>`;
}

const CONTACT: Record<ContactType, string> = {
    'face-to-face': 'M6,1.5 a2.5,2.5 0 1,0 0.01,0 Z M1.5,11 C1.5,7.5 10.5,7.5 10.5,11',
    voice: 'M3,1 L5,1 L6,4 L4.5,5 C5,7 6,8 7.5,8.5 L8.5,7 L11,8 L11,10.5 C11,11 10.5,11.5 10,11.5 C5,11 1,7 0.5,2 C0.5,1.5 1,1 1.5,1 Z',
    digital: 'M1,1.5 H11 V8.5 H1 Z M4,11 H8 M6,8.5 V11',
    'self-service': 'M2.5,0.5 H9.5 V7.5 H2.5 Z M4,3 H8 M6,7.5 V11.5 M3.5,11.5 H8.5',
    physical: 'M0.5,2.5 H11.5 V9.5 H0.5 Z M0.5,2.5 L6,6.5 L11.5,2.5'
};

/** A touchpoint's contact type, centred on (cx, cy). */
export function contactGlyph(type: string | undefined, cx: number, cy: number): string {
    const d = CONTACT[type as ContactType];
    return d ? glyph('glyph', cx - 6, cy - 6, d) : `<circle class="glyph-dot" cx="${n(cx)}" cy="${n(cy)}" r="2.5"/>`;
}

const MARKER: Partial<Record<MarkerKind, string>> = {
    duration: 'M5.5,1 a4.5,4.5 0 1,0 0.01,0 Z M5.5,3 V5.5 H7.5',
    systems: 'M1,1.5 H10 V4.5 H1 Z M1,6 H10 V9 H1 Z M2.5,3 H3.5 M2.5,7.5 H3.5',
    link: 'M6.5,1 H10 V4.5 M10,1 L5,6 M8.5,6.5 V10 H1 V2.5 H4.5',
    actor: 'M5.5,1 a2.2,2.2 0 1,0 0.01,0 Z M1.5,10 C1.5,6.5 9.5,6.5 9.5,10'
};

/** A marker's glyph with its left end at x and the text's baseline at y. */
export function markerGlyph(kind: MarkerKind, x: number, y: number): string {
    if (kind === 'fail' || kind === 'wait') {
        return `<circle cx="${n(x + 6)}" cy="${n(y - 4)}" r="6.5"/><text class="marker-letter" x="${n(x + 6)}" y="${n(y - 0.5)}" text-anchor="middle">${kind === 'fail' ? 'F' : 'W'}</text>`;
    }
    return glyph('marker-glyph', x, y - 9.5, MARKER[kind]!);
}

const NOTE: Record<NoteKind, string> = {
    pain: 'M6,0.5 L1.5,6 H5 L4,10.5 L9,4.5 H5.5 Z',
    opportunity: 'M5,0.5 C7.5,0.5 9,2.5 9,4.5 C9,6 8,7 7,7.8 V9 H3 V7.8 C2,7 1,6 1,4.5 C1,2.5 2.5,0.5 5,0.5 Z M3.5,10.5 H6.5',
    metric: 'M1,10.5 H10 M2,10 V6 M5,10 V2.5 M8,10 V4.5',
    policy: 'M5,0.5 L9.5,2.2 V5.5 C9.5,8 7.5,9.8 5,10.7 C2.5,9.8 0.5,8 0.5,5.5 V2.2 Z'
};

/** A note's glyph with its left end at x and the first line's baseline at y. */
export function noteGlyph(kind: NoteKind, x: number, y: number): string {
    return glyph(`note-glyph note-glyph-${kind}`, x, y - 9.5, NOTE[kind]);
}
