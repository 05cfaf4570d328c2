/**
 * What a rebuild of `svcbp site` keeps from the last one, in the output folder: for each source
 * file the digest of its text, the files it imported with their digests, and its blueprint
 * models; for each page the key it was drawn with. A file whose text and imports are unchanged
 * is not parsed again; a page whose key is unchanged is not drawn again.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BlueprintModel } from '../model/types.js';
import { MAX_FILE_BYTES } from '../language/server/file-limits.js';

const CACHE_FILE = '.svcbp-site.json';
const VERSION = 2;

export interface CachedFile {
    digest: string | undefined;
    /** Absolute paths of the files it imports, and their digests when it was read (none: not a readable file). */
    imports: Array<{ path: string; digest?: string }>;
    models: BlueprintModel[];
}

export interface SiteCache {
    version: typeof VERSION;
    /** The svcbp that built it: models and pages of another version are not reused. */
    builder: string;
    /** The folder the site was built from: models hold absolute URIs, so another folder starts afresh. */
    root: string;
    files: Record<string, CachedFile>;
    pages: Record<string, string>;
}

export const sha256 = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The last build's cache, or an empty one (none yet, another format or svcbp, another source folder). */
export function readCache(out: string, root: string, builder: string): SiteCache {
    const path = join(out, CACHE_FILE);
    const empty: SiteCache = { version: VERSION, builder, root, files: {}, pages: {} };
    if (!existsSync(path)) return empty;
    try {
        const cache = JSON.parse(readFileSync(path, 'utf8')) as SiteCache;
        return cache.version === VERSION && cache.builder === builder && cache.root === root ? cache : empty;
    } catch {
        return empty; // a damaged cache only costs a full build
    }
}

export function writeCache(out: string, cache: SiteCache): void {
    writeFileSync(join(out, CACHE_FILE), JSON.stringify(cache));
}

/**
 * The digest of a file as it is now; undefined when it is gone or not a file svcbp reads (a
 * folder, a pipe, which would wait for ever, or more than the limit): the language reports those.
 */
export function currentDigest(path: string): string | undefined {
    if (!existsSync(path)) return undefined;
    const stats = statSync(path);
    return stats.isFile() && stats.size <= MAX_FILE_BYTES ? sha256(readFileSync(path)) : undefined;
}

/** currentDigest, each file read once in a build: a shared file is imported by many. */
export function digestsOnce(): (path: string) => string | undefined {
    const known = new Map<string, string | undefined>();
    return path => {
        if (!known.has(path)) known.set(path, currentDigest(path));
        return known.get(path);
    };
}

/** The cached file, when its text and every file it imports are as they were. */
export function reusable(cached: CachedFile | undefined, fileDigest: (path: string) => string | undefined, path: string): CachedFile | undefined {
    if (!cached || cached.digest !== fileDigest(path)) return undefined;
    return cached.imports.every(imported => fileDigest(imported.path) === imported.digest) ? cached : undefined;
}
