import type { FileSystemNode } from 'langium';

/**
 * The most svcbp reads of one file: a thousand times the largest realistic blueprint (~25 KB),
 * and far from what a string can hold (`check /dev/zero` once read 600 MB and failed with
 * "Invalid string length").
 */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A file system entry with what the Node file system also knows: its size and, when it is not a regular file, what it is. */
export interface SizedFileSystemNode extends FileSystemNode {
    readonly size?: number;
    /** In words, for a path that is neither a regular file nor a folder: "a named pipe", "a character device", … */
    readonly special?: string;
}

/** A size in the unit a person reads it in. */
export function describeSize(bytes: number): string {
    if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
    if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${bytes} bytes`;
}

/** Why a file is not read, in words (naming `name`), or undefined when it can be. */
export function refusalOf(name: string, node: SizedFileSystemNode): string | undefined {
    if (!node.isFile && !node.isDirectory) return `${name} is not a regular file (it is ${node.special ?? 'a special file'}); svcbp reads only regular files.`;
    if (node.isFile && node.size !== undefined && node.size > MAX_FILE_BYTES) {
        return `${name} is ${describeSize(node.size)}, more than the ${describeSize(MAX_FILE_BYTES)} svcbp reads of one file.`;
    }
    return undefined;
}
