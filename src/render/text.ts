import { INTER_REGULAR, INTER_SEMIBOLD } from './font-metrics.js';

/** The font the drawing is set in; the SVG names it and the PNG export loads it. */
export const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, sans-serif';

export type Weight = 'regular' | 'semibold';

function decode(table: string): Map<number, number> {
    const map = new Map<number, number>();
    for (const pair of table.split(',')) {
        const [code, width] = pair.split(':');
        map.set(parseInt(code, 36), parseInt(width, 36));
    }
    return map;
}

const WIDTHS: Record<Weight, Map<number, number>> = { regular: decode(INTER_REGULAR), semibold: decode(INTER_SEMIBOLD) };

/** Width of one code point in thousandths of an em, for code points the font table lacks. */
function fallbackWidth(code: number): number {
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x300 && code <= 0x36f)) return 0; // joiners, variation selectors, combining marks
    if ((code >= 0x1f000 && code <= 0x1faff) || (code >= 0x2600 && code <= 0x27bf)) return 1250; // emoji
    if ((code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd)) return 1000; // CJK: full width
    return 620;
}

/** Distance between baselines for a font size (the SVG writer uses the same). */
export function lineHeight(size: number): number {
    return Math.round(size * 1.3);
}

/** Width of a text in pixels at a font size, as the bundled Inter sets it. */
export function measureText(text: string, size: number, weight: Weight = 'regular'): number {
    const table = WIDTHS[weight];
    let total = 0;
    for (const char of text) {
        const code = char.codePointAt(0)!;
        total += table.get(code) ?? fallbackWidth(code);
    }
    return (total * size) / 1000;
}

/**
 * Breaks a text into lines no wider than `maxWidth`, at spaces where it can and inside a word
 * where it must (CJK text has no spaces). At most `maxLines`; a cut last line ends with "…".
 */
export function wrapText(text: string, maxWidth: number, size: number, weight: Weight = 'regular', maxLines = Infinity): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
        let line = '';
        for (const word of paragraph.split(/(?<=\s)/)) {
            const candidate = line + word;
            if (measureText(candidate.trimEnd(), size, weight) <= maxWidth) {
                line = candidate;
                continue;
            }
            if (line.trim()) lines.push(line.trimEnd());
            line = '';
            for (const char of word) {
                if (measureText((line + char).trimEnd(), size, weight) > maxWidth && line) {
                    lines.push(line);
                    line = '';
                }
                line += char;
            }
        }
        lines.push(line.trimEnd());
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    let last = kept[maxLines - 1];
    while (last && measureText(`${last}…`, size, weight) > maxWidth) last = [...last].slice(0, -1).join('');
    kept[maxLines - 1] = `${last.trimEnd()}…`;
    return kept;
}
