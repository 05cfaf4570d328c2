/**
 * The preview page: draws the blueprint model the extension sends, and turns what the user does
 * (click, hover, zoom, the toolbar) into messages back. It never parses source text; everything
 * it shows comes from the model and is treated as untrusted text.
 */
import type { BlueprintModel, ModelResult } from '../src/model/types.js';
import type { ExportFormat, PreviewSettings, PreviewState, PreviewView, ToWebview } from '../src/protocol.js';
import { allParts, renderCompareSvgDocument, renderSvg, renderSvgDocument } from '../src/render/index.js';
import type { Change } from '../src/model/diff.js';
import { beforeFor, fillChangeList, rangeOf, type CompareSide } from './compare.js';
import { host } from './vscode-api.js';
import { themeCss } from './theme-css.js';
import { adoptStyle } from './svg-dom.js';
import { Drawing } from './drawing.js';
import { contains, extent, parseRange } from './ranges.js';
import { Zoom, type ZoomState } from './zoom.js';
import { traceFlow } from './trace.js';
import { showTooltip, tooltipLines } from './tooltip.js';
import { rasterise } from './rasterise.js';
import { showMermaid } from './mermaid-view.js';

const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const stage = $<HTMLDivElement>('stage');
const mermaidStage = $<HTMLDivElement>('mermaid-stage');
const banner = $<HTMLButtonElement>('banner');
const empty = $<HTMLDivElement>('empty');
const tooltip = $<HTMLDivElement>('tooltip');
const selector = $<HTMLSelectElement>('blueprint');
const back = $<HTMLButtonElement>('back');
const lock = $<HTMLButtonElement>('lock');
const fileLabel = $<HTMLSpanElement>('file');
const compareGroup = $<HTMLSpanElement>('compare');
const changeList = $<HTMLSelectElement>('changes');

adoptStyle(themeCss(), nonce);

let state: PreviewState = host.getState() ?? {};
let settings: PreviewSettings = allParts();
let current: { uri: string; fileName: string; version: number; result: ModelResult; errors: number } | undefined;
/** The last drawable version of each blueprint of the current file. */
let lastGood = new Map<string, BlueprintModel>();
/** The blueprint on screen and whether it is an older, valid version. */
let shown: { model: BlueprintModel; stale: boolean } | undefined;
let selected: string | undefined;
let cursor: { line: number; character: number } | undefined;
/** Compare mode: the before side, and the changes the drawing shows (for the toolbar's list). */
let compareWith: CompareSide | undefined;
let changes: Change[] = [];
/** Blueprints visited through `link` steps, for Back. */
const history: string[] = [];

const decoder = new TextDecoder();
const zoom = new Zoom(stage, view => save({ zoom: view.zoom, pan: view.pan }));
const drawing = new Drawing(zoom, nonce);

function save(patch: Partial<PreviewState>): void {
    state = { ...state, ...patch };
    host.setState(state);
    host.postMessage({ type: 'state', state });
}

// ── Messages from the extension ──────────────────────────────────────────────────────────

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
    const message = event.data;
    switch (message.type) {
        case 'model':
            // When it arrived, as a performance mark (the preview benchmark reads it); only the last is kept.
            performance.clearMarks('svcbp:model');
            performance.mark('svcbp:model');
            if (current?.uri !== message.uri) {
                // A compare is of one file: another file in the preview ends it.
                if (compareWith && current) {
                    compareWith = undefined;
                    host.postMessage({ type: 'endCompare' });
                }
                lastGood = new Map();
                history.length = 0;
                selected = undefined;
                cursor = undefined;
                if (state.uri !== message.uri) save({ uri: message.uri, blueprint: undefined, zoom: undefined, pan: undefined });
                // Another file starts from its own view (fit to width, or the one saved for it), not the last file's.
                clearStage();
            }
            current = { ...message, result: JSON.parse(decoder.decode(message.result)) as ModelResult };
            drawModel();
            break;
        case 'settings':
            settings = message.settings;
            if (!state.view) state.view = message.defaultView;
            state.locked = message.locked;
            update();
            break;
        case 'cursor':
            if (message.uri === current?.uri) {
                cursor = message;
                highlightCursor(true);
            }
            break;
        case 'showBlueprint':
            choose(message.blueprint);
            break;
        case 'renderPng':
            void exportAs('png', message.blueprint);
            break;
        case 'compare':
            compareWith = message.before && { label: message.before.label, result: JSON.parse(decoder.decode(message.before.result)) as ModelResult };
            update();
            break;
    }
});

// ── Drawing ─────────────────────────────────────────────────────────────────────────────

/** Every id the selector offers: drawable blueprints and those a syntax error keeps from building. */
function blueprintIds(result: ModelResult): string[] {
    return [...result.blueprints.map(b => b.id), ...result.unbuilt.map(u => u.id).filter(id => !result.blueprints.some(b => b.id === id))];
}

/**
 * Draws a model as soon as it arrives: the extension sends the next one only after this page
 * answers `drawn`, so models never pile up here (waiting for an animation frame cost up to one
 * frame of latency on every keystroke).
 */
function drawModel(): void {
    update();
    if (current) host.postMessage({ type: 'drawn', version: current.version });
}

function update(): void {
    lock.setAttribute('aria-pressed', String(Boolean(state.locked)));
    lock.textContent = state.locked ? 'Locked' : 'Lock';
    for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) button.setAttribute('aria-pressed', String(button.dataset.view === (state.view ?? 'blueprint')));
    if (!current) return;
    fileLabel.textContent = current.fileName;
    const ids = blueprintIds(current.result);
    const id = state.blueprint && (ids.includes(state.blueprint) || lastGood.has(state.blueprint)) ? state.blueprint : ids[0];
    selector.replaceChildren(...ids.map(value => {
        const option = document.createElement('option');
        option.value = value;
        option.textContent = current!.result.blueprints.find(b => b.id === value)?.title ?? value;
        return option;
    }));
    selector.hidden = ids.length < 2;
    if (id) selector.value = id;
    back.hidden = history.length === 0;

    const fresh = current.result.blueprints.find(b => b.id === id);
    if (fresh) lastGood.set(fresh.id, fresh);
    const model = fresh ?? (id ? lastGood.get(id) : undefined);
    shown = model && { model, stale: !fresh };
    showBanner(current.errors, shown);
    empty.hidden = Boolean(model);
    if (!model) {
        empty.textContent = ids.length === 0 && current.errors === 0 ? 'This file has no blueprint yet.' : 'Nothing to draw yet: fix the errors in the file.';
        clearStage();
        return;
    }
    if (state.view && state.view !== 'blueprint') {
        stage.hidden = true;
        mermaidStage.hidden = false;
        void showMermaid(mermaidStage, state.view, model, nonce);
        return;
    }
    stage.hidden = false;
    mermaidStage.hidden = true;
    draw(model, shown!.stale);
}

function showBanner(errors: number, on: typeof shown): void {
    const omitted = on && !on.stale ? on.model.omitted.length : 0;
    const count = `${errors} error${errors === 1 ? '' : 's'}`;
    banner.hidden = errors === 0;
    banner.textContent = on?.stale
        ? `${count} — showing the last valid version`
        : omitted > 0 ? `${count} — ${omitted} element${omitted === 1 ? '' : 's'} left out of the drawing` : count;
}

function draw(model: BlueprintModel, stale: boolean): void {
    const view: ZoomState | undefined = state.zoom !== undefined && state.pan ? { zoom: state.zoom, pan: state.pan } : undefined;
    // The phases of a drawing, as performance measures (read when profiling the preview).
    const t0 = performance.now();
    const before = compareWith && beforeFor(compareWith, model);
    compareGroup.hidden = !before;
    let parts;
    if (before) {
        const compared = renderCompareSvgDocument(before, model, { theme: 'light', ...settings });
        parts = compared.document;
        changes = compared.diff.changes;
        fillChangeList(changeList, changes, compareWith!.label);
    } else {
        parts = renderSvgDocument(model, { theme: 'light', ...settings });
        changes = [];
    }
    const t1 = performance.now();
    drawing.show(parts, stale, view);
    const t2 = performance.now();
    if (selected) select(selected, false);
    highlightCursor(false);
    const t3 = performance.now();
    for (const [name, start, end] of [['svcbp:render', t0, t1], ['svcbp:patch', t1, t2], ['svcbp:highlight', t2, t3]] as const) {
        performance.clearMeasures(name);
        performance.measure(name, { start, end });
    }
}

function clearStage(): void {
    stage.replaceChildren();
    zoom.detach();
    drawing.clear();
}

function choose(id: string, remember = false): void {
    const from = state.blueprint ?? shown?.model.id;
    if (remember && from) history.push(from);
    save({ blueprint: id, zoom: undefined, pan: undefined });
    selected = undefined;
    clearStage();
    update();
}

// ── Interaction ─────────────────────────────────────────────────────────────────────────

const svgElement = () => stage.querySelector('svg');

function highlightCursor(scroll: boolean): void {
    const svg = svgElement();
    if (!svg || !cursor) return;
    let best: { element: Element; size: number } | undefined;
    for (const element of svg.querySelectorAll('[data-range][data-kind]')) {
        const range = parseRange(element.getAttribute('data-range'));
        if (!range || !contains(range, cursor)) continue;
        const size = extent(range);
        if (!best || size < best.size) best = { element, size };
    }
    for (const old of svg.querySelectorAll('.at-cursor')) old.classList.remove('at-cursor');
    if (!best) return;
    best.element.classList.add('at-cursor');
    if (scroll) zoom.reveal(best.element.getBoundingClientRect());
}

/** Selects a step or touchpoint and lights up the flow into it and out of it. */
function select(id: string | undefined, toggle = true): void {
    const svg = svgElement();
    if (!svg || !shown) return;
    selected = toggle && selected === id ? undefined : id;
    for (const old of svg.querySelectorAll('.selected, .traced, .trace-up, .trace-down')) old.classList.remove('selected', 'traced', 'trace-up', 'trace-down');
    svg.classList.toggle('tracing', Boolean(selected));
    if (!selected) return;
    const trace = traceFlow(shown.model.arrows, selected);
    for (const element of svg.querySelectorAll('[data-kind="step"], [data-kind="touchpoint"]')) {
        const elementId = element.getAttribute('data-id') ?? '';
        if (elementId === selected) element.classList.add('selected');
        else if (trace.elements.has(elementId)) element.classList.add('traced');
    }
    for (const arrow of svg.querySelectorAll('[data-kind="arrow"]')) {
        const arrowId = arrow.getAttribute('data-id') ?? '';
        if (trace.upstream.has(arrowId)) arrow.classList.add('trace-up');
        if (trace.downstream.has(arrowId)) arrow.classList.add('trace-down');
    }
}

let pressed: { x: number; y: number } | undefined;
stage.addEventListener('pointerdown', event => { pressed = { x: event.clientX, y: event.clientY }; });
stage.addEventListener('click', event => {
    // A drag pans; only a click (the pointer barely moved) reveals.
    if (pressed && Math.hypot(event.clientX - pressed.x, event.clientY - pressed.y) > 4) return;
    const target = event.target as Element;
    const element = target.closest('[data-kind][data-range]');
    if (!element || !current || !shown) {
        select(undefined);
        return;
    }
    const kind = element.getAttribute('data-kind');
    const id = element.getAttribute('data-id') ?? '';
    if (kind === 'step' && target.closest('.marker-link')) {
        const link = shown.model.lanes.flatMap(l => l.steps).find(s => s.id === id)?.link;
        if (link && (!link.uri || link.uri === current.uri)) return choose(link.blueprint, true);
        if (link?.uri) return host.postMessage({ type: 'openLink', uri: link.uri, blueprint: link.blueprint });
    }
    const range = parseRange(element.getAttribute('data-range'));
    if (range) host.postMessage({ type: 'reveal', uri: current.uri, range });
    if (kind === 'step' || kind === 'touchpoint') select(id);
});

stage.addEventListener('mouseover', event => {
    const element = (event.target as Element).closest('[data-kind="step"], [data-kind="touchpoint"]');
    const lines = element && shown && tooltipLines(shown.model, element.getAttribute('data-kind')!, element.getAttribute('data-id') ?? '');
    if (lines) showTooltip(tooltip, lines, event.clientX, event.clientY);
    else tooltip.hidden = true;
});
stage.addEventListener('mouseleave', () => { tooltip.hidden = true; });
window.addEventListener('keydown', event => { if (event.key === 'Escape') select(undefined); });
window.addEventListener('resize', () => zoom.resize());

// ── Toolbar ─────────────────────────────────────────────────────────────────────────────

banner.addEventListener('click', () => host.postMessage({ type: 'openProblems' }));
selector.addEventListener('change', () => choose(selector.value));
changeList.addEventListener('change', () => {
    const change = changes[Number(changeList.value)];
    if (!change || !shown || !current) return;
    if (change.kind === 'step' || change.kind === 'touchpoint') select(change.id, false);
    const range = rangeOf(change, shown.model);
    if (range) host.postMessage({ type: 'reveal', uri: current.uri, range });
});
$('end-compare').addEventListener('click', () => {
    compareWith = undefined;
    host.postMessage({ type: 'endCompare' });
    update();
});
back.addEventListener('click', () => {
    const previous = history.pop();
    if (previous) choose(previous);
});
lock.addEventListener('click', () => {
    save({ locked: !state.locked });
    update();
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
    button.addEventListener('click', () => {
        save({ view: button.dataset.view as PreviewView });
        update();
    });
}
const actions: Record<string, () => void> = {
    'zoom-in': () => zoom.zoomIn(),
    'zoom-out': () => zoom.zoomOut(),
    'fit-width': () => zoom.fitWidth(),
    'fit-page': () => zoom.fitPage(),
    'reset': () => zoom.reset(),
    'export-svg': () => void exportAs('svg'),
    'export-png': () => void exportAs('png'),
    'export-pdf': () => void exportAs('pdf'),
    'export-html': () => void exportAs('html'),
    'export-markdown': () => void exportAs('markdown'),
    'copy-svg': () => shown && host.postMessage({ type: 'copySvg', blueprint: shown.model.id })
};
for (const [id, action] of Object.entries(actions)) $(id).addEventListener('click', action);

async function exportAs(format: ExportFormat, blueprint?: string): Promise<void> {
    const model = blueprint ? lastGood.get(blueprint) ?? shown?.model : shown?.model;
    if (!model) return;
    const png = format === 'png' ? await rasterise(renderSvg(model, { theme: 'light', embedColours: true, ...settings })) : undefined;
    host.postMessage({ type: 'export', format, blueprint: model.id, png });
}

host.postMessage({ type: 'ready' });
