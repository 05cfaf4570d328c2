import * as path from 'node:path';
import * as vscode from 'vscode';
import { MarkdownBlocks } from './markdown/markdown-blocks.js';
import { registerNewBlueprint } from './new-blueprint.js';
import { PreviewManager } from './preview/preview-manager.js';
import { SERVER_NODE_FLAGS } from '../language/server/server-node-flags.js';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/**
 * Starts the bundled language server over IPC for `.svcbp` files, and the preview beside the
 * editor; answers VS Code's Markdown preview with a plugin that draws ```svcbp blocks.
 */
export async function activate(context: vscode.ExtensionContext): Promise<{ extendMarkdownIt: MarkdownBlocks['extendMarkdownIt'] }> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const execArgv = [...SERVER_NODE_FLAGS];
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6009'] } }
    };
    const outputChannel = vscode.window.createOutputChannel('Service Blueprint', { log: true });
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'svcbp' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.svcbp,svcbp.json}') },
        outputChannel
    };
    client = new LanguageClient('svcbp', 'Service Blueprint', serverOptions, clientOptions);
    context.subscriptions.push(outputChannel, registerNewBlueprint(), new PreviewManager(context, client));
    const markdownBlocks = new MarkdownBlocks(client, outputChannel);
    await client.start();
    return { extendMarkdownIt: md => markdownBlocks.extendMarkdownIt(md) };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
