import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createSvcbpServices, type SvcbpServices } from '../language/svcbp-module.js';
import type { SvcbpFile } from '../language/generated/ast.js';
import { FILE_EXTENSION } from '../language/imports.js';
import { UsageError } from './errors.js';

export interface LoadedWorkspace {
    services: SvcbpServices;
    /** The documents the user named (directly or through a folder), in a stable order. */
    documents: Array<LangiumDocument<SvcbpFile>>;
}

/** Expands paths (files, or folders searched recursively for .svcbp files) to absolute file paths. */
export function collectFiles(paths: string[]): string[] {
    const files = new Set<string>();
    for (const path of paths) {
        const absolute = resolve(path);
        if (!existsSync(absolute)) throw new UsageError(`No such file or folder: ${path}`);
        if (statSync(absolute).isDirectory()) {
            const found = findBlueprintFiles(absolute);
            if (found.length === 0) throw new UsageError(`No ${FILE_EXTENSION} files in ${path}`);
            found.forEach(file => files.add(file));
        } else {
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
        return entry.isFile() && extname(entry.name) === FILE_EXTENSION ? [path] : [];
    });
}

/**
 * Loads the files into a fresh Langium workspace, with what they import, and builds them
 * (parse, link, validate) exactly as the language server does.
 */
export async function loadWorkspace(files: string[], checks?: Record<string, string>): Promise<LoadedWorkspace> {
    const { Svcbp: services } = createSvcbpServices(NodeFileSystem);
    if (checks) services.checks.CheckSettings.setOverrides(checks, '--checks');
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents: Array<LangiumDocument<SvcbpFile>> = [];
    for (const file of files) {
        try {
            documents.push(await langiumDocuments.getOrCreateDocument(URI.file(file)) as LangiumDocument<SvcbpFile>);
        } catch (error) {
            throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
        }
    }
    // A copy: the builder adds the imported documents to the list it is given.
    await services.shared.workspace.DocumentBuilder.build([...documents], { validation: true });
    return { services, documents };
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
