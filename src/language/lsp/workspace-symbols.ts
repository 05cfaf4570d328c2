import type { AstNodeDescription, LangiumDocuments } from 'langium';
import type { FuzzyMatcher, LangiumSharedServices, NodeKindProvider, WorkspaceSymbolProvider } from 'langium/lsp';
import type { WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isBlueprint } from '../generated/ast.js';
import { SvcbpLocalSymbols } from '../link/scoping.js';

/**
 * Go to Symbol in Workspace (Ctrl+T): every declaration of every loaded file — blueprints,
 * actors, systems, and inside each blueprint its phases, lanes, steps and touchpoints — with the
 * blueprint as container. Reads the name tables scoping already built: no extra walk of the files.
 */
export class SvcbpWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;
    private readonly nodeKinds: NodeKindProvider;
    private readonly matcher: FuzzyMatcher;

    constructor(services: LangiumSharedServices) {
        this.documents = services.workspace.LangiumDocuments;
        this.nodeKinds = services.lsp.NodeKindProvider;
        this.matcher = services.lsp.FuzzyMatcher;
    }

    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            if (!(document.localSymbols instanceof SvcbpLocalSymbols)) continue;
            for (const [scope, table] of document.localSymbols.tables) {
                const container = isBlueprint(scope) ? scope.name : undefined;
                for (const description of table.descriptions) {
                    if (this.matcher.match(params.query, description.name)) {
                        const symbol = this.symbol(description, container);
                        if (symbol) symbols.push(symbol);
                    }
                }
            }
        }
        return symbols;
    }

    private symbol(description: AstNodeDescription, container: string | undefined): WorkspaceSymbol | undefined {
        if (!description.nameSegment) return undefined;
        return {
            name: description.name,
            kind: this.nodeKinds.getSymbolKind(description),
            location: { uri: description.documentUri.toString(), range: description.nameSegment.range },
            ...(container ? { containerName: container } : {})
        };
    }
}
