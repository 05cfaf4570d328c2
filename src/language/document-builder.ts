import {
    Cancellation, DefaultDocumentBuilder, DocumentState,
    type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { importTarget, importsOf } from './imports.js';

/**
 * Langium's builder, plus what imports need: imported files are loaded (from the open editors
 * or the file system) before linking, importers are relinked when an imported file changes, and
 * imported files are re-validated when an importer changes (their `unused-declaration` hints
 * count the importer's references).
 */
export class SvcbpDocumentBuilder extends DefaultDocumentBuilder {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        await this.addImportedDocuments(documents, cancelToken);
        await super.buildDocuments(documents, options, cancelToken);
    }

    /**
     * Every listener hears that a document reached a state, even when the build is being
     * cancelled: Langium skips the remaining listeners then, and as later builds skip a phase a
     * document has already reached, a request waiting for it (hover, colours) would never answer.
     * Seen at start-up, when the editor opens files while the first build runs.
     */
    protected override async notifyDocumentPhase(document: LangiumDocument, state: DocumentState, _cancelToken: CancellationToken): Promise<void> {
        await super.notifyDocumentPhase(document, state, Cancellation.CancellationToken.None);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris)
            || importsOf(document).some(imp => imp.path !== undefined && changedUris.has(importTarget(document.uri, imp.path).toString()));
    }

    /** Parses the documents to build, then loads what they import, transitively, into the build. */
    private async addImportedDocuments(documents: LangiumDocument[], cancelToken: CancellationToken): Promise<void> {
        const inBuild = new Set(documents.map(doc => doc.uri.toString()));
        for (let i = 0; i < documents.length; i++) {
            const document = documents[i];
            if (document.state < DocumentState.Parsed) {
                // Parsing here is not wasted: the build's parse phase skips parsed documents.
                await this.langiumDocumentFactory.update(document, cancelToken);
                document.state = DocumentState.Parsed;
            }
            for (const imp of importsOf(document)) {
                if (imp.path === undefined) continue;
                const target = await this.loadIfFile(importTarget(document.uri, imp.path), cancelToken);
                if (!target || inBuild.has(target.uri.toString())) continue;
                inBuild.add(target.uri.toString());
                // An already built import is re-validated: this importer's references count there.
                if (target.state >= DocumentState.Validated) this.resetToState(target, DocumentState.IndexedReferences);
                documents.push(target);
            }
        }
    }

    private async loadIfFile(uri: URI, cancelToken: CancellationToken): Promise<LangiumDocument | undefined> {
        const loaded = this.langiumDocuments.getDocument(uri);
        if (loaded) return loaded;
        try {
            if (!(await this.fileSystemProvider.stat(uri)).isFile) return undefined;
            return await this.langiumDocuments.getOrCreateDocument(uri, cancelToken);
        } catch {
            return undefined; // missing or unreadable: the validator reports `unresolved-import`
        }
    }
}
