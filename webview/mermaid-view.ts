import type { BlueprintModel } from '../src/model/types.js';
import type { PreviewView } from '../src/protocol.js';
import { toMermaidFlowchart, toMermaidJourney } from '../src/render/mermaid.js';
import { adoptSvg } from './svg-dom.js';
import { currentTheme } from './theme-css.js';

interface Mermaid {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
}

let loading: Promise<Mermaid> | undefined;
let renders = 0;

/** Mermaid is large: its script is loaded the first time a Journey or Flow view opens. */
function loadMermaid(nonce: string): Promise<Mermaid> {
    loading ??= new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.nonce = nonce;
        script.src = document.body.dataset.mermaidSrc ?? '';
        script.onload = () => {
            nonceScriptStyles(nonce);
            resolve((window as unknown as { mermaid: Mermaid }).mermaid);
        };
        script.onerror = () => reject(new Error('Mermaid could not be loaded.'));
        document.head.append(script);
    });
    return loading;
}

/**
 * Mermaid builds <style> elements while it lays a diagram out. Elements created by a script are
 * ours (markup from a file never reaches createElement; the CSP lets only our nonce'd scripts
 * run), so they get the page's nonce.
 */
function nonceScriptStyles(nonce: string): void {
    const create = document.createElement.bind(document);
    const createNS = document.createElementNS.bind(document);
    const withNonce = <T extends Element>(element: T): T => {
        if (element.localName === 'style') (element as unknown as HTMLElement).nonce = nonce;
        return element;
    };
    document.createElement = ((name: string, options?: ElementCreationOptions) => withNonce(create(name, options))) as typeof document.createElement;
    document.createElementNS = ((namespace: string | null, name: string, options?: ElementCreationOptions) => withNonce(createNS(namespace, name, options as string))) as typeof document.createElementNS;
}

/** The Journey (customer steps scored by emotion) or Flow (the arrows) view, drawn by Mermaid. */
export async function showMermaid(container: HTMLElement, view: Exclude<PreviewView, 'blueprint'> | PreviewView, model: BlueprintModel, nonce: string): Promise<void> {
    const render = ++renders;
    try {
        const mermaid = await loadMermaid(nonce);
        // 'strict': Mermaid escapes labels and allows no click handlers or HTML in them.
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: currentTheme() === 'light' ? 'default' : 'dark' });
        const text = view === 'journey' ? toMermaidJourney(model) : toMermaidFlowchart(model);
        const { svg } = await mermaid.render(`svcbp-mermaid-${render}`, text);
        if (render !== renders) return; // a newer model arrived meanwhile
        container.replaceChildren(adoptSvg(svg, nonce));
    } catch (error) {
        const message = document.createElement('p');
        message.className = 'message';
        message.textContent = `This view could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
        container.replaceChildren(message);
    }
}
