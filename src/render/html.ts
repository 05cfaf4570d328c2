import { escapeXml } from './escape.js';

export interface HtmlOptions {
    title: string;
    /** The pan/zoom library's source, inlined so the page needs no network. */
    panZoomScript: string;
    background: string;
    /**
     * A side panel beside the drawing (already escaped HTML): the static site's lists of fail
     * points, notes and links. Without it the drawing fills the page, as in the HTML export.
     */
    panel?: string;
    /**
     * Where the page finds Inter, the font the drawing is measured in (data: URLs, or files beside
     * the page). A browser without it would set the text in a wider fallback font, and labels
     * would run into their neighbours.
     */
    fonts?: { regular: string; semibold: string };
}

/**
 * How every page of ours begins: UTF-8, the viewport, a Content-Security-Policy under which nothing
 * is fetched from outside (inline styles and scripts only; `sources` adds img-src, font-src), the
 * title, then `head` (styles).
 */
export function pageStart(title: string, sources: string, head: string): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; ${sources}">
<title>${escapeXml(title)}</title>
${head}
</head>`;
}

/** The bundled Inter's two files (assets/fonts, and out/webview/fonts for the extension). */
export const INTER_FILES = { regular: 'Inter-Regular.ttf', semibold: 'Inter-SemiBold.ttf' } as const;

/** Inter's bytes as data: URLs, for a page that carries its font inside it. */
export function fontDataUrls(fonts: { regular: Uint8Array; semibold: Uint8Array }): { regular: string; semibold: string } {
    const url = (bytes: Uint8Array) => `data:font/ttf;base64,${Buffer.from(bytes).toString('base64')}`;
    return { regular: url(fonts.regular), semibold: url(fonts.semibold) };
}

/**
 * The @font-face rules for Inter, as the drawing's stylesheet names it. The URLs are ours (data:
 * URLs, or the site's fonts/ paths), never a file's text; entities would not be decoded in a
 * <style> anyway, so none are written.
 */
export function fontFaces(fonts: { regular: string; semibold: string }): string {
    const face = (url: string, weight: string) => `@font-face { font-family: Inter; font-style: normal; font-weight: ${weight}; src: url("${url}") format("truetype"); }`;
    return `<style>\n  ${face(fonts.regular, '400')}\n  ${face(fonts.semibold, '600 700')}\n</style>`;
}

/**
 * A self-contained page: the SVG inline, pan and zoom (mouse wheel, drag, buttons), nothing
 * loaded from anywhere. The SVG's own text is already escaped; the title is escaped here.
 */
const PANEL_STYLE = `<style>
  #stage { right: 340px !important; }
  #controls { right: 352px !important; }
  #panel { position: fixed; top: 0; right: 0; bottom: 0; width: 340px; overflow: auto; box-sizing: border-box; padding: 16px 18px; border-left: 1px solid #d1d9e0; background: #f6f8fa; font: 13px/1.45 Inter, system-ui, sans-serif; color: #1f2328; }
  #panel h1 { font-size: 18px; margin: 0 0 4px; } #panel h2 { font-size: 13px; margin: 16px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #59636e; }
  #panel ul { margin: 0; padding-left: 18px; } #panel a { color: #0969da; }
</style>`;

export function toHtml(svg: string, options: HtmlOptions): string {
    // A closing script tag inside the inlined library would end the script element early.
    const script = options.panZoomScript.replace(/<\/script/gi, '<\\/script');
    return `${pageStart(options.title, "img-src data:; font-src 'self' data:", `${options.fonts ? fontFaces(options.fonts) : ''}
${options.panel ? PANEL_STYLE : ''}
<style>
  html, body { margin: 0; height: 100%; background: ${escapeXml(options.background)}; font-family: Inter, system-ui, sans-serif; }
  #stage { position: absolute; inset: 0; }
  #stage > svg { width: 100%; height: 100%; }
  #controls { position: fixed; top: 12px; right: 12px; display: flex; gap: 6px; z-index: 1; }
  #controls button { font: 600 14px Inter, system-ui, sans-serif; min-width: 36px; height: 32px; border-radius: 6px; border: 1px solid #818b98; background: #ffffffee; cursor: pointer; }
</style>`)}
<body>
<div id="controls" aria-label="Zoom">
  <button type="button" id="zoom-in" title="Zoom in">+</button>
  <button type="button" id="zoom-out" title="Zoom out">−</button>
  <button type="button" id="fit" title="Fit to page">Fit</button>
  <button type="button" id="reset" title="Actual size">1:1</button>
</div>
<div id="stage">
${svg}
</div>
${options.panel ? `<aside id="panel">${options.panel}</aside>` : ''}
<script>${script}</script>
<script>
  (function () {
    var svg = document.querySelector('#stage > svg');
    var zoom = svgPanZoom(svg, { zoomScaleSensitivity: 0.3, minZoom: 0.1, maxZoom: 20, fit: true, center: true });
    document.getElementById('zoom-in').onclick = function () { zoom.zoomIn(); };
    document.getElementById('zoom-out').onclick = function () { zoom.zoomOut(); };
    document.getElementById('fit').onclick = function () { zoom.resize(); zoom.fit(); zoom.center(); };
    document.getElementById('reset').onclick = function () { zoom.resetZoom(); zoom.resetPan(); };
    window.addEventListener('resize', function () { zoom.resize(); });
  })();
</script>
</body>
</html>
`;
}
