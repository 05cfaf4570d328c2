import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';

/**
 * Langium's node descriptions, with their path and text positions worked out when read rather
 * than when made: a 5,000-step blueprint describes every name on each keystroke, and only
 * a few descriptions are ever asked where they stand (hover, rename, references, symbols).
 * Read late, the positions are also right after an incremental re-parse moved the text.
 */
export class SvcbpAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    /** A description per node: an incremental re-parse keeps the nodes it did not touch, and their names. */
    private readonly made = new WeakMap<AstNode, AstNodeDescription>();

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const name_ = name ?? this.nameProvider.getName(node);
        if (!name_) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        const known = this.made.get(node);
        if (known && known.name === name_ && known.documentUri === documentUri) return known;
        const { astNodeLocator, nameProvider } = this;
        const description: AstNodeDescription = {
            node,
            name: name_,
            type: node.$type,
            documentUri,
            get path() { return astNodeLocator.getAstNodePath(node); },
            get nameSegment() { return CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode); },
            get selectionSegment() { return CstUtils.toDocumentSegment(node.$cstNode); }
        };
        this.made.set(node, description);
        return description;
    }
}
