import { readdirSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { createSvcbpCoreServices, type SvcbpCoreServices } from '../language/svcbp-module.js';
import type { SvcbpFile } from '../language/generated/ast.js';
import { refusalOf } from '../language/server/file-limits.js';
import { FILE_EXTENSION } from '../language/link/imports.js';
import { nodeOf, SvcbpNodeFileSystem, type SvcbpNodeFileSystemProvider } from '../language/server/node-file-system.js';
import { byteName, type Utf8Problem } from '../language/parse/utf8.js';
import { UsageError } from './errors.js';

export interface LoadedWorkspace {
    services: SvcbpCoreServices;
    /** The documents the user named (directly or through a folder), in a stable order. */
    documents: Array<LangiumDocument<SvcbpFile>>;
    /** Files read with bytes that are not UTF-8 (named or imported), by URI: where the first one is. */
    invalidUtf8: ReadonlyMap<string, Utf8Problem>;
}

/**
 * Expands paths (files, or folders searched recursively for .svcbp files) to absolute file paths.
 * A named path that is not a regular file (a pipe, a device) or is too large to read is refused
 * before anything reads it; in a folder such a file is left out with a warning.
 */
export function collectFiles(paths: string[]): string[] {
    const files = new Set<string>();
    for (const path of paths) {
        const absolute = resolve(path);
        const stats = statOrUndefined(absolute);
        if (!stats) throw new UsageError(`No such file or folder: ${path}`);
        if (stats.isDirectory()) {
            const found = findBlueprintFiles(absolute);
            if (found.length === 0) throw new UsageError(`No ${FILE_EXTENSION} files in ${path}`);
            found.forEach(file => files.add(file));
        } else {
            const refusal = refusalOf(path, nodeOf(URI.file(absolute), stats));
            if (refusal) throw new UsageError(refusal);
            if (extname(absolute) !== FILE_EXTENSION) throw new UsageError(`${path} is not a ${FILE_EXTENSION} file; svcbp reads only ${FILE_EXTENSION} files.`);
            files.add(absolute);
        }
    }
    return [...files].sort();
}

function findBlueprintFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
        const path = join(dir, entry.name);
        if (entry.isDirectory()) return findBlueprintFiles(path);
        if (extname(entry.name) !== FILE_EXTENSION) return [];
        // A link to a regular file counts; a pipe, a device or a file too large is left out, and said so.
        const stats = statOrUndefined(path);
        const refusal = stats && refusalOf(shown(path), nodeOf(URI.file(path), stats));
        if (refusal) process.stderr.write(`warning: left out: ${refusal}\n`);
        return stats?.isFile() && !refusal ? [path] : [];
    });
}

/**
 * Loads the files into a fresh Langium workspace, with what they import, and builds them
 * (parse, link, validate) exactly as the language server does. Bytes that are not UTF-8 read
 * as U+FFFD, and a warning says where the first one is. The language's services are made here,
 * without the editor's features, unless a command that needs those (format) brings its own.
 */
export async function loadWorkspace(
    files: string[], checks?: Record<string, string>, services: SvcbpCoreServices = createSvcbpCoreServices(SvcbpNodeFileSystem).Svcbp
): Promise<LoadedWorkspace> {
    if (checks) services.checks.CheckSettings.setOverrides(checks, '--checks');
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents: Array<LangiumDocument<SvcbpFile>> = [];
    for (const file of files) {
        try {
            documents.push(await langiumDocuments.getOrCreateDocument(URI.file(file)) as LangiumDocument<SvcbpFile>);
        } catch (error) {
            throw new UsageError(`Cannot read ${shown(file)}: ${(error as Error).message}`);
        }
    }
    // A copy: the builder adds the imported documents to the list it is given.
    await services.shared.workspace.DocumentBuilder.build([...documents], { validation: true });
    const invalidUtf8 = (services.shared.workspace.FileSystemProvider as SvcbpNodeFileSystemProvider).invalidUtf8;
    // The files named; an imported one gets the not-utf8 warning on its import instead.
    const named = new Set(documents.map(document => document.uri.toString()));
    for (const [uri, problem] of invalidUtf8) {
        if (!named.has(uri)) continue;
        process.stderr.write(`warning: ${shown(URI.parse(uri).fsPath)}:${problem.line}:${problem.column}: byte ${byteName(problem)} is not UTF-8; it and any like it read as U+FFFD. Save the file as UTF-8.\n`);
    }
    return { services, documents, invalidUtf8 };
}

/** A path as the user would write it: relative to the working folder. */
export function shown(path: string): string {
    return relative(process.cwd(), path) || path;
}

function statOrUndefined(path: string): Stats | undefined {
    try {
        return statSync(path);
    } catch {
        return undefined;
    }
}

/** `--checks code=severity,code=severity` as an object. */
export function parseChecksFlag(value: string | undefined): Record<string, string> | undefined {
    if (!value) return undefined;
    const result: Record<string, string> = {};
    for (const pair of value.split(',').map(p => p.trim()).filter(Boolean)) {
        const [code, severity] = pair.split('=').map(s => s.trim());
        if (!code || !severity) throw new UsageError(`--checks takes code=severity pairs, e.g. --checks touchpoint-unused=off; got '${pair}'.`);
        result[code] = severity;
    }
    return result;
}
