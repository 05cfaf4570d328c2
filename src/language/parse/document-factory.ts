import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type LangiumDocument, type Mutable } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { SvcbpFile } from '../generated/ast.js';
import { reparseIncrementally, type StatementChange } from './incremental-parse.js';
import { replaceStatementInWalks } from '../link/ast-walk.js';
import { treeVersion } from './tree-version.js';

/**
 * The statement each document's last parse replaced in place, until the linker has used it;
 * 'all' when the linker must relink everything (a full parse, or two changes before one link,
 * as when a build is cancelled while the user types).
 */
export const pendingChanges = new WeakMap<LangiumDocument, StatementChange | 'all'>();

/** Langium's document factory; on a change it first tries to re-parse only the edited statement. */
export class SvcbpDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const oldText = document.parseResult.value.$cstNode?.root.fullText;
        const textDocument = this.textDocuments?.get(document.uri.toString());
        const text = await this.getUpdatedText(document, textDocument, cancellationToken);
        // As Langium's own update: the document reads its text from the editor, or from what was read.
        if (textDocument) {
            Object.defineProperty(document, 'textDocument', { value: textDocument });
        } else {
            Object.defineProperty(document, 'textDocument', { get: this.createTextDocumentGetter(document.uri, text) });
        }
        if (oldText !== text) {
            const parser = this.serviceRegistry.getServices(document.uri).parser.LangiumParser;
            const root = document.parseResult.value as never as SvcbpFile;
            const fromVersion = root.$cstNode ? treeVersion(root.$cstNode.root) : 0;
            const change = oldText !== undefined ? reparseIncrementally(document.parseResult as never as LangiumDocument<SvcbpFile>['parseResult'], oldText, text, parser) : undefined;
            if (change) replaceStatementInWalks(root, fromVersion, change.replaced, change.replacement);
            const pending = pendingChanges.has(document as LangiumDocument);
            pendingChanges.set(document as LangiumDocument, change && !pending ? change : 'all');
            if (!change) {
                document.parseResult = await this.parseAsync(document.uri, text, cancellationToken);
                (document.parseResult.value as Mutable<AstNode>).$document = document as LangiumDocument;
            }
        }
        document.state = DocumentState.Parsed;
        return document;
    }
}
