/** The box a text block's lines take on the drawing, from the first line's ascent to the last one's descent. */
import type { Box, MarkerLayout, TextBlock } from './layout-types.js';
import { lineHeight, measureText } from './text.js';

export function textBox(block: TextBlock): Box {
    const widths = block.lines.map((line, i) => measureText(line, block.size, block.weight) + (i === 0 ? block.indent ?? 0 : 0));
    const width = Math.max(0, ...widths);
    const top = block.y - block.size * 0.8;
    const bottom = block.y + (block.lines.length - 1) * lineHeight(block.size) + block.size * 0.25;
    return { x: block.anchor === 'middle' ? block.x - width / 2 : block.x, y: top, width, height: bottom - top };
}

/** A marker's glyph and text together. */
export function markerBox(marker: MarkerLayout): Box {
    const box = textBox(marker.label);
    const top = Math.min(box.y, marker.y - 11);
    return { x: marker.x, y: top, width: box.x + box.width - marker.x, height: box.y + box.height - top };
}
