import {
    AstUtils, DefaultScopeComputation, DocumentState, EMPTY_STREAM, WorkspaceCache, stream,
    type AstNode, type AstNodeDescription, type AstReflection, type IndexManager, type LangiumDocument,
    type LocalSymbols, type ReferenceInfo, type Scope, type ScopeProvider, type Stream
} from 'langium';
import type { SvcbpCoreServices } from '../svcbp-module.js';
import { isBlueprint, isSvcbpFile, type SvcbpFile } from '../generated/ast.js';
import { localActorsAndSystems, namespaceMembers } from './blueprint-contents.js';
import type { ImportResolver } from './imports.js';

/**
 * The names declared in one scope (a blueprint, or a file's top level), with one name map per
 * reference type built on first use: linking costs one map look-up per reference.
 * The first declaration of a name wins; later ones are `duplicate-name` errors.
 */
export class NameTable {
    private readonly byType = new Map<string, Map<string, AstNodeDescription>>();
    /** Scopes over this table alone (phases, steps, touchpoints), one per reference type. */
    readonly localScopes = new Map<string, Scope>();

    constructor(readonly descriptions: AstNodeDescription[], private readonly reflection: AstReflection) {}

    names(referenceType: string): Map<string, AstNodeDescription> {
        let map = this.byType.get(referenceType);
        if (!map) {
            // Ask the type hierarchy once per node type, not once per declaration.
            const matches = new Map<string, boolean>();
            map = new Map();
            for (const description of this.descriptions) {
                let match = matches.get(description.type);
                if (match === undefined) {
                    match = this.reflection.isSubtype(description.type, referenceType);
                    matches.set(description.type, match);
                }
                if (match && !map.has(description.name)) map.set(description.name, description);
            }
            this.byType.set(referenceType, map);
        }
        return map;
    }
}

/** Local symbols per document: one table for the file's top level and one per blueprint. */
export class SvcbpLocalSymbols implements LocalSymbols {
    readonly tables = new Map<AstNode, NameTable>();

    has(node: AstNode): boolean {
        return this.tables.has(node);
    }

    getStream(node: AstNode): Stream<AstNodeDescription> {
        const table = this.tables.get(node);
        return table ? stream(table.descriptions) : EMPTY_STREAM;
    }
}

/**
 * Scopes per the spec: a blueprint's phases, lanes, steps and touchpoints share one namespace,
 * whatever lane or section they stand in; actors and systems of the blueprint, then of the file's
 * top level, then of directly imported files; blueprints of the file and of imported files.
 */
export class SvcbpScopeComputation extends DefaultScopeComputation {
    private readonly reflection: AstReflection;

    constructor(services: SvcbpCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
    }

    override async collectLocalSymbols(document: LangiumDocument): Promise<LocalSymbols> {
        const symbols = new SvcbpLocalSymbols();
        const root = document.parseResult.value;
        if (!isSvcbpFile(root)) return symbols;
        symbols.tables.set(root, this.table(root.elements, document));
        for (const blueprint of root.elements.filter(isBlueprint)) {
            const members = [...namespaceMembers(blueprint), ...localActorsAndSystems(blueprint)];
            symbols.tables.set(blueprint, this.table(members, document));
        }
        return symbols;
    }

    private table(nodes: Array<AstNode & { name?: string }>, document: LangiumDocument): NameTable {
        const descriptions: AstNodeDescription[] = [];
        for (const node of nodes) {
            if (node.name) descriptions.push(this.descriptions.createDescription(node, node.name, document));
        }
        return new NameTable(descriptions, this.reflection);
    }
}

export class SvcbpScopeProvider implements ScopeProvider {
    private readonly reflection: AstReflection;
    private readonly indexManager: IndexManager;
    private readonly imports: ImportResolver;
    private readonly importedNames: WorkspaceCache<string, Map<string, AstNodeDescription>>;

    constructor(services: SvcbpCoreServices) {
        this.reflection = services.shared.AstReflection;
        this.indexManager = services.shared.workspace.IndexManager;
        this.imports = services.imports.ImportResolver;
        // Emptied once the build has indexed every document: a request that reads a reference
        // earlier (the server is starting, an import is not loaded yet) must not leave its answer here.
        this.importedNames = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    }

    getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const symbols = document.localSymbols as SvcbpLocalSymbols | undefined;
        const blueprint = AstUtils.getContainerOfType(context.container, isBlueprint);
        const root = document.parseResult.value as SvcbpFile;
        const blueprintNames = blueprint && referenceType !== 'Phase' && referenceType !== 'Node' ? symbols?.tables.get(blueprint)?.names(referenceType) : undefined;
        // Phases, steps and touchpoints live only in their blueprint: one scope object per table and type.
        if (referenceType === 'Phase' || referenceType === 'Node') {
            const table = blueprint ? symbols?.tables.get(blueprint) : undefined;
            if (!table) return new NameMapScope(new Map());
            let scope = table.localScopes.get(referenceType);
            if (!scope) {
                scope = new NameMapScope(table.names(referenceType));
                table.localScopes.set(referenceType, scope);
            }
            return scope;
        }
        const imported = new NameMapScope(this.importedScope(document, referenceType));
        const fileNames = symbols?.tables.get(root)?.names(referenceType);
        const fileScope = fileNames ? new NameMapScope(fileNames, imported) : imported;
        return blueprintNames ? new NameMapScope(blueprintNames, fileScope) : fileScope;
    }

    /** Top-level declarations of the directly imported files (imports are not re-exported). */
    private importedScope(document: LangiumDocument, referenceType: string): Map<string, AstNodeDescription> {
        return this.importedNames.get(`${document.uri.toString()}#${referenceType}`, () => {
            const map = new Map<string, AstNodeDescription>();
            const uris = this.imports.importedDocuments(document).map(doc => doc.uri.toString());
            for (const uri of uris) {
                for (const description of this.indexManager.allElements(referenceType, new Set([uri]))) {
                    if (!map.has(description.name)) map.set(description.name, description);
                }
            }
            return map;
        });
    }
}

/** A scope over a name map; inner names shadow outer ones. */
export class NameMapScope implements Scope {
    constructor(private readonly names: Map<string, AstNodeDescription>, private readonly outer?: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.names.get(name) ?? this.outer?.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const own = this.names.get(name);
        return own ? stream([own]) : (this.outer?.getElements(name) ?? EMPTY_STREAM);
    }

    getAllElements(): Stream<AstNodeDescription> {
        const outer = this.outer?.getAllElements().filter(d => !this.names.has(d.name)) ?? EMPTY_STREAM;
        return stream(this.names.values()).concat(outer);
    }
}
