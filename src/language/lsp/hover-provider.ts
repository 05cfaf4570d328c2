import { AstNodeHoverProvider } from 'langium/lsp';
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isActor, isBlueprint, isImport, isLane, isPhase, isStep, isSystem, isTouchpoint,
    type Actor, type Blueprint, type Lane, type Node, type Phase, type Step, type System, type Touchpoint
} from '../generated/ast.js';
import { allArrowLinks, findProperties, findProperty, lanesOf, touchpointsOf } from '../link/blueprint-contents.js';
import { docCommentOf } from '../parse/doc-comments.js';
import type { ImportResolver } from '../link/imports.js';
import type { SvcbpServices } from './lsp-module.js';
import { contactTypeOf } from '../../model/channels.js';

const ARROW_WORDS: Record<string, string> = { '->': 'flows to', '<->': 'two-way with', '~>': 'async to', '..>': 'enables' };

/**
 * Hover for a designer: what a step, phase, touchpoint, lane, actor, system or blueprint is and how
 * it connects, with its doc comment; on an import, what the imported file declares.
 */
export class SvcbpHoverProvider extends AstNodeHoverProvider {
    private readonly imports: ImportResolver;

    constructor(services: SvcbpServices) {
        super(services);
        this.imports = services.imports.ImportResolver;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findLeafNodeAtOffset(root, offset) : undefined;
        const node = leaf?.astNode;
        if (isImport(node)) return this.importHover(node, document);
        return super.getHoverContent(document, params);
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const parts: string[] = [];
        if (isStep(node)) parts.push(...stepHover(node));
        else if (isPhase(node)) parts.push(...phaseHover(node));
        else if (isTouchpoint(node)) parts.push(...touchpointHover(node));
        else if (isLane(node)) parts.push(...laneHover(node));
        else if (isActor(node) || isSystem(node)) parts.push(...declarationHover(node));
        else if (isBlueprint(node)) parts.push(...blueprintHover(node));
        else return undefined;
        const doc = docCommentOf(node);
        if (doc) parts.splice(1, 0, md(doc));
        return parts.join('\n\n');
    }

    private importHover(node: AstNode & { path?: string }, document: LangiumDocument): Hover | undefined {
        const target = this.imports.resolve(node as never, document.uri);
        if (!target) return undefined;
        const declarations = target.parseResult.value.elements.map(e => `- ${e.$type.toLowerCase()} \`${e.name}\`${e.title ? ` — ${md(e.title)}` : ''}`);
        return {
            contents: { kind: 'markdown', value: [`**import** \`${node.path}\``, declarations.length ? declarations.join('\n') : '_declares nothing_'].join('\n\n') }
        };
    }
}

function heading(kind: string, name: string, title?: string): string {
    return `**${kind}** \`${name}\`${title ? ` — ${md(title)}` : ''}`;
}

function stepHover(step: Step): string[] {
    const lane = step.$container;
    const lines: string[] = [];
    const phases = step.endPhase?.ref ? `${phaseName(step.phase?.ref)} → ${phaseName(step.endPhase.ref)}` : phaseName(step.phase?.ref);
    lines.push(`Lane: ${md(lane.title ?? lane.name)} (${lane.kind})`, `Phase: ${phases}`);
    const actor = findProperty(step, 'by')?.actor?.ref ?? lane.actor?.ref;
    if (actor) lines.push(`Actor: ${md(actor.title ?? actor.name)}`);
    const duration = findProperty(step, 'duration')?.value;
    if (duration) lines.push(`Duration: ${duration}`);
    const wait = findProperty(step, 'wait');
    if (wait) lines.push(`Wait point: ${wait.value}${wait.text ? ` — ${md(wait.text)}` : ''}`);
    for (const fail of findProperties(step, 'fail')) lines.push(`Fail point: ${md(fail.value)}`);
    const systems = findProperties(step, 'uses').flatMap(u => u.systems.map(s => s.ref?.title ?? s.$refText));
    if (systems.length) lines.push(`Systems: ${systems.map(md).join(', ')}`);
    if (findProperty(step, 'decision')) lines.push('Decision');
    const blueprint = AstUtils.getContainerOfType(step, isBlueprint);
    if (blueprint) lines.push(...arrowLines(step, blueprint));
    return [heading('step', step.name, step.title), lines.join('  \n')];
}

function arrowLines(node: Node, blueprint: Blueprint): string[] {
    const incoming: string[] = [];
    const outgoing: string[] = [];
    for (const link of allArrowLinks(blueprint)) {
        const label = link.segment.label ? ` "${md(link.segment.label)}"` : '';
        if (link.from?.ref === node && link.to?.ref) outgoing.push(`${ARROW_WORDS[link.segment.op]} \`${link.to.ref.name}\`${label}`);
        if (link.to?.ref === node && link.from?.ref) incoming.push(`from \`${link.from.ref.name}\` (${link.segment.op})${label}`);
    }
    return [
        ...(incoming.length ? [`Arrows in: ${incoming.join(', ')}`] : []),
        ...(outgoing.length ? [`Arrows out: ${outgoing.join(', ')}`] : [])
    ];
}

function phaseHover(phase: Phase): string[] {
    const lines: string[] = [];
    const duration = findProperty(phase, 'duration')?.value;
    if (duration) lines.push(`Duration: ${duration}`);
    const emotion = findProperty(phase, 'emotion')?.value;
    if (emotion !== undefined) lines.push(`Emotion: ${emotion > 0 ? '+' : ''}${emotion}`);
    for (const pain of findProperties(phase, 'pain')) lines.push(`Pain: ${md(pain.value)}`);
    for (const opportunity of findProperties(phase, 'opportunity')) lines.push(`Opportunity: ${md(opportunity.value)}`);
    const blueprint = phase.$container;
    const phases = blueprint.members.filter(isPhase);
    const index = phases.indexOf(phase);
    for (const lane of lanesOf(blueprint)) {
        const steps = lane.steps.filter(step => {
            const start = step.phase?.ref ? phases.indexOf(step.phase.ref) : -1;
            const end = step.endPhase?.ref ? phases.indexOf(step.endPhase.ref) : start;
            return start <= index && index <= end && start >= 0;
        });
        if (steps.length) lines.push(`${md(lane.title ?? lane.name)}: ${steps.map(s => md(s.title ?? s.name)).join(', ')}`);
    }
    const touchpoints = touchpointsOf(blueprint).filter(t => t.phase?.ref === phase);
    if (touchpoints.length) lines.push(`Touchpoints: ${touchpoints.map(t => md(t.title ?? t.name)).join(', ')}`);
    return [heading('phase', phase.name, phase.title), lines.join('  \n')];
}

function touchpointHover(touchpoint: Touchpoint): string[] {
    const lines = [`Phase: ${phaseName(touchpoint.phase?.ref)}`];
    const channel = findProperty(touchpoint, 'channel')?.value;
    if (channel) lines.push(`Channel: ${channel}${contactTypeOf(channel) ? ` (${contactTypeOf(channel)})` : ''}`);
    for (const fail of findProperties(touchpoint, 'fail')) lines.push(`Fail point: ${md(fail.value)}`);
    const blueprint = AstUtils.getContainerOfType(touchpoint, isBlueprint);
    if (blueprint) lines.push(...arrowLines(touchpoint, blueprint));
    return [heading('touchpoint', touchpoint.name, touchpoint.title), lines.join('  \n')];
}

function laneHover(lane: Lane): string[] {
    const lines = [`Kind: ${lane.kind}`, `Steps: ${lane.steps.length}`];
    if (lane.actor?.ref) lines.splice(1, 0, `Actor: ${md(lane.actor.ref.title ?? lane.actor.ref.name)}`);
    return [heading('lane', lane.name, lane.title), lines.join('  \n')];
}

function declarationHover(node: Actor | System): string[] {
    const kind = isActor(node) ? 'actor' : 'system';
    const description = findProperty(node, 'description')?.value;
    const file = AstUtils.getDocument(node).uri.path.split('/').pop();
    return [heading(kind, node.name, node.title), [description && md(description), `Declared in ${file}`].filter(Boolean).join('  \n')];
}

function blueprintHover(blueprint: Blueprint): string[] {
    const description = findProperty(blueprint, 'description')?.value;
    const phases = blueprint.members.filter(isPhase).length;
    const steps = lanesOf(blueprint).reduce((sum, lane) => sum + lane.steps.length, 0);
    return [heading('blueprint', blueprint.name, blueprint.title), [description && md(description), `${phases} phases, ${steps} steps`].filter(Boolean).join('  \n')];
}

function phaseName(phase: Phase | undefined): string {
    return phase ? md(phase.title ?? phase.name) : '?';
}

/** User text inside Markdown: its own Markdown and HTML are shown as written, not interpreted. */
function md(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, c => `\\${c}`).replace(/\n/g, '  \n');
}
