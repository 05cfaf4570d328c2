/** The renderer's front door: a blueprint model in, SVG text out. Pure: no DOM, no VS Code, no I/O. */
import type { BlueprintModel } from '../model/types.js';
import { compareModel } from '../model/compare.js';
import { diffModels, type ModelDiff } from '../model/diff.js';
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

/**
 * A compare drawing: the after side as usual, added and changed elements marked, removed ones
 * drawn ghosted where they stood (model/compare.ts); `data-change` on every marked element.
 */
export function renderCompareSvg(before: BlueprintModel, after: BlueprintModel, options: RenderOptions = {}): string {
    const { model, marks, beforeEmotion, beforeFigures } = compareModel(before, after, diffModels(before, after));
    return renderSvg(model, { ...options, changes: marks, beforeEmotion, beforeFigures });
}

/** The same compare drawing as items, for the preview; with the change set, for its list of changes. */
export function renderCompareSvgDocument(before: BlueprintModel, after: BlueprintModel, options: RenderOptions = {}): { document: SvgDocument; diff: ModelDiff } {
    const diff = diffModels(before, after);
    const { model, marks, beforeEmotion, beforeFigures } = compareModel(before, after, diff);
    return { document: renderSvgDocument(model, { ...options, changes: marks, beforeEmotion, beforeFigures }), diff };
}

export { layoutBlueprint } from './layout/index.js';
export { diffSentences, describeChange } from './diff-text.js';
export { itemMarkup, layoutToSvg, svgOpenTag, svgText, transformOf, type SvgDocument, type SvgItem } from './svg.js';
export type { BlueprintLayout } from './layout-types.js';
export { stepTooltip, touchpointTooltip } from './layout/tooltips.js';
export { DRAWING_PARTS, allParts, settingOf, type DrawingPart } from './drawing-parts.js';
