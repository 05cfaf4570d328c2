import {
    Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled,
    type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { refusalOf, type SizedFileSystemNode } from '../server/file-limits.js';
import { importTarget, importsOf } from './imports.js';

/**
 * Langium's builder, plus what imports need: imported files are loaded (from the open editors
 * or the file system) before linking, importers are relinked when an imported file changes, and
 * imported files are re-validated when an importer changes (their `unused-declaration` hints
 * count the importer's references). Every state a document reaches is told to whoever waits
 * for it, and a request about a document the editor has just opened waits for it to be loaded.
 */
export class SvcbpDocumentBuilder extends DefaultDocumentBuilder {
    /** Requests waiting for an open document to be loaded, by URI. */
    private readonly loadWaiters = new Map<string, Set<() => void>>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        // One listener for every waiter: Langium calls its update listeners with `map` over the
        // array that disposing one splices, so a listener that removed itself skipped the next.
        this.onUpdate(changed => this.wakeLoadWaiters(changed));
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

    /**
     * A request about a document the editor opened while another build ran (Langium loads it only
     * when that build is done) waits for the update that loads it, instead of failing with "No
     * document found": VS Code takes that for a cancellation and shows no outline.
     */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        if (this.langiumDocuments.hasDocument(uri) || !this.textDocuments?.get(uri)) return super.awaitDocumentState(state, uri, cancelToken);
        return this.whenLoaded(uri, cancelToken).then(() => super.awaitDocumentState(state, uri, cancelToken));
    }

    /** Resolves at the update that brings the open document in (or once it is no longer open). */
    private whenLoaded(uri: URI, cancelToken: CancellationToken): Promise<void> {
        const key = uri.toString();
        const waiters = this.loadWaiters.get(key) ?? new Set<() => void>();
        this.loadWaiters.set(key, waiters);
        return new Promise<void>((resolve, reject) => {
            const wake = () => {
                cancel.dispose();
                resolve();
            };
            const cancel = cancelToken.onCancellationRequested(() => {
                waiters.delete(wake);
                reject(OperationCancelled);
            });
            waiters.add(wake);
        });
    }

    private wakeLoadWaiters(changed: URI[]): void {
        if (this.loadWaiters.size === 0) return;
        const keys = new Set(changed.map(uri => uri.toString()));
        for (const [key, waiters] of this.loadWaiters) {
            if (!keys.has(key) && this.textDocuments?.get(key)) continue;
            this.loadWaiters.delete(key);
            waiters.forEach(wake => wake());
        }
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
                // Parsing here is not wasted: the build's parse phase skips parsed documents, so
                // it would not tell an outline or formatting request waiting for this one either.
                await this.langiumDocumentFactory.update(document, cancelToken);
                document.state = DocumentState.Parsed;
                await this.notifyDocumentPhase(document, DocumentState.Parsed, cancelToken);
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
            // Only a regular file of a size svcbp reads: opening a named pipe would wait for ever.
            const node: SizedFileSystemNode = await this.fileSystemProvider.stat(uri);
            if (!node.isFile || refusalOf(uri.fsPath, node)) return undefined;
            return await this.langiumDocuments.getOrCreateDocument(uri, cancelToken);
        } catch {
            return undefined; // missing or unreadable: the validator reports `unresolved-import`
        }
    }
}
