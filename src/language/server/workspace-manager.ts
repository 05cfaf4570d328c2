import { DefaultWorkspaceManager, type FileSystemNode, type LangiumDocument, type Stream, type URI } from 'langium';
import { refusalOf, type SizedFileSystemNode } from './file-limits.js';

/**
 * Langium's workspace manager, for a folder that holds a file it cannot read (too large,
 * unreadable, gone since the folder was listed): that file is left out with a line in the
 * server's log. Langium gave up on the whole start-up then, and the server never answered again.
 */
export class SvcbpWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                console.warn(`Left out ${uri.fsPath}: ${(error as Error).message}`);
            }
        }));
    }

    /** A file that changed on disk and is now too large to read is left out too. */
    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        return super.shouldIncludeEntry(entry) && !(entry.isFile && refusalOf(entry.uri.fsPath, entry as SizedFileSystemNode));
    }
}
