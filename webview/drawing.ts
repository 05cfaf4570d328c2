import { itemMarkup, svgOpenTag, translation, type SvgDocument, type SvgItem } from '../src/render/index.js';
import { adoptSvg, adoptSvgElements } from './svg-dom.js';
import type { Zoom, ZoomState } from './zoom.js';

interface Drawn {
    item: SvgItem;
    element: Element;
}

/**
 * The drawing on the stage, patched item by item. A keystroke changes a few elements and moves
 * or re-ranges many; those keep their DOM nodes (a new translation or range is an attribute),
 * so the browser parses, styles and lays out only what changed instead of the whole drawing.
 */
export class Drawing {
    private head = '';
    private drawn = new Map<string, Drawn>();

    constructor(private readonly stage: HTMLElement, private readonly zoom: Zoom, private readonly nonce: string) {}

    /** Shows a drawing; `view` restores a saved zoom and pan when the drawing is new. */
    show(next: SvgDocument, stale: boolean, view: ZoomState | undefined): SVGSVGElement {
        let root = this.zoom.root;
        if (!root || next.head !== this.head) {
            // A new root (first drawing, or another theme): only the stylesheet and markers; items follow.
            root = this.zoom.show(this.stage, adoptSvg(`${svgOpenTag(next)}${next.head}</svg>`, this.nonce), view);
            this.head = next.head;
            this.drawn = new Map();
        }
        this.drawn = patch(this.zoom.viewport ?? root, this.drawn, next.items);
        root.classList.toggle('stale', stale);
        this.zoom.sized(next.width, next.height);
        return root;
    }

    /** Forgets the drawing (the stage was emptied). */
    clear(): void {
        this.head = '';
        this.drawn = new Map();
    }
}

/** Keys made unique by occurrence: two arrows between the same steps, or a duplicated id the checks report. */
function keyed(items: SvgItem[]): Array<[string, SvgItem]> {
    const seen = new Map<string, number>();
    return items.map(item => {
        const count = seen.get(item.key) ?? 0;
        seen.set(item.key, count + 1);
        return [count === 0 ? item.key : `${item.key}#${count}`, item];
    });
}

function patch(container: Element, previous: Map<string, Drawn>, items: SvgItem[]): Map<string, Drawn> {
    // In paint order; a slot left empty is filled by the one parse of everything new or changed.
    const slots: Array<[string, Drawn | undefined]> = [];
    const fresh: Array<{ slot: number; item: SvgItem }> = [];
    for (const [key, item] of keyed(items)) {
        const old = previous.get(key);
        if (!old || old.item.markup !== item.markup) {
            fresh.push({ slot: slots.length, item });
            slots.push([key, undefined]);
            continue;
        }
        previous.delete(key);
        if (old.item.x !== item.x || old.item.y !== item.y) {
            if (item.x === 0 && item.y === 0) old.element.removeAttribute('transform');
            else old.element.setAttribute('transform', translation(item));
        }
        if (old.item.range !== item.range) {
            if (item.range === undefined) old.element.removeAttribute('data-range');
            else old.element.setAttribute('data-range', item.range);
        }
        slots.push([key, { item, element: old.element }]);
    }
    for (const gone of previous.values()) gone.element.remove();
    const elements = adoptSvgElements(fresh.map(({ item }) => itemMarkup(item)).join(''), fresh.length);
    fresh.forEach(({ slot, item }, index) => {
        const element = elements[index];
        // The preview's own tooltip replaces the SVG's <title> hover text on cards and touchpoints.
        if (item.key.startsWith('step:') || item.key.startsWith('touchpoint:')) element.querySelector(':scope > title')?.remove();
        slots[slot][1] = { item, element };
    });
    const next = new Map(slots as Array<[string, Drawn]>);
    order(container, next);
    return next;
}

/**
 * Puts the elements in paint order, moving only those out of place: kept elements are already in
 * order among themselves, so new ones are inserted between them (a moved node is restyled).
 */
function order(container: Element, next: Map<string, Drawn>): void {
    const items = new Set<Node>(Array.from(next.values(), drawn => drawn.element));
    let cursor = container.firstChild;
    const skipOthers = () => { while (cursor && !items.has(cursor)) cursor = cursor.nextSibling; };
    skipOthers();
    for (const { element } of next.values()) {
        if (element === cursor) {
            cursor = cursor.nextSibling;
            skipOthers();
        } else {
            container.insertBefore(element, cursor);
        }
    }
}
