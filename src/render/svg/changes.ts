/**
 * The marks of a compare drawing, on the items of the after side: a class and `data-change` on
 * the element, what changed first in its hover title, and a word tag (NEW, CHANGED, REMOVED) so the
 * marks read in grey print too, not by colour alone.
 */
import type { CompareMark } from '../../model/compare.js';
import { escapeXml } from '../escape.js';
import { describeChange } from '../diff-text.js';
import { n } from './numbers.js';

const TAGS: Record<CompareMark['change'], string> = { added: 'NEW', changed: 'CHANGED', removed: 'REMOVED' };
const PLAIN: Record<CompareMark['change'], string> = { added: 'Added in the after side', changed: 'Changed', removed: 'Removed in the after side' };

/** An element's markup with its mark; `tag` is where the word stands in the element's own coordinates. */
export function markChange(markup: string, mark: CompareMark, tag?: { x: number; y: number }): string {
    let marked = markup.replace(/^<g class="([^"]*)"/, `<g class="$1 change-${mark.change}" data-change="${mark.change}"`);
    // In the words of the list of changes (diff-text.ts), so the tooltip and the list agree.
    const note = escapeXml(`${TAGS[mark.change]}\n${mark.source ? describeChange(mark.source) : PLAIN[mark.change]}`);
    marked = /<title>/.test(marked) ? marked.replace('<title>', `<title>${note}\n`) : marked.replace(/^(<g [^>]*>)/, `$1<title>${note}</title>`);
    if (!tag) return marked;
    const word = `<text class="change-tag change-tag-${mark.change}" x="${n(tag.x)}" y="${n(tag.y)}" text-anchor="end">${TAGS[mark.change]}</text>`;
    return marked.replace(/<\/g>$/, `${word}</g>`);
}

/** The compare drawing's styles: added bold and solid, changed bold and dashed, removed faded and dotted. */
export function changeStyles(colour: (role: 'changeAdded' | 'changeChanged' | 'changeRemoved') => string): string {
    return [
        `.change-added .card-box,.change-added .touchpoint-circle{stroke:${colour('changeAdded')};stroke-width:3}`,
        `.change-changed .card-box,.change-changed .touchpoint-circle{stroke:${colour('changeChanged')};stroke-width:3;stroke-dasharray:7 3}`,
        `.change-removed{opacity:.5}`,
        `.change-removed .card-box,.change-removed .touchpoint-circle{stroke-dasharray:2 3}`,
        `.change-added .arrow-line{stroke:${colour('changeAdded')};stroke-width:2.5}`,
        `.change-removed .arrow-line{stroke-dasharray:2 4}`,
        `.change-tag{font-size:9px;font-weight:700;letter-spacing:.04em}`,
        `.emotion-before{stroke-dasharray:6 4;opacity:.55}`,
        `.change-tag-added{fill:${colour('changeAdded')}}`,
        `.change-tag-changed{fill:${colour('changeChanged')}}`,
        `.change-tag-removed{fill:${colour('changeRemoved')}}`
    ].join('');
}
