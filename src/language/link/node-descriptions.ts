import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type DocumentSegment, type LangiumDocument, type NameProvider, type URI
} from 'langium';

/**
 * Langium's node descriptions, with their path and text positions worked out when read rather
 * than when made: a 5,000-step blueprint describes every name on each keystroke, and only a
 * few descriptions are ever asked where they stand (hover, rename, references, symbols). Read
 * late, the positions are also right after an incremental re-parse moved the text.
 */
export class SvcbpAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const name_ = name ?? this.nameProvider.getName(node);
        if (!name_) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new LazyNodeDescription(node, name_, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

/** One object per description, its positions on the prototype (no closure per description). */
class LazyNodeDescription implements AstNodeDescription {
    readonly type: string;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly locator: AstNodeLocator,
        private readonly names: NameProvider
    ) {
        this.type = node.$type;
    }

    get path(): string {
        return this.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
