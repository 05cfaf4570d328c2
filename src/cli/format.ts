import { writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSvcbpServices } from '../language/lsp/lsp-module.js';
import { SvcbpNodeFileSystem } from '../language/server/node-file-system.js';
import { collectFiles, loadWorkspace, shown } from './workspace.js';

/**
 * `svcbp format <paths…> [--check]`: the editor's formatter on files. Files with syntax errors,
 * and files with bytes that are not UTF-8 (writing them back would turn those into U+FFFD), are
 * left alone and named. With --check nothing is written: exit 1 and the files that would change.
 */
export async function runFormat(paths: string[], options: { check?: boolean }): Promise<number> {
    const files = collectFiles(paths.length > 0 ? paths : ['.']);
    // The editor's formatter: the language with its editor features.
    const services = createSvcbpServices(SvcbpNodeFileSystem).Svcbp;
    const { documents, invalidUtf8 } = await loadWorkspace(files, undefined, services);
    const formatter = services.lsp.Formatter!;
    const changed: string[] = [];
    let leftAlone = 0;
    for (const document of documents) {
        const name = shown(document.uri.fsPath);
        const { lexerErrors, parserErrors } = document.parseResult;
        const reason = lexerErrors.length > 0 || parserErrors.length > 0 ? `it has syntax errors (svcbp check ${name})`
            : invalidUtf8.has(document.uri.toString()) ? 'it is not all UTF-8 (see the warning above)' : undefined;
        if (reason) {
            process.stderr.write(`${name}: not formatted, ${reason}\n`);
            leftAlone++;
            continue;
        }
        const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
        if (edits.length === 0) continue;
        changed.push(name);
        if (!options.check) writeFileSync(document.uri.fsPath, TextDocument.applyEdits(document.textDocument, edits));
    }
    if (options.check) for (const name of changed) process.stdout.write(`${name}\n`);
    process.stdout.write(`${summary(documents.length, changed.length, leftAlone, options.check === true)}\n`);
    return leftAlone > 0 || (options.check && changed.length > 0) ? 1 : 0;
}

/** What happened to every file, counted: none left out of the count, none called formatted that was not looked at. */
function summary(total: number, changed: number, leftAlone: number, check: boolean): string {
    const formatted = total - leftAlone - changed;
    const main = !check ? `Formatted ${changed} of ${total} files`
        : changed > 0 ? `${changed} of ${total} files would be reformatted`
        : leftAlone === 0 ? (total === 1 ? 'The file is formatted' : `All ${total} files are formatted`)
        : `${formatted} of ${total} files ${formatted === 1 ? 'is' : 'are'} formatted`;
    if (leftAlone === 0) return `${main}.`;
    return `${main}; ${leftAlone} ${leftAlone === 1 ? 'was' : 'were'} left alone (syntax errors or bytes that are not UTF-8).`;
}
