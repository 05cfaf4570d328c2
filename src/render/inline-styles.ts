/**
 * svg-to-pdfkit applies a stylesheet's simple selectors (`.card-box`, `text.label`) but not
 * descendant ones (`.lane-customer .lane-band`), which the drawing's stylesheet uses for every
 * colour that depends on what an element is part of. This writes those rules onto the elements
 * they match as `style` attributes, in the stylesheet's order, before the SVG goes to the PDF.
 */
interface Compound { tag?: string; classes: string[] }
interface Rule { ancestor: Compound; target: Compound; declarations: string }

export function inlineDescendantRules(svg: string): string {
    const style = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
    const rules: Rule[] = [];
    for (const [, selectors, declarations] of style.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
        for (const selector of selectors.split(',')) {
            const parts = selector.trim().split(/\s+/);
            if (parts.length !== 2) continue;
            const [ancestor, target] = parts.map(compound);
            if (ancestor && target) rules.push({ ancestor, target, declarations: declarations.trim() });
        }
    }
    if (rules.length === 0) return svg;
    const open: Array<{ tag: string; classes: string[] }> = [];
    return svg.replace(/<(\/?)([A-Za-z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*(\/?)>/g, (whole, closing: string, tag: string, attributes: string, selfClosing: string) => {
        if (closing) {
            open.pop();
            return whole;
        }
        const classes = /\sclass="([^"]*)"/.exec(attributes)?.[1].split(/\s+/).filter(Boolean) ?? [];
        const element = { tag, classes };
        const matched = rules.filter(rule => matches(rule.target, element) && open.some(ancestor => matches(rule.ancestor, ancestor)));
        if (!selfClosing) open.push(element);
        if (matched.length === 0) return whole;
        const existing = /\sstyle="([^"]*)"/.exec(attributes)?.[1];
        const declarations = [...matched.map(rule => rule.declarations), ...(existing ? [existing] : [])].join(';');
        const rest = attributes.replace(/\sstyle="[^"]*"/, '');
        return `<${tag}${rest} style="${declarations.replace(/"/g, '&quot;')}"${selfClosing ? '/' : ''}>`;
    });
}

function compound(text: string): Compound | undefined {
    const match = /^([A-Za-z][\w-]*)?((?:\.[\w-]+)*)$/.exec(text);
    if (!match || (!match[1] && !match[2])) return undefined;
    return { tag: match[1], classes: match[2].split('.').filter(Boolean) };
}

function matches(selector: Compound, element: { tag: string; classes: string[] }): boolean {
    return (selector.tag === undefined || selector.tag === element.tag) && selector.classes.every(name => element.classes.includes(name));
}
