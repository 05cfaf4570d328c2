import { AstUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import {
    isBlueprint, isLane, isSection, isTouchpoint,
    type Actor, type Blueprint, type Lane, type Phase, type Step, type SvcbpFile, type System, type Touchpoint
} from '../language/generated/ast.js';
import { allArrowLinks, findProperties, findProperty, namespaceMembers, phasesOf, placedMembers, propertiesOf, type PropertyOwner } from '../language/link/blueprint-contents.js';
import { docCommentOf } from '../language/parse/doc-comments.js';
import { parseDuration } from '../language/parse/duration.js';
import { contactTypeOf } from './channels.js';
import { linesInForce, touchpointPosition } from './lines.js';
import {
    MODEL_VERSION,
    type ArrowKind, type ArrowModel, type BlueprintModel, type DeclarationModel, type Duration, type LaneModel,
    type LineModel, type ModelResult, type Notes, type OmittedElement, type PhaseModel, type SectionModel,
    type SourceRange, type StepModel, type TouchpointModel
} from './types.js';

const ARROW_KINDS: Record<string, ArrowKind> = { '->': 'flow', '<->': 'two-way', '~>': 'async', '..>': 'enables' };
const EMPTY_RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The models of every blueprint of a parsed and linked document. */
export function buildModels(document: LangiumDocument<SvcbpFile>): ModelResult {
    const result: ModelResult = { uri: document.uri.toString(), blueprints: [], unbuilt: [] };
    const root = document.parseResult.value;
    const blueprints = (root?.elements ?? []).filter(isBlueprint);
    const errorOffsets = syntaxErrorOffsets(document);
    blueprints.forEach((blueprint, index) => {
        const start = blueprint.$cstNode?.offset ?? 0;
        const end = blueprints[index + 1]?.$cstNode?.offset ?? Number.MAX_SAFE_INTEGER;
        const errorInside = errorOffsets.find(offset => offset >= start && offset < end);
        if (errorInside !== undefined || !blueprint.name) {
            result.unbuilt.push({
                id: blueprint.name ?? '',
                reason: 'The blueprint has syntax errors; fix them to see it.',
                range: rangeOf(blueprint)
            });
        } else {
            result.blueprints.push(buildBlueprintModel(blueprint));
        }
    });
    return result;
}

/** Where the lexer and parser found errors, as text offsets. */
function syntaxErrorOffsets(document: LangiumDocument): number[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    const textEnd = document.textDocument.getText().length;
    return [
        ...lexerErrors.map(error => error.offset),
        ...parserErrors.map(error => {
            const offset = error.token.startOffset;
            if (Number.isFinite(offset) && offset >= 0) return offset;
            const previous = (error as { previousToken?: { endOffset?: number } }).previousToken?.endOffset;
            return Number.isFinite(previous) ? previous! : textEnd;
        })
    ];
}

/** The model of one blueprint; elements with broken references are left out and listed. */
export function buildBlueprintModel(blueprint: Blueprint): BlueprintModel {
    return new ModelBuilder(blueprint).build();
}

class ModelBuilder {
    private readonly uri: string;
    private readonly omitted: OmittedElement[] = [];
    private readonly phaseIndex = new Map<Phase, number>();
    /**
     * Declarations left out because their name is taken (only the first of each name is drawn)
     * or missing, and steps and touchpoints left out for any reason (arrows may only join drawn
     * ones). Kept as the few left out rather than the thousands drawn: a set look-up per step
     * cost more than the rest of the step.
     */
    private readonly excluded = new Set<AstNode>();
    private readonly undrawn = new Set<AstNode>();
    private readonly actors = new Map<string, DeclarationModel>();
    private readonly systems = new Map<string, DeclarationModel>();

    constructor(private readonly blueprint: Blueprint) {
        this.uri = AstUtils.getDocument(blueprint).uri.toString();
    }

    build(): BlueprintModel {
        const bp = this.blueprint;
        this.dropDuplicates();
        const phases = this.phases();
        const { lanes, sections } = this.lanesAndSections();
        const lines = this.lines();
        this.applyVisibility(lanes, lines);
        const touchpoints = this.touchpoints();
        const arrows = this.arrows();
        for (const member of bp.members) {
            if (member.$type === 'Actor' || member.$type === 'System') this.declaration(member as Actor | System);
        }
        const model: BlueprintModel = {
            version: MODEL_VERSION,
            id: bp.name,
            title: bp.title ?? bp.name,
            uri: this.uri,
            range: rangeOf(bp),
            phases,
            sections,
            lanes,
            lines,
            touchpointPosition: touchpointPosition(lanes, lines),
            touchpoints,
            arrows,
            actors: [...this.actors.values()],
            systems: [...this.systems.values()],
            totals: totalsOf(phases, lanes, touchpoints, arrows),
            omitted: this.omitted
        };
        put(model, 'description', findProperty(bp, 'description')?.value);
        put(model, 'documentation', docCommentOf(bp));
        put(model, 'persona', findProperty(bp, 'persona')?.value);
        put(model, 'status', statusOf(findProperty(bp, 'status')?.value));
        this.deriveEmotions(model);
        return model;
    }

    private included(node: AstNode): boolean {
        return this.excluded.size === 0 || !this.excluded.has(node);
    }

    /** The first declaration of a name wins (as in linking); later ones are left out. */
    private dropDuplicates(): void {
        const seen = new Set<string>();
        for (const node of namespaceMembers(this.blueprint)) {
            if (!node.name) {
                this.excluded.add(node); // a partial parse: nothing to draw it by
            } else if (seen.has(node.name)) {
                this.excluded.add(node);
                this.omit(node.$type.toLowerCase() as OmittedElement['kind'], node.name, `'${node.name}' is declared twice`, node);
            } else {
                seen.add(node.name);
            }
        }
    }

    private phases(): PhaseModel[] {
        const phases: PhaseModel[] = [];
        for (const phase of phasesOf(this.blueprint)) {
            if (!this.included(phase)) continue;
            this.phaseIndex.set(phase, phases.length);
            const model: PhaseModel = { id: phase.name, title: phase.title ?? phase.name, index: phases.length, ...notesOf(phase), range: rangeOf(phase) };
            put(model, 'description', findProperty(phase, 'description')?.value);
            put(model, 'duration', durationOf(findProperty(phase, 'duration')?.value));
            put(model, 'emotion', emotionOf(phase));
            phases.push(model);
        }
        return phases;
    }

    private lanesAndSections(): { lanes: LaneModel[]; sections: SectionModel[] } {
        const lanes: LaneModel[] = [];
        const sections: SectionModel[] = [];
        const sectionIndex = new Map<AstNode, number>();
        for (const member of this.blueprint.members.filter(isSection)) {
            sectionIndex.set(member, sections.length);
            sections.push({ title: member.title ?? '', lanes: [], range: rangeOf(member) });
        }
        for (const { node, section } of placedMembers(this.blueprint)) {
            if (!isLane(node)) continue;
            if (!this.included(node) || !node.kind) {
                for (const step of node.steps) this.undrawn.add(step);
                continue;
            }
            const index = section ? sectionIndex.get(section) : undefined;
            const lane: LaneModel = { id: node.name, title: node.title ?? node.name, kind: node.kind, steps: [], range: rangeOf(node) };
            put(lane, 'section', index);
            put(lane, 'actor', this.actorRef(node.actor, `lane '${node.name}'`));
            put(lane, 'description', findProperty(node, 'description')?.value);
            for (const step of node.steps) {
                const model = this.step(step, node);
                if (model) lane.steps.push(model);
                else this.undrawn.add(step);
            }
            if (index !== undefined) sections[index].lanes.push(lane.id);
            lanes.push(lane);
        }
        return { lanes, sections };
    }

    private step(step: Step, lane: Lane): StepModel | undefined {
        if (!this.included(step)) return undefined;
        const span = this.span(step);
        if (!span) return undefined;
        const wait = findProperty(step, 'wait');
        const waitDuration = durationOf(wait?.value);
        const visibility = visibilityOf(findProperty(step, 'visibility')?.value);
        const link = findProperty(step, 'link');
        const linked = link?.target?.ref;
        if (link && !linked) this.omit('link', link.target?.$refText ?? '', `the linked blueprint '${link.target?.$refText}' does not exist`, link);
        const linkedUri = linked ? AstUtils.getDocument(linked).uri.toString() : undefined;
        const actor = this.actorRef(findProperty(step, 'by')?.actor, `step '${step.name}'`) ?? lane.actor?.ref?.name;
        const model: StepModel = {
            id: step.name,
            title: step.title ?? step.name,
            lane: lane.name,
            phase: span[0].name,
            endPhase: span[1].name,
            phaseIndex: this.phaseIndex.get(span[0])!,
            endPhaseIndex: this.phaseIndex.get(span[1])!,
            systems: this.systemRefs(step),
            // Set from the lines once every lane is known (see applyVisibility).
            visibility: visibility ?? 'visible',
            visibilityExplicit: visibility !== undefined,
            decision: findProperty(step, 'decision') !== undefined,
            ...notesOf(step),
            range: rangeOf(step)
        };
        put(model, 'description', findProperty(step, 'description')?.value);
        put(model, 'duration', durationOf(findProperty(step, 'duration')?.value));
        if (waitDuration) model.wait = wait?.text === undefined ? waitDuration : { ...waitDuration, note: wait.text };
        put(model, 'emotion', emotionOf(step));
        put(model, 'actor', actor);
        if (linked) {
            model.link = { blueprint: linked.name, title: linked.title ?? linked.name };
            if (linkedUri !== this.uri) model.link.uri = linkedUri;
        }
        put(model, 'documentation', docCommentOf(step));
        return model;
    }

    /** A step's first and last phase, or undefined (and the step omitted) when they are broken. */
    private span(step: Step): [Phase, Phase] | undefined {
        const start = step.phase?.ref;
        const end = step.endPhase ? step.endPhase.ref : start;
        const startIndex = start ? this.phaseIndex.get(start) : undefined;
        const endIndex = end ? this.phaseIndex.get(end) : undefined;
        if (startIndex === undefined || endIndex === undefined) {
            const missing = startIndex === undefined ? step.phase?.$refText : step.endPhase?.$refText;
            this.omit('step', step.name, `its phase '${missing ?? ''}' does not exist`, step);
            return undefined;
        }
        if (endIndex < startIndex) {
            this.omit('step', step.name, `its phase range ${start!.name}..${end!.name} runs backwards`, step);
            return undefined;
        }
        return [start!, end!];
    }

    /**
     * A step is visible when its lane stands above the line of visibility; with no such line,
     * backstage and support steps are hidden. A written `visibility` wins.
     */
    private applyVisibility(lanes: LaneModel[], lines: LineModel[]): void {
        const visibilityLine = lines.find(line => line.kind === 'visibility');
        lanes.forEach((lane, index) => {
            const hidden = visibilityLine ? index >= visibilityLine.position : lane.kind === 'backstage' || lane.kind === 'support';
            for (const step of lane.steps) {
                if (!step.visibilityExplicit) step.visibility = hidden ? 'hidden' : 'visible';
            }
        });
    }

    private lines(): LineModel[] {
        return linesInForce(this.blueprint).map(line => {
            const model: LineModel = { kind: line.kind, position: line.position, written: line.written };
            put(model, 'label', line.label);
            if (line.node) model.range = rangeOf(line.node);
            return model;
        });
    }

    private touchpoints(): TouchpointModel[] {
        const sections = this.blueprint.members.filter(isSection);
        const result: TouchpointModel[] = [];
        for (const { node, section } of placedMembers(this.blueprint)) {
            if (!isTouchpoint(node)) continue;
            if (!this.included(node)) {
                this.undrawn.add(node);
                continue;
            }
            const phase = node.phase?.ref;
            const phaseIndex = phase ? this.phaseIndex.get(phase) : undefined;
            if (phaseIndex === undefined) {
                this.omit('touchpoint', node.name, `its phase '${node.phase?.$refText ?? ''}' does not exist`, node);
                this.undrawn.add(node);
                continue;
            }
            const channel = findProperty(node, 'channel')?.value;
            const model: TouchpointModel = { id: node.name, title: node.title ?? node.name, phase: phase!.name, phaseIndex, systems: this.systemRefs(node), ...notesOf(node), range: rangeOf(node) };
            put(model, 'section', section ? sections.indexOf(section) : undefined);
            put(model, 'description', findProperty(node, 'description')?.value);
            put(model, 'channel', channel);
            put(model, 'contactType', channel ? contactTypeOf(channel) : undefined);
            put(model, 'documentation', docCommentOf(node));
            result.push(model);
        }
        return result;
    }

    private arrows(): ArrowModel[] {
        const counts = new Map<string, number>();
        const arrows: ArrowModel[] = [];
        for (const link of allArrowLinks(this.blueprint)) {
            const from = link.from?.ref;
            const to = link.to?.ref;
            if (!from || !to || this.undrawn.has(from) || this.undrawn.has(to)) {
                const label = `${link.from?.$refText ?? ''} ${link.segment.op} ${link.to?.$refText ?? ''}`;
                this.omit('arrow', label, 'one of its ends is missing from the drawing', link.segment);
                continue;
            }
            const key = `${from.name}->${to.name}`;
            const count = (counts.get(key) ?? 0) + 1;
            counts.set(key, count);
            const arrow: ArrowModel = { id: count === 1 ? key : `${key}#${count}`, from: from.name, to: to.name, kind: ARROW_KINDS[link.segment.op], range: rangeOf(link.segment) };
            put(arrow, 'label', link.segment.label);
            arrows.push(arrow);
        }
        return arrows;
    }

    private actorRef(ref: Reference<Actor> | undefined, owner: string): string | undefined {
        if (!ref) return undefined;
        const actor = ref.ref;
        if (!actor) {
            this.omit('actor', ref.$refText, `the actor '${ref.$refText}' of ${owner} does not exist`, ref.$refNode?.astNode);
            return undefined;
        }
        return this.declaration(actor).id;
    }

    private systemRefs(node: Step | Touchpoint): string[] {
        const names: string[] = [];
        for (const uses of findProperties(node, 'uses')) {
            for (const ref of uses.systems) {
                if (ref.ref) names.push(this.declaration(ref.ref).id);
                else this.omit('system', ref.$refText, `the system '${ref.$refText}' of '${node.name}' does not exist`, uses);
            }
        }
        return names;
    }

    private declaration(node: Actor | System): DeclarationModel {
        const registry = node.$type === 'Actor' ? this.actors : this.systems;
        let model = registry.get(node.name);
        if (!model) {
            model = { id: node.name, title: node.title ?? node.name, uri: AstUtils.getDocument(node).uri.toString(), range: rangeOf(node) };
            put(model, 'description', findProperty(node, 'description')?.value);
            registry.set(node.name, model);
        }
        return model;
    }

    private deriveEmotions(model: BlueprintModel): void {
        // A notes lane is commentary: its steps are never on the emotion curve.
        const steps = model.lanes.filter(lane => lane.kind !== 'notes').flatMap(lane => lane.steps);
        for (const step of steps) {
            const effective = step.emotion ?? model.phases[step.phaseIndex]?.emotion;
            if (effective !== undefined) step.emotionEffective = effective;
        }
        for (const phase of model.phases) {
            if (phase.emotion !== undefined) {
                phase.emotionDerived = phase.emotion;
                continue;
            }
            const own = steps.filter(s => s.emotion !== undefined && s.phaseIndex <= phase.index && s.endPhaseIndex >= phase.index);
            if (own.length > 0) phase.emotionDerived = Math.round((own.reduce((sum, s) => sum + s.emotion!, 0) / own.length) * 100) / 100;
        }
    }

    private omit(kind: OmittedElement['kind'], id: string, reason: string, node?: AstNode): void {
        this.omitted.push({ kind, id, reason, range: node ? rangeOf(node) : EMPTY_RANGE });
    }
}

function totalsOf(phases: PhaseModel[], lanes: LaneModel[], touchpoints: TouchpointModel[], arrows: ArrowModel[]): BlueprintModel['totals'] {
    const steps = lanes.flatMap(lane => lane.steps);
    const noted = [...phases, ...steps, ...touchpoints];
    return {
        durationSeconds: phases.reduce((sum, phase) => sum + (phase.duration?.seconds ?? 0), 0),
        durationComplete: phases.every(phase => phase.duration !== undefined),
        steps: steps.length,
        touchpoints: touchpoints.length,
        arrows: arrows.length,
        failPoints: [...steps, ...touchpoints].reduce((sum, node) => sum + node.fails.length, 0),
        waitPoints: steps.filter(step => step.wait).length,
        waitSeconds: steps.reduce((sum, step) => sum + (step.wait?.seconds ?? 0), 0),
        painPoints: noted.reduce((sum, node) => sum + node.pains.length, 0),
        opportunities: noted.reduce((sum, node) => sum + node.opportunities.length, 0)
    };
}

/** The five kinds of note, in one pass over the properties (every step and phase has them). */
function notesOf(node: PropertyOwner): Notes {
    const notes: Notes = { fails: [], pains: [], opportunities: [], metrics: [], policies: [] };
    for (const property of propertiesOf(node)) {
        const list = NOTE_LISTS[property.key];
        const value = (property as { value?: unknown }).value;
        if (list && typeof value === 'string') notes[list].push(value);
    }
    return notes;
}

const NOTE_LISTS: Partial<Record<string, keyof Notes>> = { fail: 'fails', pain: 'pains', opportunity: 'opportunities', metric: 'metrics', policy: 'policies' };

function durationOf(text: string | undefined): Duration | undefined {
    if (text === undefined) return undefined;
    const parsed = parseDuration(text);
    return parsed.ok ? { text, seconds: parsed.seconds } : undefined;
}

function emotionOf(node: PropertyOwner): number | undefined {
    const value = findProperty(node, 'emotion')?.value;
    return value !== undefined && value >= -2 && value <= 2 ? value : undefined;
}

function rangeOf(node: AstNode): SourceRange {
    return node.$cstNode?.range ?? EMPTY_RANGE;
}

/** Sets an optional field only when it has a value: keeps the JSON free of undefined and empty text. */
function put<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
    if (value !== undefined && value !== '') target[key] = value;
}

/** A status the language knows; any other word is reported by the checks and left out. */
function statusOf(value: string | undefined): 'as-is' | 'to-be' | undefined {
    return value === 'as-is' || value === 'to-be' ? value : undefined;
}

function visibilityOf(value: string | undefined): 'visible' | 'hidden' | undefined {
    return value === 'visible' || value === 'hidden' ? value : undefined;
}
