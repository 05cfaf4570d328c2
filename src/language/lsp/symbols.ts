import type { AstNode, AstNodeDescription, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Blueprint: SymbolKind.Class, Phase: SymbolKind.Event, Lane: SymbolKind.Namespace, Step: SymbolKind.Method,
    Touchpoint: SymbolKind.Interface, Actor: SymbolKind.Object, System: SymbolKind.Module
};
const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Blueprint: CompletionItemKind.Class, Phase: CompletionItemKind.Event, Lane: CompletionItemKind.Module, Step: CompletionItemKind.Method,
    Touchpoint: CompletionItemKind.Interface, Actor: CompletionItemKind.Reference, System: CompletionItemKind.Module
};

/** Icons in the outline, breadcrumbs and completion lists, by what a declaration is. */
export class SvcbpNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

/** The outline (blueprint → phases, lanes → steps, touchpoints), each with its title beside its name. */
export class SvcbpDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as AstNode & { title?: string }).title;
        return title ? { ...symbol, detail: title } : symbol;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
