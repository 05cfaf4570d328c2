import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, tempProject } from './support/cli.js';
import { LspClient } from './support/lsp-client.js';

/**
 * VS Code restores the editors of the last session as the server starts: the documents are
 * opened while the server is still loading and building the workspace. Imports must resolve all
 * the same (a window reload once left every file with unknown names: the check settings, read at
 * start-up, rebuilt the workspace beside the initial build instead of after it).
 */
describe('the language server when editors open while it starts', () => {
    let client: LspClient | undefined;

    afterEach(async () => {
        client?.server.kill();
        client = undefined;
    });

    for (const delay of [0, 30, 100]) {
        it(`resolves every name when the settings come ${delay} ms late`, async () => {
            const dir = tempProject();
            const uri = (file: string) => pathToFileURL(join(dir, 'examples', file)).toString();
            client = new LspClient(spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] }));
            client.configurationDelay = delay;
            const root = pathToFileURL(dir).toString();
            await client.connection.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'project' }], capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } } });
            await client.connection.sendNotification('initialized', {});
            // VS Code sends the settings at once; the server reads svcbp.checks from them.
            await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { svcbp: { checks: {} } } });
            const requests: Array<Promise<unknown>> = [];
            for (const file of ['restaurant.svcbp', 'grocery-canvas.svcbp', 'restaurant-actors.svcbp']) {
                await client.connection.sendNotification('textDocument/didOpen', {
                    textDocument: { uri: uri(file), languageId: 'svcbp', version: 1, text: readFileSync(join(dir, 'examples', file), 'utf8') }
                });
                // What VS Code asks for at once about a restored editor: outline, folding, colours, code lenses, a hover.
                const textDocument = { uri: uri(file) };
                for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full', 'textDocument/codeLens']) {
                    requests.push(client.connection.sendRequest(method, { textDocument }).catch(() => undefined));
                }
                requests.push(client.connection.sendRequest('textDocument/hover', { textDocument, position: { line: 30, character: 60 } }).catch(() => undefined));
            }
            await Promise.all(requests);
            // Diagnostics settle: the last publication for each file is the one that counts.
            await new Promise(resolve => setTimeout(resolve, 1500));
            for (const file of ['restaurant.svcbp', 'grocery-canvas.svcbp', 'restaurant-actors.svcbp']) {
                expect((await client.diagnostics(uri(file), () => true)).map(d => d.message), file).toEqual([]);
            }
        });
    }
});
