import { PALETTES, cssVariable, type ColourRole, type ThemeName } from '../src/render/theme.js';

/** VS Code marks the webview's body with the kind of the current theme; later rules win. */
const THEME_OF_BODY_CLASS: Array<[string, ThemeName]> = [
    ['vscode-light', 'light'],
    ['vscode-dark', 'dark'],
    ['vscode-high-contrast', 'high-contrast'],
    ['vscode-high-contrast-light', 'light']
];

/**
 * The drawing's colours as CSS custom properties, per VS Code theme kind. The SVG reads them
 * (`var(--svcbp-card-fill, …)`), so a theme change recolours the drawing without a redraw.
 */
export function themeCss(): string {
    const block = (selector: string, theme: ThemeName) =>
        `${selector} {\n${Object.entries(PALETTES[theme]).map(([role, colour]) => `  ${cssVariable(role as ColourRole)}: ${colour};`).join('\n')}\n}`;
    return [block(':root', 'light'), ...THEME_OF_BODY_CLASS.map(([bodyClass, theme]) => block(`body.${bodyClass}`, theme))].join('\n');
}

/** The theme the body says VS Code is in (for Mermaid, which does not read CSS variables). */
export function currentTheme(): ThemeName {
    const classes = document.body.classList;
    if (classes.contains('vscode-high-contrast-light')) return 'light';
    if (classes.contains('vscode-high-contrast')) return 'high-contrast';
    return classes.contains('vscode-dark') ? 'dark' : 'light';
}
