/** Stage 7c, the legend: one entry for every kind of mark the drawing shows, and only those. */
import type { BlueprintModel } from '../../model/types.js';
import type { ArrowLayout, BlueprintLayout, CardLayout, LegendItem, LegendLayout, NoteKind, TouchpointLayout } from '../layout-types.js';
import { measureText } from '../text.js';

const ARROW_LABELS: Record<string, string> = { flow: 'Flow', 'two-way': 'Two-way', async: 'Asynchronous', enables: 'Enables' };
const NOTE_LABELS: Record<NoteKind, string> = { pain: 'Pain point', opportunity: 'Opportunity', metric: 'Metric', policy: 'Policy' };
const MARKER_LABELS: Record<string, string> = {
    fail: 'Fail point (numbered as in the list below)', wait: 'Wait point', duration: 'Duration of the step', systems: 'Systems used',
    link: 'Opens a linked blueprint', actor: 'Done by another actor'
};

export interface Drawn {
    arrows: ArrowLayout[];
    cards: CardLayout[];
    touchpoints: TouchpointLayout[];
    phases: BlueprintLayout['phases'];
    emotion?: BlueprintLayout['emotion'];
}

const CHANGE_LABELS: Record<string, string> = {
    added: 'Added (NEW)', changed: 'Changed (CHANGED; what changed is in its tooltip)', removed: 'Removed, where it stood (REMOVED)'
};

export function layoutLegend(model: BlueprintModel, drawn: Drawn, area: { x: number; y: number; width: number }, changes?: ReadonlyMap<string, { change: string }>): LegendLayout {
    const entries: Array<{ kind: string; label: string }> = [];
    const arrowKinds = new Set(drawn.arrows.map(a => a.kind));
    for (const kind of ['flow', 'two-way', 'async', 'enables']) if (arrowKinds.has(kind as never)) entries.push({ kind: `arrow-${kind}`, label: ARROW_LABELS[kind] });
    const contactTypes = new Map<string, Set<string>>();
    for (const touchpoint of model.touchpoints) {
        const type = touchpoint.contactType ?? 'other';
        const set = contactTypes.get(type) ?? new Set<string>();
        if (touchpoint.channel) set.add(touchpoint.channel);
        contactTypes.set(type, set);
    }
    for (const [type, channels] of contactTypes) entries.push({ kind: `contact-${type}`, label: `${type === 'other' ? 'touchpoint' : type}${channels.size ? ` (${[...channels].join(', ')})` : ''}` });
    const markers = new Set([...drawn.cards.flatMap(c => c.markers), ...drawn.touchpoints.flatMap(t => t.markers)].map(m => m.kind));
    for (const kind of ['fail', 'wait', 'duration', 'systems', 'link', 'actor']) if (markers.has(kind as never)) entries.push({ kind: `marker-${kind}`, label: MARKER_LABELS[kind] });
    if (drawn.cards.some(c => c.decision)) entries.push({ kind: 'marker-decision', label: 'Decision' });
    if (drawn.cards.some(c => c.hidden)) entries.push({ kind: 'marker-hidden', label: 'Hidden from the customer' });
    if (drawn.cards.some(c => c.kind === 'evidence')) entries.push({ kind: 'card-evidence', label: 'Physical evidence' });
    if (drawn.cards.some(c => c.span)) entries.push({ kind: 'span-bar', label: 'Step that carries on over later phases' });
    const notes = new Set([...drawn.cards.flatMap(c => c.notes), ...drawn.touchpoints.flatMap(t => t.notes), ...drawn.phases.flatMap(p => p.notes)].map(n => n.kind));
    for (const kind of ['pain', 'opportunity', 'metric', 'policy'] as NoteKind[]) if (notes.has(kind)) entries.push({ kind: `note-${kind}`, label: NOTE_LABELS[kind] });
    if (drawn.emotion?.curve.length) entries.push({ kind: 'emotion-phase', label: 'Emotion of a phase' });
    if (drawn.emotion?.points.length) entries.push({ kind: 'emotion-step', label: 'Emotion of a step' });
    if (drawn.emotion?.before?.length) entries.push({ kind: 'emotion-before', label: 'Emotion before the change (dashed)' });
    const marks = new Set([...(changes?.values() ?? [])].map(mark => mark.change));
    for (const change of ['added', 'changed', 'removed']) if (marks.has(change)) entries.push({ kind: `change-${change}`, label: CHANGE_LABELS[change] });

    const items: LegendItem[] = [];
    let x = area.x;
    let y = area.y + 26;
    for (const entry of entries) {
        const itemWidth = 44 + measureText(entry.label, 12) + 24;
        if (x + itemWidth > area.x + area.width && x > area.x) {
            x = area.x;
            y += 26;
        }
        items.push({ ...entry, x, y });
        x += itemWidth;
    }
    return { box: { x: area.x, y: area.y, width: area.width, height: y - area.y + 12 }, items };
}
