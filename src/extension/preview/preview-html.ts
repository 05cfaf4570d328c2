/** Where the page's files are, as the webview may load them. */
export interface PreviewPageOptions {
    /** The webview's own source for the CSP (`webview.cspSource`). */
    cspSource: string;
    scriptUri: string;
    styleUri: string;
    mermaidUri: string;
    /** Fresh per page: only scripts and styles carrying it run. */
    nonce: string;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The preview page. Strict CSP: scripts only with the nonce, style sheets only from the extension
 * or with the nonce (style attributes for Mermaid), images only from the extension or drawn by
 * the page, nothing remote.
 * Pure (no VS Code API), so the browser tests load exactly this page.
 */
export function previewHtml(options: PreviewPageOptions): string {
    const { cspSource, nonce } = options;
    const csp = [
        "default-src 'none'",
        `img-src ${cspSource} blob: data:`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        // Mermaid (Journey and Flow views) styles its nodes with style attributes; no markup from
        // the file reaches the page unescaped, and no remote source is allowed, so these are inert.
        "style-src-attr 'unsafe-inline'",
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeAttribute(options.styleUri)}">
<title>Blueprint preview</title>
</head>
<body data-mermaid-src="${escapeAttribute(options.mermaidUri)}">
<div id="toolbar" role="toolbar" aria-label="Preview">
  <span id="file"></span>
  <select id="blueprint" aria-label="Blueprint" hidden></select>
  <button type="button" id="back" title="Back to the blueprint that links here" hidden>← Back</button>
  <span class="group" id="compare" role="group" aria-label="Compare" hidden>
    <select id="changes" aria-label="Changes"></select>
    <button type="button" id="end-compare" title="End the comparison">End compare</button>
  </span>
  <span class="group" role="group" aria-label="View">
    <button type="button" data-view="blueprint" title="The service blueprint">Blueprint</button>
    <button type="button" data-view="journey" title="The customer journey (Mermaid)">Journey</button>
    <button type="button" data-view="flow" title="The flow of the arrows (Mermaid)">Flow</button>
  </span>
  <span class="group" role="group" aria-label="Zoom">
    <button type="button" id="zoom-out" title="Zoom out (Ctrl+wheel)">−</button>
    <button type="button" id="zoom-in" title="Zoom in (Ctrl+wheel)">+</button>
    <button type="button" id="fit-width" title="Fit to width">Width</button>
    <button type="button" id="fit-page" title="Fit to page">Page</button>
    <button type="button" id="reset" title="Actual size">1:1</button>
  </span>
  <span class="spacer"></span>
  <span class="group" role="group" aria-label="Export">
    <button type="button" id="export-svg" title="Export as SVG…">SVG</button>
    <button type="button" id="export-png" title="Export as PNG…">PNG</button>
    <button type="button" id="export-pdf" title="Export as PDF (vector, one page)…">PDF</button>
    <button type="button" id="export-html" title="Export as an HTML page…">HTML</button>
    <button type="button" id="export-markdown" title="Export as Markdown with Mermaid…">Markdown</button>
    <button type="button" id="copy-svg" title="Copy the SVG to the clipboard">Copy SVG</button>
  </span>
  <button type="button" id="lock" aria-pressed="false" title="Keep previewing this file when another editor is active">Lock</button>
</div>
<button type="button" id="banner" role="alert" hidden title="Show the Problems panel"></button>
<div id="empty">Waiting for the blueprint…</div>
<div id="stage" aria-label="Blueprint drawing"></div>
<div id="mermaid-stage" hidden></div>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}
