import { closeSync, constants, fstatSync, openSync, promises, readSync, statSync, type Stats } from 'node:fs';
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { MAX_FILE_BYTES, refusalOf, type SizedFileSystemNode } from './file-limits.js';
import { firstInvalidUtf8, type Utf8Problem } from '../parse/utf8.js';

/** Something the file system will not read, said in words that name the path. */
export class FileRefused extends Error {}

/**
 * Langium's Node file system, careful with what it reads: only regular files (opening a named
 * pipe would wait for a writer for ever), at most MAX_FILE_BYTES, and a note of where the first
 * byte that is not UTF-8 was (it is read as U+FFFD), for the CLI to warn about.
 */
export class SvcbpNodeFileSystemProvider extends NodeFileSystemProvider {
    /** Files read whose bytes were not all UTF-8, by URI. */
    readonly invalidUtf8 = new Map<string, Utf8Problem>();

    /** Where the first byte that is not UTF-8 was when the file was last read (Utf8Notes). */
    utf8ProblemOf(uri: string): Utf8Problem | undefined {
        return this.invalidUtf8.get(uri);
    }

    override async stat(uri: URI): Promise<SizedFileSystemNode> {
        return nodeOf(uri, await promises.stat(uri.fsPath));
    }

    override statSync(uri: URI): SizedFileSystemNode {
        return nodeOf(uri, statSync(uri.fsPath));
    }

    /** The same read as readFileSync: a blueprint is small, and one code path reads it. */
    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    override readFileSync(uri: URI): string {
        refuseUnlessReadable(uri, statSync(uri.fsPath));
        // Not blocking: should a pipe take the file's place after the look, it reads as empty.
        const fd = openSync(uri.fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
            refuseUnlessReadable(uri, fstatSync(fd));
            const bytes = readAtMost(fd, MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) throw new FileRefused(refusalOf(uri.fsPath, { isFile: true, isDirectory: false, uri, size: bytes.length }));
            // A file with NUL bytes is not text at all, and the lexer says so at 1:1: one message is enough.
            const problem = bytes.includes(0) ? undefined : firstInvalidUtf8(bytes);
            if (problem) this.invalidUtf8.set(uri.toString(), problem);
            else this.invalidUtf8.delete(uri.toString());
            return bytes.toString('utf8');
        } finally {
            closeSync(fd);
        }
    }
}

export const SvcbpNodeFileSystem = {
    fileSystemProvider: () => new SvcbpNodeFileSystemProvider()
};

/** What the file system knows of a path, as a node: size, and what it is when not a regular file. */
export function nodeOf(uri: URI, stats: Stats): SizedFileSystemNode {
    return { isFile: stats.isFile(), isDirectory: stats.isDirectory(), uri, size: stats.size, special: specialKind(stats) };
}

/** Up to `limit` bytes of an open file, read to its end or the limit. */
function readAtMost(fd: number, limit: number): Buffer {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
        const chunk = Buffer.allocUnsafe(Math.min(64 * 1024, limit - total));
        const read = readSync(fd, chunk, 0, chunk.length, null);
        if (read === 0) break;
        chunks.push(chunk.subarray(0, read));
        total += read;
    }
    return Buffer.concat(chunks, total);
}

function refuseUnlessReadable(uri: URI, stats: Stats): void {
    const refusal = refusalOf(uri.fsPath, nodeOf(uri, stats));
    if (refusal) throw new FileRefused(refusal);
}

/** What a path is when it is neither a regular file nor a folder. */
function specialKind(stats: Stats): string | undefined {
    if (stats.isFile() || stats.isDirectory()) return undefined;
    if (stats.isFIFO()) return 'a named pipe';
    if (stats.isCharacterDevice()) return 'a character device';
    if (stats.isBlockDevice()) return 'a block device';
    if (stats.isSocket()) return 'a socket';
    return 'a special file';
}
