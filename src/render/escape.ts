/** Text and attribute values for XML/HTML: nothing a file contains can open a tag or an attribute. */
export function escapeXml(text: string): string {
    // Most labels have nothing to escape: one test instead of two replaces.
    if (!NEEDS_ESCAPE.test(text)) return text;
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
        // Control characters are not allowed in XML 1.0 at all.
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '\uFFFD');
}

const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
