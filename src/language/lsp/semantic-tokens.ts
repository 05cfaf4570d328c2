import type { AstNode, Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { AllSemanticTokenTypes } from 'langium/lsp';
import { SemanticTokenModifiers } from 'vscode-languageserver';
import {
    isActor, isArrow, isBlueprint, isByProperty, isLane, isLinkProperty, isPhase, isStep, isSystem, isTouchpoint, isUsesProperty
} from '../generated/ast.js';

/**
 * Our own token types, one per kind of declaration, so a theme or a user's
 * `editor.semanticTokenColorCustomizations` can colour steps apart from phases. package.json
 * declares each with a standard super type, which every theme already colours.
 */
export const SVCBP_TOKEN_TYPES = {
    blueprint: 'namespace', phase: 'enumMember', lane: 'class', step: 'function',
    touchpoint: 'event', actor: 'parameter', system: 'interface'
} as const;
export type SvcbpTokenType = keyof typeof SVCBP_TOKEN_TYPES;

const TOKEN_TYPES: Record<string, number> = (() => {
    const types = { ...AllSemanticTokenTypes };
    let next = Math.max(...Object.values(types)) + 1;
    for (const type of Object.keys(SVCBP_TOKEN_TYPES)) types[type] = next++;
    return types;
})();

/** What a declaration is, as a token type; undefined for nodes that declare nothing we colour. */
export function tokenTypeOf(node: AstNode | undefined): SvcbpTokenType | undefined {
    if (isBlueprint(node)) return 'blueprint';
    if (isPhase(node)) return 'phase';
    if (isLane(node)) return 'lane';
    if (isStep(node)) return 'step';
    if (isTouchpoint(node)) return 'touchpoint';
    if (isActor(node)) return 'actor';
    if (isSystem(node)) return 'system';
    return undefined;
}

/**
 * Colours every name by what it is: declarations (with the `declaration` modifier) and the
 * references to them. Keywords are names in this language, so a step called `phase` is coloured
 * as a step, not as the keyword the TextMate grammar sees. Unresolved references get no token.
 */
export class SvcbpSemanticTokenProvider extends AbstractSemanticTokenProvider {
    override get tokenTypes(): Record<string, number> {
        return TOKEN_TYPES;
    }

    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declared = tokenTypeOf(node);
        if (declared && 'name' in node && typeof node.name === 'string') {
            acceptor({ node, property: 'name', type: declared, modifier: SemanticTokenModifiers.declaration });
        }
        if (isStep(node) || isTouchpoint(node)) {
            this.reference(node, 'phase', node.phase, acceptor);
            if (isStep(node)) this.reference(node, 'endPhase', node.endPhase, acceptor);
        } else if (isLane(node)) {
            this.reference(node, 'actor', node.actor, acceptor);
        } else if (isArrow(node)) {
            this.reference(node, 'source', node.source, acceptor);
            for (const segment of node.segments) this.reference(segment, 'target', segment.target, acceptor);
        } else if (isByProperty(node)) {
            this.reference(node, 'actor', node.actor, acceptor);
        } else if (isUsesProperty(node)) {
            node.systems.forEach((system, index) => this.reference(node, 'systems', system, acceptor, index));
        } else if (isLinkProperty(node)) {
            this.reference(node, 'target', node.target, acceptor);
        }
    }

    private reference(node: AstNode, property: string, reference: Reference | undefined, acceptor: SemanticTokenAcceptor, index?: number): void {
        const type = tokenTypeOf(reference?.ref);
        if (type) acceptor({ node, property, index, type });
    }
}
