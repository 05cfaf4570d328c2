import { DefaultLangiumDocumentFactory, DocumentState, type AstNode, type LangiumDocument, type Mutable } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { SvcbpFile } from './generated/ast.js';
import { reparseIncrementally } from './incremental-parse.js';

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
            const reparsed = oldText !== undefined && reparseIncrementally(document.parseResult as never as LangiumDocument<SvcbpFile>['parseResult'], oldText, text, parser);
            if (!reparsed) {
                document.parseResult = await this.parseAsync(document.uri, text, cancellationToken);
                (document.parseResult.value as Mutable<AstNode>).$document = document as LangiumDocument;
            }
        }
        document.state = DocumentState.Parsed;
        return document;
    }
}
