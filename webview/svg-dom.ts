/** A document that is never shown: nothing parsed into it runs, loads or fires events. */
const inert = document.implementation.createHTMLDocument('');

/**
 * Turns SVG text into an element of this page. The text is parsed in an inert document by the
 * HTML parser (twice as fast as the XML parser on a large drawing; scripts it creates never run,
 * and the page's CSP forbids inline handlers anyway); its stylesheets move into style elements
 * carrying the page's nonce, because the CSP allows no other inline styles.
 */
export function adoptSvg(text: string, nonce: string): SVGSVGElement {
    // Taken out before parsing: even an inert document reports a nonce-less <style> to the CSP.
    const withoutStyles = text.replace(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g, (_, css: string) => {
        adoptStyle(decodeEntities(css), nonce);
        return '';
    });
    const holder = inert.createElement('div');
    holder.innerHTML = withoutStyles;
    const root = holder.firstElementChild;
    if (!root || root.namespaceURI !== 'http://www.w3.org/2000/svg' || root.localName !== 'svg' || holder.childElementCount !== 1) {
        throw new Error('The drawing could not be read as SVG.');
    }
    for (const style of Array.from(root.getElementsByTagName('style'))) style.remove();
    // Nothing executable can come in: the renderer writes none, and this makes sure.
    for (const script of Array.from(root.getElementsByTagName('script'))) script.remove();
    // Moved, not copied: the holder is thrown away (a deep copy of a large drawing costs).
    return document.adoptNode(root) as unknown as SVGSVGElement;
}

/**
 * Turns the markup of SVG elements (no stylesheets) into elements of this page, in order: one
 * parse for all of them, in the inert document, as adoptSvg does for a whole drawing.
 */
export function adoptSvgElements(markup: string, count: number): Element[] {
    const holder = inert.createElement('div');
    holder.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${markup}</svg>`;
    const root = holder.firstElementChild;
    if (!root || root.localName !== 'svg' || root.childElementCount !== count) throw new Error('The drawing could not be read as SVG.');
    for (const removed of Array.from(root.querySelectorAll('script, style'))) removed.remove();
    // A copy first: adopting takes each child out of the live collection.
    return Array.from(root.children).map(child => document.adoptNode(child));
}

/** The XML escapes a stylesheet in SVG text may use (`&gt;` in a child selector). */
function decodeEntities(css: string): string {
    return css.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
}

const adopted = new Set<string>();

/** Adds a stylesheet once, in a <style> element with the page's nonce. */
export function adoptStyle(css: string, nonce: string): void {
    if (adopted.has(css)) return;
    adopted.add(css);
    const element = document.createElement('style');
    element.nonce = nonce;
    element.textContent = css;
    document.head.append(element);
}
