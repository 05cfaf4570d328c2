import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices, type Module,
    type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices
} from 'langium';
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

// The language without the editor: parse, link and validate, what the CLI's commands load. The
// editor's features (lsp/lsp-module.ts) are added on top for the language server and `svcbp
// format`, and they pull in the Language Server Protocol.

/** Services the language adds to Langium's. */
export interface SvcbpAddedServices {
    imports: { ImportResolver: ImportResolver };
    validation: { SvcbpChecks: SvcbpChecks };
    checks: { CheckSettings: CheckSettings };
}

export type SvcbpCoreServices = LangiumCoreServices & SvcbpAddedServices;

export const SvcbpModule: Module<SvcbpCoreServices, PartialLangiumCoreServices & SvcbpAddedServices> = {
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
    validation: {
        DocumentValidator: services => new SvcbpDocumentValidator(services),
        SvcbpChecks: services => new SvcbpChecks(services)
    }
};

export const SvcbpSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: services => new SvcbpDocumentBuilder(services),
        LangiumDocumentFactory: services => new SvcbpDocumentFactory(services),
        WorkspaceManager: services => new SvcbpWorkspaceManager(services)
    }
};

/** The shared services and the language's, without the editor's features (for the CLI's commands). */
export function createSvcbpCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; Svcbp: SvcbpCoreServices } {
    const shared = inject(createDefaultSharedCoreModule(context), SvcbpGeneratedSharedModule, SvcbpSharedModule);
    const Svcbp = inject(createDefaultCoreModule({ shared }), SvcbpGeneratedModule, SvcbpModule);
    registerLanguage(shared, Svcbp);
    return { shared, Svcbp };
}

/** Registers the language, and (without a client, which sends them) says the settings are in. */
export function registerLanguage(shared: LangiumSharedCoreServices, Svcbp: SvcbpCoreServices, hasClient = false): void {
    shared.ServiceRegistry.register(Svcbp);
    if (!hasClient) shared.workspace.ConfigurationProvider.initialized({});
}
