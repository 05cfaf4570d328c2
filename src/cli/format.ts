import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFiles, loadWorkspace } from './workspace.js';

/**
 * `svcbp format <paths…> [--check]`: the editor's formatter on files. Files with syntax errors
 * are left alone and named. With --check nothing is written: exit 1 and the files that would change.
 */
export async function runFormat(paths: string[], options: { check?: boolean }): Promise<number> {
    const files = collectFiles(paths.length > 0 ? paths : ['.']);
    const { services, documents } = await loadWorkspace(files);
    const formatter = services.lsp.Formatter!;
    const changed: string[] = [];
    let unparsable = 0;
    for (const document of documents) {
        const name = relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath;
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) {
            process.stderr.write(`${name}: not formatted, it has syntax errors (svcbp check ${name})\n`);
            unparsable++;
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        if (edits.length === 0) continue;
        changed.push(name);
        if (!options.check) writeFileSync(document.uri.fsPath, TextDocument.applyEdits(document.textDocument, edits));
    }
    if (options.check) {
        for (const name of changed) process.stdout.write(`${name}\n`);
        const all = documents.length === 1 ? 'The file is formatted.' : `All ${documents.length} files are formatted.`;
        process.stdout.write(changed.length ? `${changed.length} of ${documents.length} files would be reformatted.\n` : `${all}\n`);
        return changed.length > 0 || unparsable > 0 ? 1 : 0;
    }
    process.stdout.write(`Formatted ${changed.length} of ${documents.length} files.\n`);
    return unparsable > 0 ? 1 : 0;
}
