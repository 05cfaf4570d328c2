import {
    AstUtils, CstUtils, DefaultReferenceDescriptionProvider, DefaultReferences, stream,
    type AstNode, type AstNodeLocator, type FindReferencesOptions, type LangiumDocument,
    type ReferenceDescription, type Stream
} from 'langium';
import type { SvcbpCoreServices } from '../svcbp-module.js';
import type { SvcbpFile } from '../generated/ast.js';
import { referenceSites } from './ast-walk.js';

/**
 * The workspace index keeps only references that cross files: those are the ones other documents
 * need (relinking, find-references from elsewhere). References within a file are read from the
 * file's own linked references on demand (see SvcbpReferences), which spares the index a
 * description per reference on every keystroke.
 */
export class SvcbpReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        const uri = document.uri.toString();
        const result: ReferenceDescription[] = [];
        for (const site of referenceSites(document.parseResult.value as SvcbpFile)) {
            const target = site.reference.$nodeDescription;
            if (target && target.documentUri.toString() !== uri) result.push(...this.createInfoDescriptions(site));
        }
        return result;
    }
}

export class SvcbpReferences extends DefaultReferences {
    private readonly locator: AstNodeLocator;

    constructor(services: SvcbpCoreServices) {
        super(services);
        this.locator = services.workspace.AstNodeLocator;
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const fromIndex = super.findReferences(targetNode, options).toArray();
        const document = AstUtils.getDocument(targetNode);
        if (options.documentUri && options.documentUri.toString() !== document.uri.toString()) return stream(fromIndex);
        return stream([...fromIndex, ...this.localReferences(targetNode, document)]);
    }

    private localReferences(targetNode: AstNode, document: LangiumDocument): ReferenceDescription[] {
        const targetPath = this.locator.getAstNodePath(targetNode);
        return referenceSites(document.parseResult.value as SvcbpFile)
            .filter(site => site.reference.ref === targetNode && site.reference.$refNode)
            .map(site => ({
                sourceUri: document.uri,
                sourcePath: this.locator.getAstNodePath(site.container),
                targetUri: document.uri,
                targetPath,
                segment: CstUtils.toDocumentSegment(site.reference.$refNode!),
                local: true
            }));
    }
}
