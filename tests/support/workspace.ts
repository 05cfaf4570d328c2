import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createSvcbpServices } from '../../src/language/lsp/lsp-module.js';
import type { SvcbpFile } from '../../src/language/generated/ast.js';
import { MemoryFileSystem } from './memory-file-system.js';

export const EXAMPLES = join(import.meta.dirname, '../../examples');
export const ROOT = '/work';

/** A workspace of in-memory files, built like the CLI builds it: open the files, load imports, validate. */
export class TestWorkspace {
    readonly fs = new MemoryFileSystem();
    readonly services = createSvcbpServices({ fileSystemProvider: () => this.fs });

    write(path: string, text: string | Uint8Array): this {
        this.fs.write(`${ROOT}/${path}`, text);
        return this;
    }

    /** Builds the given files (and what they import); returns their documents. */
    async build(...paths: string[]): Promise<Array<LangiumDocument<SvcbpFile>>> {
        const documents = this.services.shared.workspace.LangiumDocuments;
        const loaded: LangiumDocument[] = [];
        for (const path of paths) loaded.push(await documents.getOrCreateDocument(uriOf(path)));
        await this.services.shared.workspace.DocumentBuilder.build(loaded, { validation: true });
        return loaded as Array<LangiumDocument<SvcbpFile>>;
    }

    /** Rewrites a file and rebuilds what it affects, as an editor change would. */
    async change(path: string, text: string): Promise<void> {
        this.write(path, text);
        await this.services.shared.workspace.DocumentBuilder.update([uriOf(path)], []);
    }

    document(path: string): LangiumDocument<SvcbpFile> {
        const doc = this.services.shared.workspace.LangiumDocuments.all.find(d => d.uri.path === `${ROOT}/${path}`);
        if (!doc) throw new Error(`not loaded: ${path}`);
        return doc as LangiumDocument<SvcbpFile>;
    }

    diagnostics(path: string): Diagnostic[] {
        return this.document(path).diagnostics ?? [];
    }
}

export function uriOf(path: string): URI {
    return URI.file(`${ROOT}/${path}`);
}

/** Diagnostics of one file with the given text (and optional other files), in a fresh workspace. */
export async function diagnose(text: string, others: Record<string, string | Uint8Array> = {}): Promise<Diagnostic[]> {
    const workspace = new TestWorkspace();
    for (const [path, content] of Object.entries(others)) workspace.write(path, content);
    workspace.write('main.svcbp', text);
    await workspace.build('main.svcbp');
    return workspace.diagnostics('main.svcbp');
}

/** The normative examples, copied into a test workspace with their relative paths. */
export function examplesWorkspace(): TestWorkspace {
    const workspace = new TestWorkspace();
    for (const file of listFiles(EXAMPLES)) workspace.write(relative(EXAMPLES, file), readFileSync(file, 'utf8'));
    return workspace;
}

export function listFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(name => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

export const codes = (diagnostics: Diagnostic[]) => diagnostics.map(d => d.code);
export const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;
