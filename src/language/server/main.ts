import { startLanguageServer } from 'langium/lsp';
import { SvcbpNodeFileSystem } from './node-file-system.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createSvcbpServices } from '../lsp/lsp-module.js';
import { watchCheckSettings } from './server-settings.js';
import { registerModelRequest } from './model-request.js';
import { registerModelPush } from './model-push.js';
import { registerModelOfText } from './model-of-text.js';

/** Starts the language server on the connection given by the command line (stdio, IPC, …). */
export function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Svcbp } = createSvcbpServices({ connection, ...SvcbpNodeFileSystem });
    watchCheckSettings(shared, Svcbp);
    registerModelRequest(shared);
    registerModelPush(shared);
    registerModelOfText(shared);
    startLanguageServer(shared);
}
