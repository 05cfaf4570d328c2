/** The renderer's front door: a blueprint model in, SVG text out. Pure: no DOM, no VS Code, no I/O. */
import type { BlueprintModel } from '../model/types.js';
import { layoutBlueprint } from './layout/index.js';
import type { LayoutOptions } from './layout-types.js';
import { layoutToSvg, layoutToSvgDocument, type SvgDocument, type SvgOptions } from './svg.js';

export type RenderOptions = LayoutOptions & SvgOptions;

export function renderSvg(model: BlueprintModel, options: RenderOptions = {}): string {
    return layoutToSvg(layoutBlueprint(model, options), options);
}

/** The same drawing as items, for a preview that patches its drawing (svgText(…) is renderSvg's text). */
export function renderSvgDocument(model: BlueprintModel, options: RenderOptions = {}): SvgDocument {
    return layoutToSvgDocument(layoutBlueprint(model, options), options);
}

export { layoutBlueprint } from './layout/index.js';
export { itemMarkup, layoutToSvg, svgOpenTag, svgText, transformOf, type SvgDocument, type SvgItem } from './svg.js';
export type { BlueprintLayout } from './layout-types.js';
export { stepTooltip, touchpointTooltip } from './layout/tooltips.js';
export { DRAWING_PARTS, allParts, settingOf, type DrawingPart } from './drawing-parts.js';
