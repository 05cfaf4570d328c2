/** The drawing's stylesheet and arrowheads, in a theme's colours or as CSS variables with them as fallbacks. */
import { FONT_FAMILY } from '../text.js';
import type { ColourRole } from '../theme.js';

type Colour = (role: ColourRole) => string;

/**
 * Arrowheads. Each is oriented `auto` and drawn the way it points: the head at a path's end
 * points along it, the one at a two-way arrow's start is drawn reversed (PNG renderers such as
 * resvg do not know `auto-start-reverse`).
 */
export function defs(colour: Colour): string {
    const head = (id: string, path: string, refX: number, fill: boolean) =>
        `<marker id="${id}" viewBox="0 0 10 10" refX="${refX}" refY="5" markerWidth="8" markerHeight="8" orient="auto">`
        + `<path d="${path}" ${fill ? `fill="${colour('arrow')}"` : `fill="none" stroke="${colour('arrow')}" stroke-width="1.5"`}/></marker>`;
    return `<defs>${head('svcbp-head', 'M0,1 L10,5 L0,9 Z', 9, true)}${head('svcbp-head-start', 'M10,1 L0,5 L10,9 Z', 1, true)}${head('svcbp-head-open', 'M1,1 L9,5 L1,9', 9, false)}</defs>`;
}

export function stylesheet(c: Colour): string {
    return [
        `.svcbp{font-family:${FONT_FAMILY}}`,
        `.background{fill:${c('background')}}`,
        `text{fill:${c('text')}}`,
        `.title{font-size:20px;font-weight:600}`,
        `.subtitle{font-size:12px;fill:${c('muted')}}`,
        `.lane-band{stroke:${c('grid')};stroke-width:0.5}`,
        `.lane-evidence .lane-band{fill:${c('laneEvidence')}}`, `.lane-customer .lane-band{fill:${c('laneCustomer')}}`,
        `.lane-frontstage .lane-band{fill:${c('laneFrontstage')}}`, `.lane-backstage .lane-band{fill:${c('laneBackstage')}}`,
        `.lane-support .lane-band{fill:${c('laneSupport')}}`, `.lane-actor .lane-band{fill:${c('laneActor')}}`, `.lane-notes .lane-band{fill:${c('laneNotes')}}`,
        `.lane-title{font-size:13px;font-weight:600}`,
        `.lane-kind{font-size:11px;fill:${c('muted')}}`,
        `.touchpoint-row-title{font-size:11px;font-weight:600;fill:${c('muted')}}`,
        `.section-band{fill:${c('section')};stroke:${c('grid')}}`,
        `.section-title{font-size:12px;font-weight:600}`,
        `.phase-header{fill:${c('header')};stroke:${c('grid')}}`,
        `.phase-title{font-size:13px;font-weight:600}`,
        `.phase-duration{font-size:11px;fill:${c('muted')}}`,
        `.row-title{font-size:12px;font-weight:600;fill:${c('muted')}}`,
        `.emotion-level{stroke:${c('grid')};stroke-width:0.5}`,
        `.emotion-zero{stroke:${c('muted')};stroke-width:0.8}`,
        `.emotion-band-positive{fill:${c('emotionPositiveBand')}}`,
        `.emotion-band-negative{fill:${c('emotionNegativeBand')}}`,
        `.emotion-scale{font-size:10px;fill:${c('muted')}}`,
        `.emotion-curve{fill:none;stroke:${c('emotion')};stroke-width:2.5}`,
        `.emotion-phase{stroke:${c('background')};stroke-width:1.5}`,
        `.emotion-phase.emotion-positive{fill:${c('emotionPositive')}}`, `.emotion-phase.emotion-neutral{fill:${c('emotion')}}`, `.emotion-phase.emotion-negative{fill:${c('emotionNegative')}}`,
        `.emotion-step{fill:${c('background')};stroke-width:1.8}`,
        `.emotion-step.emotion-positive{stroke:${c('emotionPositive')}}`, `.emotion-step.emotion-neutral{stroke:${c('emotion')}}`, `.emotion-step.emotion-negative{stroke:${c('emotionNegative')}}`,
        `.line line{stroke-width:2}`,
        `.line-interaction line{stroke:${c('lineInteraction')}}`,
        `.line-visibility line{stroke:${c('lineVisibility')};stroke-dasharray:8 5}`,
        `.line-internal line{stroke:${c('lineInternal')};stroke-dasharray:2 4;stroke-linecap:round}`,
        `.line-operation line,.line-implementation line,.line-custom line{stroke:${c('lineOther')};stroke-dasharray:12 4 2 4}`,
        `.line-label{font-size:10px;font-weight:600;fill:${c('muted')}}`,
        `.card-box{fill:${c('cardFill')};stroke:${c('cardStroke')};stroke-width:1}`,
        `.evidence-box{fill:${c('evidenceFill')}}`,
        `.evidence-fold{fill:none;stroke:${c('cardStroke')}}`,
        `.card-hidden .card-box{stroke-dasharray:5 3}`,
        `.span-bar{fill:${c('cardStroke')};opacity:0.45}`,
        `.span-end{stroke:${c('cardStroke')};stroke-width:1.5}`,
        `.note-box{fill:none;stroke:none}`,
        `.card-title{font-size:13px}`,
        `.note-lane-text{font-size:12px;font-style:italic;fill:${c('noteText')}}`,
        `.decision-mark{fill:${c('decision')}}`,
        `.marker-fail circle{fill:${c('fail')}}`, `.marker-wait circle{fill:${c('wait')}}`,
        `.marker-letter{font-size:9px;font-weight:700;fill:${c('background')}}`,
        `.marker-text{font-size:11px;fill:${c('muted')}}`,
        `.marker-glyph{fill:none;stroke:${c('muted')};stroke-width:1.2;stroke-linejoin:round;stroke-linecap:round}`,
        `.note-paper{stroke-width:0.8}`,
        `.note-pain .note-paper{fill:${c('notePain')};stroke:${c('notePainInk')}}`,
        `.note-opportunity .note-paper{fill:${c('noteOpportunity')};stroke:${c('noteOpportunityInk')}}`,
        `.note-metric .note-paper{fill:${c('noteMetric')};stroke:${c('noteMetricInk')}}`,
        `.note-policy .note-paper{fill:${c('notePolicy')};stroke:${c('notePolicyInk')}}`,
        `.note-glyph{stroke-width:1.1;stroke-linejoin:round;stroke-linecap:round;fill:none}`,
        `.note-glyph-pain{fill:${c('notePainInk')};stroke:${c('notePainInk')}}`, `.note-glyph-opportunity{stroke:${c('noteOpportunityInk')}}`,
        `.note-glyph-metric{stroke:${c('noteMetricInk')};stroke-width:1.6}`, `.note-glyph-policy{stroke:${c('notePolicyInk')}}`,
        `.note-tag{font-size:9px;font-weight:600}`,
        `.note-pain .note-tag{fill:${c('notePainInk')}}`, `.note-opportunity .note-tag{fill:${c('noteOpportunityInk')}}`,
        `.note-metric .note-tag{fill:${c('noteMetricInk')}}`, `.note-policy .note-tag{fill:${c('notePolicyInk')}}`,
        `.note-text{font-size:11px}`,
        `.touchpoint-circle{fill:${c('touchpointFill')};stroke:${c('touchpointStroke')};stroke-width:2}`,
        `.glyph{fill:none;stroke:${c('touchpointStroke')};stroke-width:1.3;stroke-linejoin:round;stroke-linecap:round}`,
        `.glyph-dot{fill:${c('touchpointStroke')}}`,
        `.touchpoint-label-box{fill:${c('background')};opacity:0.9}`,
        `.touchpoint-label{font-size:11px}`,
        `.arrow-line{fill:none;stroke:${c('arrow')};stroke-width:1.4}`,
        `.arrow-hit{fill:none;stroke:transparent;stroke-width:8}`,
        `.arrow-async .arrow-line{stroke-dasharray:2 3}`,
        `.arrow-enables .arrow-line{stroke-dasharray:6 4}`,
        `.arrow-label-box{fill:${c('labelFill')};stroke:${c('grid')};stroke-width:0.5}`,
        `.arrow-label{font-size:11px;fill:${c('muted')}}`,
        `.duration-row{fill:${c('header')};stroke:${c('grid')}}`,
        `.duration-total{font-size:12px;font-weight:600}`,
        `.duration-cell{font-size:12px}`,
        `.legend-label{font-size:12px}`,
        `.footnote{font-size:11px;fill:${c('muted')}}`
    ].join('');
}
