import svgPanZoom from 'svg-pan-zoom';

export interface ZoomState {
    /** Screen pixels per drawing unit (svg-pan-zoom's own zoom is relative to a fit that changes with the drawing's size). */
    zoom: number;
    pan: { x: number; y: number };
}

/**
 * Pan and zoom over the drawing with svg-pan-zoom: drag and scroll pan, Ctrl+wheel and pinch
 * (Chromium reports a pinch as a wheel event with ctrlKey) zoom at the pointer. The state is
 * carried from one drawing to the next so a redraw keeps the user's view.
 */
export class Zoom {
    private instance: SvgPanZoom.Instance | undefined;
    /** The drawing's size as written by the renderer, to measure it again only when it changes. */
    private size = '';

    constructor(private readonly stage: HTMLElement, private readonly onChange: (state: ZoomState) => void) {
        stage.addEventListener('wheel', event => {
            if (!this.instance) return;
            event.preventDefault();
            if (event.ctrlKey) {
                const box = stage.getBoundingClientRect();
                this.instance.zoomAtPointBy(Math.exp(-event.deltaY / 300), { x: event.clientX - box.left, y: event.clientY - box.top });
            } else {
                this.instance.panBy({ x: -event.deltaX, y: -event.deltaY });
            }
        }, { passive: false });
    }

    /** The drawing svg-pan-zoom has taken over. */
    get root(): SVGSVGElement | null {
        return this.instance ? this.stage.querySelector<SVGSVGElement>(':scope > svg') : null;
    }

    /** The group svg-pan-zoom moves and scales: the drawing's elements go in it. */
    get viewport(): SVGGElement | null {
        return this.root?.querySelector<SVGGElement>(':scope > .svg-pan-zoom_viewport') ?? null;
    }

    /**
     * Puts a new drawing root on the stage, taken over by svg-pan-zoom; `previous` restores a saved
     * view, else the drawing fits the width. Redraws change the elements in its viewport instead,
     * so the view stays as it is and the library is not set up again.
     */
    show(svg: SVGSVGElement, previous: ZoomState | undefined): SVGSVGElement {
        this.detach();
        this.stage.replaceChildren(svg);
        this.size = `${svg.getAttribute('width')}x${svg.getAttribute('height')}`;
        // Set through CSSOM: svg-pan-zoom would otherwise write a style attribute, which the CSP forbids.
        svg.style.overflow = 'hidden';
        svg.setAttribute('width', '100%');
        svg.setAttribute('height', '100%');
        this.instance = svgPanZoom(svg, {
            zoomEnabled: true, mouseWheelZoomEnabled: false, dblClickZoomEnabled: false, controlIconsEnabled: false,
            fit: false, center: false, minZoom: 0.05, maxZoom: 40,
            onZoom: () => this.changed(), onPan: () => this.changed()
        });
        if (previous) {
            this.instance.zoom(previous.zoom / this.initialRealZoom());
            this.instance.pan(previous.pan);
        } else {
            this.fitWidth();
        }
        return svg;
    }

    /** The drawing's size, after its elements changed: fit and fit-width measure it again when it grew or shrank. */
    sized(width: number, height: number): void {
        const size = `${width}x${height}`;
        if (size !== this.size) this.instance?.updateBBox();
        this.size = size;
    }

    detach(): void {
        // Forgotten first: destroying resets the old view, and that must not be reported as the user's.
        const instance = this.instance;
        this.instance = undefined;
        instance?.destroy();
    }

    get state(): ZoomState | undefined {
        return this.instance && { zoom: this.instance.getSizes().realZoom, pan: this.instance.getPan() };
    }

    /** Pixels per drawing unit at svg-pan-zoom's zoom 1. */
    private initialRealZoom(): number {
        return this.instance!.getSizes().realZoom / this.instance!.getZoom();
    }

    zoomIn(): void { this.instance?.zoomBy(1.25); }
    zoomOut(): void { this.instance?.zoomBy(0.8); }

    /** The drawing as wide as the panel, from its top. */
    fitWidth(): void {
        const instance = this.instance;
        if (!instance) return;
        const sizes = instance.getSizes();
        instance.zoom(sizes.width / sizes.viewBox.width / this.initialRealZoom());
        instance.pan({ x: 0, y: 0 });
    }

    /** The whole drawing in the panel. */
    fitPage(): void {
        this.instance?.resize();
        this.instance?.fit();
        this.instance?.center();
    }

    /** Actual size (one drawing unit per pixel), from the top left. */
    reset(): void {
        const instance = this.instance;
        if (!instance) return;
        instance.zoom(1 / this.initialRealZoom());
        instance.pan({ x: 0, y: 0 });
    }

    /** Brings a box (in page pixels) into view when it is outside, centring it. */
    reveal(box: DOMRect): void {
        const stage = this.stage.getBoundingClientRect();
        const inside = box.left >= stage.left && box.right <= stage.right && box.top >= stage.top && box.bottom <= stage.bottom;
        if (inside || !this.instance) return;
        this.instance.panBy({ x: stage.left + stage.width / 2 - (box.left + box.width / 2), y: stage.top + stage.height / 2 - (box.top + box.height / 2) });
    }

    resize(): void {
        this.instance?.resize();
    }

    private changed(): void {
        const state = this.state;
        if (state) this.onChange(state);
    }
}
