/**
 * The parts of the drawing a user can leave out: the settings `svcbp.preview.show…` and the CLI's
 * `render --hide`. Each is drawn unless switched off.
 */
export const DRAWING_PARTS = ['emotion', 'durations', 'legend', 'pains', 'opportunities', 'metrics', 'policies', 'systems'] as const;

export type DrawingPart = (typeof DRAWING_PARTS)[number];

/** Every part switched on. */
export function allParts(): Record<DrawingPart, boolean> {
    return Object.fromEntries(DRAWING_PARTS.map(part => [part, true])) as Record<DrawingPart, boolean>;
}

/** The setting that switches a part: `showEmotion`, `showPains`, … */
export function settingOf(part: DrawingPart): string {
    return `show${part[0].toUpperCase()}${part.slice(1)}`;
}
