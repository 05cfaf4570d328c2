import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    MODEL_OF_TEXT_REQUEST, MODEL_REQUEST, type ModelBytes, type ModelOfTextParams, type ModelOfTextResult, type ModelRequestParams, type ModelRequestResult
} from '../../protocol.js';
import type { ModelResult } from '../../model/types.js';

/** The before side of a compare: where its model comes from, and how to hear that it changed. */
interface Side {
    label: string;
    load(): Promise<ModelResult | undefined>;
    /** Another open file: its edits redraw the compare. */
    uri?: string;
}

/** VS Code's built-in Git extension, as much of its API as this uses. */
interface GitApi { getRepository(uri: vscode.Uri): { show(ref: string, path: string): Promise<string> } | null }

const encoder = new TextEncoder();

/**
 * "svcbp: Compare with…": the previewed blueprint against another `.svcbp` file, or against the
 * file as it was in the last commit (through the Git extension). The preview draws the compare and
 * stays live while either side is edited; ending it from the toolbar draws the blueprint alone.
 */
export class CompareController implements vscode.Disposable {
    private side: Side | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private timer: NodeJS.Timeout | undefined;

    constructor(private readonly client: LanguageClient, private readonly post: (message: { type: 'compare'; before?: { label: string; result: ModelBytes } }) => void) {
        this.disposables.push(vscode.workspace.onDidChangeTextDocument(event => {
            if (this.side?.uri && event.document.uri.toString() === this.side.uri) this.schedule();
        }));
    }

    /** Asks what to compare the file with, then starts. False when the user chose nothing. */
    async choose(file: vscode.Uri): Promise<boolean> {
        const picked = await vscode.window.showQuickPick([
            { label: 'Another .svcbp file…', detail: 'for example the to-be of this as-is blueprint', id: 'file' },
            { label: 'The last commit', detail: 'this file as Git has it in HEAD', id: 'head' }
        ], { title: `Compare ${path.basename(file.fsPath)} with…` });
        if (!picked) return false;
        if (picked.id === 'file') {
            const [other] = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Blueprints: ['svcbp'] }, defaultUri: vscode.Uri.joinPath(file, '..'), openLabel: 'Compare' }) ?? [];
            if (!other) return false;
            await this.start(this.fileSide(other));
        } else {
            const side = await this.commitSide(file);
            if (!side) return false;
            await this.start(side);
        }
        return true;
    }

    /** Compares with another file directly (also for tests and the command's argument). */
    async compareWithFile(other: vscode.Uri): Promise<void> {
        await this.start(this.fileSide(other));
    }

    private fileSide(other: vscode.Uri): Side {
        return {
            label: path.basename(other.fsPath),
            uri: other.toString(),
            load: async () => {
                // The server knows open documents: open it (without showing it) so its model can be asked for.
                await vscode.workspace.openTextDocument(other);
                return (await this.client.sendRequest<ModelRequestResult>(MODEL_REQUEST, { uri: other.toString() } satisfies ModelRequestParams)) ?? undefined;
            }
        };
    }

    private async commitSide(file: vscode.Uri): Promise<Side | undefined> {
        const git = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
        const repository = git && (git.isActive ? git.exports : await git.activate()).getAPI(1).getRepository(file);
        if (!repository) {
            void vscode.window.showErrorMessage(`${path.basename(file.fsPath)} is not in a Git repository that VS Code knows.`);
            return undefined;
        }
        let text: string;
        try {
            text = await repository.show('HEAD', file.fsPath);
        } catch {
            void vscode.window.showErrorMessage(`${path.basename(file.fsPath)} is not in the last commit.`);
            return undefined;
        }
        return {
            label: 'the last commit',
            load: async () => (await this.client.sendRequest<ModelOfTextResult>(MODEL_OF_TEXT_REQUEST, { uri: file.toString(), text } satisfies ModelOfTextParams)).result
        };
    }

    private async start(side: Side): Promise<void> {
        this.side = side;
        await this.send();
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.send(), 150);
    }

    private async send(): Promise<void> {
        const side = this.side;
        if (!side) return;
        const result = await side.load();
        if (this.side !== side || !result) return;
        this.post({ type: 'compare', before: { label: side.label, result: encoder.encode(JSON.stringify(result)) as ModelBytes } });
    }

    dispose(): void {
        clearTimeout(this.timer);
        for (const disposable of this.disposables) disposable.dispose();
    }
}
