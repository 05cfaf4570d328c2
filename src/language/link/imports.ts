import { DocumentState, UriUtils, WorkspaceCache, type FileSystemProvider, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import { isSvcbpFile, type Import, type SvcbpFile } from '../generated/ast.js';
import { refusalOf, type SizedFileSystemNode } from '../server/file-limits.js';

export const FILE_EXTENSION = '.svcbp';

/** The file an import names: relative to the importing file, `.svcbp` optional. */
export function importTarget(from: URI, path: string): URI {
    const resolved = UriUtils.resolvePath(UriUtils.dirname(from), path);
    return path.endsWith(FILE_EXTENSION) ? resolved : resolved.with({ path: resolved.path + FILE_EXTENSION });
}

export function importsOf(document: LangiumDocument): Import[] {
    const root = document.parseResult?.value;
    return isSvcbpFile(root) ? root.imports : [];
}

/**
 * Which documents a document imports, and which import it. Imports are resolved against the
 * loaded documents (so an open, unsaved editor wins over the disk); the document builder loads
 * imported files before linking.
 */
export class ImportResolver {
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;
    private readonly importedCache: WorkspaceCache<string, Array<LangiumDocument<SvcbpFile>>>;

    constructor(shared: LangiumSharedCoreServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.fileSystem = shared.workspace.FileSystemProvider;
        // Emptied once the build has loaded and indexed the imports (see SvcbpScopeProvider).
        this.importedCache = new WorkspaceCache(shared, DocumentState.IndexedContent);
    }

    /** The loaded document an import points at, if any. */
    resolve(imp: Import, from: URI): LangiumDocument<SvcbpFile> | undefined {
        if (!imp.path) return undefined;
        return this.documents.getDocument(importTarget(from, imp.path)) as LangiumDocument<SvcbpFile> | undefined;
    }

    /** Directly imported documents, in import order, without duplicates and without itself. */
    importedDocuments(document: LangiumDocument): Array<LangiumDocument<SvcbpFile>> {
        return this.importedCache.get(document.uri.toString(), () => {
            const seen = new Set<string>([document.uri.toString()]);
            const result: Array<LangiumDocument<SvcbpFile>> = [];
            for (const imp of importsOf(document)) {
                const target = this.resolve(imp, document.uri);
                if (target && !seen.has(target.uri.toString())) {
                    seen.add(target.uri.toString());
                    result.push(target);
                }
            }
            return result;
        });
    }

    /** Documents that import the given one directly. */
    importersOf(document: LangiumDocument): LangiumDocument[] {
        const uri = document.uri.toString();
        return this.documents.all
            .filter(other => other !== document && importsOf(other).some(imp => imp.path !== undefined && importTarget(other.uri, imp.path).toString() === uri))
            .toArray();
    }

    /** Why an import does not resolve, in words; undefined when it does. */
    explainUnresolved(imp: Import, from: URI): string | undefined {
        if (this.resolve(imp, from)) return undefined;
        const path = imp.path ?? '';
        // `import ""` resolves to this file's own folder: say what is missing, not "a folder".
        if (path.trim() === '') return `An import needs a path, relative to this file: import "common/platform".`;
        const literal = UriUtils.resolvePath(UriUtils.dirname(from), path);
        const node = this.statSafe(literal);
        if (node?.isDirectory) {
            return `'${path}' is a folder, not a file. Import a ${FILE_EXTENSION} file inside it, e.g. "${path.replace(/\/$/, '')}/name".`;
        }
        if (node?.isFile && !path.endsWith(FILE_EXTENSION)) {
            return `'${path}' is not a ${FILE_EXTENSION} file; only ${FILE_EXTENSION} files can be imported.`;
        }
        const shown = path.endsWith(FILE_EXTENSION) ? path : `${path}${FILE_EXTENSION}`;
        const target = this.statSafe(importTarget(from, path));
        if (target?.isDirectory) return `'${shown}' is a folder, not a file.`;
        if (target) return refusalOf(`'${shown}'`, target) ?? `Cannot read '${shown}'.`;
        if (node && !node.isFile) return refusalOf(`'${path}'`, node);
        return `Cannot find '${shown}' (paths are relative to this file).`;
    }

    private statSafe(uri: URI): SizedFileSystemNode | undefined {
        try {
            return this.fileSystem.statSync(uri);
        } catch {
            return undefined;
        }
    }
}
