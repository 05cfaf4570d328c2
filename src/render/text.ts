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

/** Scripts written without spaces between words: a line may break between any two of their characters. */
export function isWideScript(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x20000 && code <= 0x3fffd);
}

/** Any character for which isWideScript holds. */
const WIDE_SCRIPT = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Whether a text has characters of those scripts (Japanese, Chinese, Korean: glyphs Inter lacks). */
export function hasWideScript(text: string): boolean {
    return WIDE_SCRIPT.test(text);
}

/** The text in stretches: those of such characters (`wide`) and those between them, in order. */
export function splitByScript(text: string): Array<{ text: string; wide: boolean }> {
    const parts: Array<{ text: string; wide: boolean }> = [];
    let last = 0;
    for (const match of text.matchAll(new RegExp(`${WIDE_SCRIPT.source}+`, 'gu'))) {
        if (match.index > last) parts.push({ text: text.slice(last, match.index), wide: false });
        parts.push({ text: match[0], wide: true });
        last = match.index + match[0].length;
    }
    if (last < text.length) parts.push({ text: text.slice(last), wide: false });
    return parts;
}

/** Width of one code point in thousandths of an em, for code points the font table lacks. */
function fallbackWidth(code: number): number {
    if (code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x300 && code <= 0x36f)) return 0; // joiners, variation selectors, combining marks
    if ((code >= 0x1f000 && code <= 0x1faff) || (code >= 0x2600 && code <= 0x27bf)) return 1250; // emoji
    if (isWideScript(code)) return 1000; // CJK: full width
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

// Characters that may not begin a line (closing punctuation, small kana, the long-vowel mark).
const NO_BREAK_BEFORE = new Set([...'、。，．・：；？！ー」』）】〕〉》’”…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.;:!?)]}%']);
// Characters that may not end a line (opening brackets).
const NO_BREAK_AFTER = new Set([...'「『（【〔〈《‘“([{']);

/**
 * The units a line may not split: words of spaced scripts (with punctuation attached) and single
 * characters of scripts written without spaces. `space` says whether a space stood before it.
 */
export function textUnits(paragraph: string): Array<{ text: string; space: boolean }> {
    // Most labels are in spaced scripts only: their units are the words.
    if (!WIDE_SCRIPT.test(paragraph)) return paragraph.split(/\s+/u).filter(word => word !== '').map((text, i) => ({ text, space: i > 0 }));
    const units: Array<{ text: string; space: boolean }> = [];
    let current = '';
    let space = false;
    let glueNext = false;
    const flush = () => {
        if (current) units.push({ text: current, space });
        current = '';
        space = false;
    };
    for (const char of paragraph) {
        const code = char.codePointAt(0)!;
        if (/\s/u.test(char)) {
            flush();
            space = units.length > 0;
            glueNext = false;
            continue;
        }
        const wide = isWideScript(code);
        const previous = current ? current.codePointAt(current.length - 1)! : undefined;
        const previousWide = previous !== undefined && isWideScript(previous);
        // A break opportunity before a wide character, and after one, unless punctuation forbids it.
        const breakHere = current !== '' && !glueNext && !NO_BREAK_BEFORE.has(char) && (wide || previousWide);
        if (breakHere) flush();
        current += char;
        glueNext = NO_BREAK_AFTER.has(char);
    }
    flush();
    return units;
}

/** The widest unit a line cannot split: a box narrower than this cuts a word. */
export function longestUnit(text: string, size: number, weight: Weight = 'regular'): number {
    let widest = 0;
    for (const paragraph of text.split('\n')) {
        for (const unit of textUnits(paragraph)) widest = Math.max(widest, measureText(unit.text, size, weight));
    }
    return widest;
}

/**
 * Breaks a text into lines no wider than `maxWidth`, between words only (between characters in
 * scripts written without spaces), never inside a word. A word wider than a line is split after
 * a hyphen or slash if it has one, else shortened with "…"; beyond `maxLines` the last line ends
 * with "…". Callers size their boxes from `longestUnit`, so both happen only past generous limits.
 * `indent` keeps room on the first line (for a tag written before the text).
 */
export function wrapText(text: string, maxWidth: number, size: number, weight: Weight = 'regular', maxLines = Infinity, indent = 0): string[] {
    const lines: string[] = [];
    const fits = (line: string) => measureText(line, size, weight) <= (lines.length === 0 ? maxWidth - indent : maxWidth) + 0.01;
    const push = (line: string) => lines.push(fits(line) ? line : shorten(line, lines.length === 0 ? maxWidth - indent : maxWidth, size, weight));
    // Widths add up (the font's widths, no kerning), so a line's width grows word by word.
    const limit = () => (lines.length === 0 ? maxWidth - indent : maxWidth) + 0.01;
    const space = measureText(' ', size, weight);
    for (const paragraph of text.split('\n')) {
        let line = '';
        let width = 0;
        for (const unit of splitOversized(textUnits(paragraph), maxWidth, size, weight)) {
            const unitWidth = measureText(unit.text, size, weight);
            // A first word that does not fit beside the indent starts on the next line.
            if (lines.length === 0 && line === '' && indent > 0 && unitWidth > limit()) lines.push('');
            const candidate = line === '' ? unitWidth : width + (unit.space ? space : 0) + unitWidth;
            if (line === '' || candidate <= limit()) {
                line = line === '' ? unit.text : line + (unit.space ? ' ' : '') + unit.text;
                width = candidate;
                continue;
            }
            push(line);
            line = unit.text;
            width = unitWidth;
        }
        push(line);
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = shorten(`${kept[maxLines - 1]}…`, maxWidth, size, weight);
    return kept;
}

/** Words wider than a line, split after their hyphens or slashes where they have them. */
function splitOversized(units: Array<{ text: string; space: boolean }>, maxWidth: number, size: number, weight: Weight): Array<{ text: string; space: boolean }> {
    const result: Array<{ text: string; space: boolean }> = [];
    for (const unit of units) {
        if (measureText(unit.text, size, weight) <= maxWidth || !/[-/–]./u.test(unit.text)) {
            result.push(unit);
            continue;
        }
        const parts = unit.text.split(/(?<=[-/–])/u);
        parts.forEach((part, i) => result.push({ text: part, space: i === 0 ? unit.space : false }));
    }
    return result;
}

/** A line cut to fit, ending in "…". */
function shorten(line: string, maxWidth: number, size: number, weight: Weight): string {
    let chars = [...line.replace(/…$/u, '')];
    while (chars.length > 0 && measureText(`${chars.join('').trimEnd()}…`, size, weight) > maxWidth) chars = chars.slice(0, -1);
    return `${chars.join('').trimEnd()}…`;
}
