/**
 * Colours of the drawing, per theme. The SVG styles every element through classes; in the
 * preview the classes read CSS custom properties (so the webview can follow VS Code's theme),
 * in standalone exports the chosen theme's colours are written in (PNG renderers know no var()).
 */
export type ThemeName = 'light' | 'dark' | 'high-contrast';

export const THEME_NAMES: ThemeName[] = ['light', 'dark', 'high-contrast'];

export type Palette = Record<ColourRole, string>;

export type ColourRole =
    | 'background' | 'text' | 'muted' | 'grid' | 'header'
    | 'cardFill' | 'cardStroke' | 'evidenceFill' | 'noteText'
    | 'laneEvidence' | 'laneCustomer' | 'laneFrontstage' | 'laneBackstage' | 'laneSupport' | 'laneActor' | 'laneNotes'
    | 'lineInteraction' | 'lineVisibility' | 'lineInternal' | 'lineOther'
    | 'arrow' | 'labelFill' | 'touchpointFill' | 'touchpointStroke'
    | 'fail' | 'wait' | 'decision' | 'emotion' | 'section'
    | 'emotionPositive' | 'emotionNegative' | 'emotionPositiveBand' | 'emotionNegativeBand'
    | 'notePain' | 'notePainInk' | 'noteOpportunity' | 'noteOpportunityInk' | 'noteMetric' | 'noteMetricInk' | 'notePolicy' | 'notePolicyInk'
    | 'changeAdded' | 'changeChanged' | 'changeRemoved';

export const PALETTES: Record<ThemeName, Palette> = {
    light: {
        background: '#ffffff', text: '#1f2328', muted: '#59636e', grid: '#d1d9e0', header: '#f6f8fa',
        cardFill: '#ffffff', cardStroke: '#818b98', evidenceFill: '#fff8e6', noteText: '#59636e',
        laneEvidence: '#fdfaf2', laneCustomer: '#f0f6ff', laneFrontstage: '#f1faf3', laneBackstage: '#f7f3fc', laneSupport: '#f4f5f6', laneActor: '#f8f8f8', laneNotes: '#ffffff',
        lineInteraction: '#0969da', lineVisibility: '#cf222e', lineInternal: '#8250df', lineOther: '#9a6700',
        arrow: '#3d444d', labelFill: '#ffffff', touchpointFill: '#ffffff', touchpointStroke: '#0969da',
        fail: '#cf222e', wait: '#9a6700', decision: '#8250df', emotion: '#0969da', section: '#eaeef2',
        emotionPositive: '#1a7f37', emotionNegative: '#cf222e', emotionPositiveBand: '#f0faf2', emotionNegativeBand: '#fdf2f2',
        notePain: '#ffe3e3', notePainInk: '#a40e26', noteOpportunity: '#dcf5e3', noteOpportunityInk: '#116329',
        noteMetric: '#ddeeff', noteMetricInk: '#0550ae', notePolicy: '#fff1c2', notePolicyInk: '#7d4e00',
        changeAdded: '#1a7f37', changeChanged: '#9a6700', changeRemoved: '#59636e'
    },
    dark: {
        background: '#0d1117', text: '#e6edf3', muted: '#9198a1', grid: '#3d444d', header: '#151b23',
        cardFill: '#1c222b', cardStroke: '#7d8590', evidenceFill: '#2b2515', noteText: '#9198a1',
        laneEvidence: '#17150f', laneCustomer: '#0f1a2a', laneFrontstage: '#0f1e15', laneBackstage: '#1a1426', laneSupport: '#161a1f', laneActor: '#14181d', laneNotes: '#0d1117',
        lineInteraction: '#4493f8', lineVisibility: '#f85149', lineInternal: '#ab7df8', lineOther: '#d29922',
        arrow: '#b7bdc8', labelFill: '#0d1117', touchpointFill: '#0d1117', touchpointStroke: '#4493f8',
        fail: '#f85149', wait: '#d29922', decision: '#ab7df8', emotion: '#4493f8', section: '#212830',
        emotionPositive: '#3fb950', emotionNegative: '#f85149', emotionPositiveBand: '#0f1f15', emotionNegativeBand: '#25131a',
        notePain: '#3d1a20', notePainInk: '#ffa198', noteOpportunity: '#12321c', noteOpportunityInk: '#7ee2a8',
        noteMetric: '#12263f', noteMetricInk: '#a5d6ff', notePolicy: '#33290f', notePolicyInk: '#f2cc60',
        changeAdded: '#3fb950', changeChanged: '#d29922', changeRemoved: '#9198a1'
    },
    'high-contrast': {
        background: '#000000', text: '#ffffff', muted: '#ffffff', grid: '#ffffff', header: '#000000',
        cardFill: '#000000', cardStroke: '#ffffff', evidenceFill: '#000000', noteText: '#ffffff',
        laneEvidence: '#000000', laneCustomer: '#000000', laneFrontstage: '#000000', laneBackstage: '#000000', laneSupport: '#000000', laneActor: '#000000', laneNotes: '#000000',
        lineInteraction: '#00ffff', lineVisibility: '#ffff00', lineInternal: '#ff80ff', lineOther: '#ffffff',
        arrow: '#ffffff', labelFill: '#000000', touchpointFill: '#000000', touchpointStroke: '#00ffff',
        fail: '#ff6060', wait: '#ffff00', decision: '#ff80ff', emotion: '#00ffff', section: '#000000',
        emotionPositive: '#00ff00', emotionNegative: '#ff6060', emotionPositiveBand: '#000000', emotionNegativeBand: '#000000',
        notePain: '#000000', notePainInk: '#ff8080', noteOpportunity: '#000000', noteOpportunityInk: '#80ff80',
        noteMetric: '#000000', noteMetricInk: '#80c0ff', notePolicy: '#000000', notePolicyInk: '#ffff00',
        changeAdded: '#00ff00', changeChanged: '#ffff00', changeRemoved: '#ffffff'
    }
};

/** `cardFill` → `--svcbp-card-fill`. */
export function cssVariable(role: ColourRole): string {
    return `--svcbp-${role.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`)}`;
}
