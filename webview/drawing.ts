import { itemMarkup, svgOpenTag, transformOf, type SvgDocument, type SvgItem } from '../src/render/index.js';
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
    /** The root's stylesheet and markers: the same for every drawing in the preview's one theme. */
    private head = '';
    private drawn = new Map<string, Drawn>();

    constructor(private readonly zoom: Zoom, private readonly nonce: string) {}

    /** Shows a drawing; `view` restores a saved zoom and pan when the drawing is new. */
    show(next: SvgDocument, stale: boolean, view: ZoomState | undefined): void {
        let root = this.zoom.root;
        if (!root || next.head !== this.head) {
            // A new root: only the stylesheet and markers; the items follow. (The head is the same for
            // every drawing in the preview's one theme; were it to change, the view would stay.)
            root = this.zoom.show(adoptSvg(`${svgOpenTag(next)}${next.head}</svg>`, this.nonce), this.zoom.state ?? view);
            this.head = next.head;
            this.drawn = new Map();
        }
        this.drawn = patch(this.zoom.viewport ?? root, this.drawn, next.items);
        root.classList.toggle('stale', stale);
        this.zoom.sized(next.width, next.height);
    }

    /** Forgets the drawing (the stage was emptied). */
    clear(): void {
        this.head = '';
        this.drawn = new Map();
    }
}

/** Keys made unique by occurrence: a duplicated id, which the checks report, still draws. */
function keyed(items: SvgItem[]): Array<[string, SvgItem]> {
    const seen = new Map<string, number>();
    return items.map(item => {
        const count = seen.get(item.key) ?? 0;
        seen.set(item.key, count + 1);
        // A separator no id can contain.
        return [count === 0 ? item.key : `${item.key}\u0000${count}`, item];
    });
}

/**
 * The new drawing's elements: kept where their markup is the same, parsed where it is new or
 * changed. The parse (the one step that can fail) comes before any change to the page, so a
 * failure leaves the last drawing as it was.
 */
function patch(container: Element, previous: Map<string, Drawn>, items: SvgItem[]): Map<string, Drawn> {
    const slots = keyed(items).map(([key, item]) => {
        const old = previous.get(key);
        return { key, item, old: old?.item.markup === item.markup ? old : undefined };
    });
    const fresh = slots.filter(slot => !slot.old);
    const elements = fresh.length ? adoptSvgElements(fresh.map(slot => itemMarkup(slot.item)).join(''), fresh.length) : [];

    const next = new Map<string, Drawn>();
    let parsed = 0;
    for (const { key, item, old } of slots) {
        if (old) {
            if (old.item.x !== item.x || old.item.y !== item.y) setOrRemove(old.element, 'transform', transformOf(item));
            if (old.item.range !== item.range) setOrRemove(old.element, 'data-range', item.range);
            next.set(key, { item, element: old.element });
        } else {
            const element = elements[parsed++];
            // The preview's own tooltip replaces the SVG's <title> hover text on cards and touchpoints.
            const kind = element.getAttribute('data-kind');
            if (kind === 'step' || kind === 'touchpoint') for (const title of Array.from(element.querySelectorAll('title'))) title.remove();
            next.set(key, { item, element });
        }
    }
    for (const [key, drawn] of previous) if (next.get(key)?.element !== drawn.element) drawn.element.remove();
    order(container, next);
    return next;
}

function setOrRemove(element: Element, name: string, value: string | undefined): void {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, value);
}

/**
 * Puts the elements in paint order, moving only what is out of place: an element already at the
 * cursor stays, any other is inserted before it (a moved node is restyled). Kept elements are
 * nearly always in order already (a drawing keeps its order from one keystroke to the next).
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
