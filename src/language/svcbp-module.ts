import { SvcbpDefinitionProvider } from './lsp/definition-provider.js';
import { SvcbpCodeLensProvider } from './lsp/code-lens.js';
import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { SvcbpGeneratedModule, SvcbpGeneratedSharedModule } from './generated/module.js';
import './link/type-hierarchy.js'; // the type guards from a table (see there)
import { CheckSettings } from './validation/check-settings.js';
import { SvcbpDocumentBuilder } from './link/document-builder.js';
import { SvcbpDocumentFactory } from './parse/document-factory.js';
import { SvcbpWorkspaceManager } from './server/workspace-manager.js';
import { SvcbpDocumentValidator } from './validation/document-validator.js';
import { ImportResolver } from './link/imports.js';
import { SvcbpLexer, SvcbpLexerErrorMessageProvider } from './parse/lexer.js';
import { SvcbpParserErrorMessageProvider } from './parse/parser-messages.js';
import { SvcbpLinker } from './link/linker.js';
import { SvcbpAstNodeDescriptionProvider } from './link/node-descriptions.js';
import { SvcbpReferenceDescriptionProvider, SvcbpReferences } from './link/references.js';
import { SvcbpScopeComputation, SvcbpScopeProvider } from './link/scoping.js';
import { SvcbpTokenBuilder } from './parse/token-builder.js';
import { createSvcbpParser } from './parse/parser.js';
import { SvcbpValueConverter } from './parse/value-converter.js';
import { SvcbpChecks } from './validation/index.js';
import { SvcbpHoverProvider } from './lsp/hover-provider.js';
import { SvcbpCompletionProvider } from './lsp/completion-provider.js';
import { SvcbpCodeActionProvider } from './lsp/code-action-provider.js';
import { SvcbpRenameProvider } from './lsp/rename-provider.js';
import { SvcbpWorkspaceSymbolProvider } from './lsp/workspace-symbols.js';
import { SvcbpSemanticTokenProvider } from './lsp/semantic-tokens.js';
import { SvcbpFormatter } from './lsp/formatter.js';
import { SvcbpDocumentSymbolProvider, SvcbpNodeKindProvider } from './lsp/symbols.js';

/** Services the language adds to Langium's. */
export interface SvcbpAddedServices {
    imports: { ImportResolver: ImportResolver };
    validation: { SvcbpChecks: SvcbpChecks };
    checks: { CheckSettings: CheckSettings };
}

export type SvcbpServices = LangiumServices & SvcbpAddedServices;

export const SvcbpModule: Module<SvcbpServices, PartialLangiumServices & SvcbpAddedServices> = {
    imports: {
        ImportResolver: services => new ImportResolver(services.shared)
    },
    checks: {
        CheckSettings: services => new CheckSettings(services.shared.workspace.FileSystemProvider)
    },
    parser: {
        TokenBuilder: () => new SvcbpTokenBuilder(),
        LangiumParser: services => createSvcbpParser(services),
        Lexer: services => new SvcbpLexer(services),
        LexerErrorMessageProvider: () => new SvcbpLexerErrorMessageProvider(),
        ParserErrorMessageProvider: () => new SvcbpParserErrorMessageProvider(),
        ValueConverter: () => new SvcbpValueConverter()
    },
    references: {
        ScopeComputation: services => new SvcbpScopeComputation(services),
        ScopeProvider: services => new SvcbpScopeProvider(services),
        Linker: services => new SvcbpLinker(services),
        References: services => new SvcbpReferences(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new SvcbpAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new SvcbpReferenceDescriptionProvider(services)
    },
    lsp: {
        HoverProvider: services => new SvcbpHoverProvider(services),
        CompletionProvider: services => new SvcbpCompletionProvider(services),
        CodeActionProvider: () => new SvcbpCodeActionProvider(),
        RenameProvider: services => new SvcbpRenameProvider(services),
        Formatter: services => new SvcbpFormatter(services),
        DocumentSymbolProvider: services => new SvcbpDocumentSymbolProvider(services),
        SemanticTokenProvider: services => new SvcbpSemanticTokenProvider(services),
        CodeLensProvider: () => new SvcbpCodeLensProvider(),
        DefinitionProvider: services => new SvcbpDefinitionProvider(services)
    },
    validation: {
        DocumentValidator: services => new SvcbpDocumentValidator(services),
        SvcbpChecks: services => new SvcbpChecks(services)
    }
};

export const SvcbpSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new SvcbpNodeKindProvider(),
        WorkspaceSymbolProvider: services => new SvcbpWorkspaceSymbolProvider(services)
    },
    workspace: {
        DocumentBuilder: services => new SvcbpDocumentBuilder(services),
        LangiumDocumentFactory: services => new SvcbpDocumentFactory(services),
        WorkspaceManager: services => new SvcbpWorkspaceManager(services)
    }
};

/**
 * Creates the shared services and the language's services. The same wiring serves the language
 * server (with a connection) and the CLI and tests (without one).
 */
export function createSvcbpServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Svcbp: SvcbpServices } {
    const shared = inject(createDefaultSharedModule(context), SvcbpGeneratedSharedModule, SvcbpSharedModule);
    const Svcbp = inject(createDefaultModule({ shared }), SvcbpGeneratedModule, SvcbpModule);
    shared.ServiceRegistry.register(Svcbp);
    if (!context.connection) {
        // Without a client nobody sends settings: the configuration is ready as it is.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Svcbp };
}
