import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule,
    type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices,
    type PartialLangiumSharedServices
} from 'langium/lsp';
import { SvcbpGeneratedModule, SvcbpGeneratedSharedModule } from '../generated/module.js';
import { registerLanguage, SvcbpModule, SvcbpSharedModule, type SvcbpAddedServices } from '../svcbp-module.js';
import { SvcbpCodeActionProvider } from './code-action-provider.js';
import { SvcbpCodeLensProvider } from './code-lens.js';
import { SvcbpCompletionProvider } from './completion-provider.js';
import { SvcbpDefinitionProvider } from './definition-provider.js';
import { SvcbpFormatter } from './formatter.js';
import { SvcbpHoverProvider } from './hover-provider.js';
import { SvcbpRenameProvider } from './rename-provider.js';
import { SvcbpSemanticTokenProvider } from './semantic-tokens.js';
import { SvcbpDocumentSymbolProvider, SvcbpNodeKindProvider } from './symbols.js';
import { SvcbpWorkspaceSymbolProvider } from './workspace-symbols.js';

/** The language with the editor's features: what the language server, the formatter and the tests use. */
export type SvcbpServices = LangiumServices & SvcbpAddedServices;

export const SvcbpLspModule: Module<SvcbpServices, PartialLangiumServices> = {
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
    }
};

export const SvcbpSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new SvcbpNodeKindProvider(),
        WorkspaceSymbolProvider: services => new SvcbpWorkspaceSymbolProvider(services)
    }
};

/**
 * The shared services and the language's, with the editor's features. The same wiring serves the
 * language server (with a connection) and the formatter and tests (without one).
 */
export function createSvcbpServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Svcbp: SvcbpServices } {
    const shared = inject(createDefaultSharedModule(context), SvcbpGeneratedSharedModule, SvcbpSharedModule, SvcbpSharedLspModule);
    const Svcbp = inject(createDefaultModule({ shared }), SvcbpGeneratedModule, SvcbpModule, SvcbpLspModule);
    registerLanguage(shared, Svcbp, context.connection !== undefined);
    return { shared, Svcbp };
}
