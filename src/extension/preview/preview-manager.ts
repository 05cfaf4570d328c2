import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
    MODEL_CHANGED_NOTIFICATION, WATCH_MODELS_NOTIFICATION, type ExportFormat, type FromWebview, type ModelChangedParams,
    type PreviewState, type WatchModelsParams
} from '../../protocol.js';
import { currentModel, exportToFile, standaloneSvg } from './export.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel, type PreviewHost } from './preview-panel.js';
import { previewConfiguration } from './settings.js';
import { CompareController } from './compare.js';

/** The export commands of package.json, by format. */
const EXPORT_COMMANDS: Record<ExportFormat, string> = {
    svg: 'svcbp.exportSvg', png: 'svcbp.exportPng', pdf: 'svcbp.exportPdf', html: 'svcbp.exportHtml', markdown: 'svcbp.exportMarkdown'
};

const isBlueprintEditor = (editor: vscode.TextEditor | undefined): editor is vscode.TextEditor => editor?.document.languageId === 'svcbp';

/**
 * The preview beside the editor, like Markdown's: one panel that follows the active `.svcbp`
 * editor unless locked, restored after a reload, with click-to-source, cursor sync and export.
 */
export class PreviewManager implements PreviewHost, vscode.Disposable {
    private preview: PreviewPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];
    private pendingPng: string | undefined;
    private compare: CompareController | undefined;

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient) {
        const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);
        this.disposables.push(
            command('svcbp.openPreview', (uri?: string | vscode.Uri, blueprint?: string) => this.open(false, uri, blueprint)),
            command('svcbp.openPreviewToSide', (uri?: string | vscode.Uri, blueprint?: string) => this.open(true, uri, blueprint)),
            command('svcbp.togglePreviewLock', () => this.preview?.setLocked(!this.preview.locked)),
            ...(Object.entries(EXPORT_COMMANDS) as [ExportFormat, string][]).map(([format, id]) => command(id, () => this.exportActive(format))),
            command('svcbp.copySvg', () => this.copyActive()),
            command('svcbp.compareWith', (other?: string | vscode.Uri) => this.compareWith(other)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel, state: PreviewState | undefined) => this.adopt(panel, state)
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (this.preview && !this.preview.locked && isBlueprintEditor(editor)) this.preview.show(editor.document.uri);
            }),
            vscode.window.onDidChangeTextEditorSelection(event => {
                const uri = this.preview?.uri?.toString();
                if (!uri || event.textEditor.document.uri.toString() !== uri) return;
                const { line, character } = event.selections[0].active;
                this.preview!.post({ type: 'cursor', uri, line, character });
            }),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('svcbp.preview')) this.preview?.sendSettings();
            })
        );
        client.onNotification(MODEL_CHANGED_NOTIFICATION, (params: ModelChangedParams) => {
            this.preview?.modelChanged(params);
            if (this.pendingPng === params.uri && this.preview) {
                this.pendingPng = undefined;
                this.preview.post({ type: 'renderPng' });
            }
        });
    }

    watch(uri: string | undefined): void {
        void this.client.sendNotification(WATCH_MODELS_NOTIFICATION, { uris: uri ? [uri] : [] } satisfies WatchModelsParams);
        // The server only knows open documents: make sure it has this one (a restored preview may come first).
        if (uri) void vscode.workspace.openTextDocument(vscode.Uri.parse(uri)).then(undefined, () => undefined);
    }

    private async open(toSide: boolean, target?: string | vscode.Uri, blueprint?: string): Promise<void> {
        const uri = typeof target === 'string' ? vscode.Uri.parse(target) : target ?? vscode.window.activeTextEditor?.document.uri ?? this.preview?.uri;
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .svcbp file to preview it.');
            return;
        }
        const column = toSide ? vscode.ViewColumn.Beside : vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active;
        if (this.preview) {
            this.preview.panel.reveal(toSide ? undefined : column, toSide);
        } else {
            const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, { enableScripts: true });
            this.adopt(panel, undefined);
        }
        this.preview!.show(uri);
        if (blueprint) this.preview!.post({ type: 'showBlueprint', blueprint });
    }

    /** Opens the preview of the active file (if needed) in compare mode. */
    private async compareWith(other?: string | vscode.Uri): Promise<void> {
        const uri = this.activeUri();
        if (!uri) return;
        if (!this.preview || this.preview.uri?.toString() !== uri.toString()) await this.open(true, uri);
        const preview = this.preview!;
        // The compare is to be seen: bring the preview to the front of its group.
        preview.panel.reveal(preview.panel.viewColumn, true);
        this.compare?.dispose();
        const compare = new CompareController(this.client, message => preview.post(message));
        this.compare = compare;
        if (other) await compare.compareWithFile(typeof other === 'string' ? vscode.Uri.parse(other) : other);
        else if (!(await compare.choose(uri))) {
            compare.dispose();
            this.compare = undefined;
        }
    }

    private adopt(panel: vscode.WebviewPanel, state: PreviewState | undefined): void {
        this.preview?.dispose();
        const preview = new PreviewPanel(panel, this.context, this, state);
        preview.disposed.event(() => {
            if (this.preview === preview) {
                this.preview = undefined;
                this.watch(undefined);
                this.compare?.dispose();
                this.compare = undefined;
            }
        });
        this.preview = preview;
    }

    handle(panel: PreviewPanel, message: FromWebview): void {
        void this.handleAsync(panel, message).catch(error => vscode.window.showErrorMessage(`Preview: ${error instanceof Error ? error.message : String(error)}`));
    }

    private async handleAsync(panel: PreviewPanel, message: FromWebview): Promise<void> {
        switch (message.type) {
            case 'reveal': {
                const uri = vscode.Uri.parse(message.uri);
                const document = await vscode.workspace.openTextDocument(uri);
                const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === message.uri);
                const column = visible?.viewColumn ?? (panel.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
                const { start, end } = message.range;
                const selection = new vscode.Selection(start.line, start.character, end.line, end.character);
                await vscode.window.showTextDocument(document, { viewColumn: column, selection, preserveFocus: false });
                break;
            }
            case 'openProblems':
                // Focus, not 'workbench.actions.view.problems' (Ctrl+Shift+M), which closes an open panel.
                await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
                break;
            case 'openLink':
                panel.show(vscode.Uri.parse(message.uri));
                panel.post({ type: 'showBlueprint', blueprint: message.blueprint });
                break;
            case 'export': {
                if (!panel.uri) return;
                const model = await currentModel(this.client, panel.uri.toString(), message.blueprint);
                if (model) await exportToFile(this.context, panel.uri, model, message.format, previewConfiguration().settings, message.png);
                break;
            }
            case 'copySvg':
                if (panel.uri) await this.copy(panel.uri, message.blueprint);
                break;
            case 'endCompare':
                this.compare?.dispose();
                this.compare = undefined;
                break;
        }
    }

    /** The document an export command means: the active editor's, else the previewed one. */
    private activeUri(): vscode.Uri | undefined {
        const editor = vscode.window.activeTextEditor;
        if (isBlueprintEditor(editor)) return editor.document.uri;
        if (this.preview?.uri) return this.preview.uri;
        void vscode.window.showInformationMessage('Open a .svcbp file to export its blueprint.');
        return undefined;
    }

    private async exportActive(format: ExportFormat): Promise<void> {
        const uri = this.activeUri();
        if (!uri) return;
        if (format === 'png') {
            // The webview rasterises: open the preview of this file if needed, then ask it.
            if (this.preview?.uri?.toString() === uri.toString()) this.preview.post({ type: 'renderPng' });
            else {
                this.pendingPng = uri.toString();
                await this.open(true, uri);
            }
            return;
        }
        const model = await currentModel(this.client, uri.toString());
        if (model) await exportToFile(this.context, uri, model, format, previewConfiguration().settings);
    }

    private async copyActive(): Promise<void> {
        const uri = this.activeUri();
        if (uri) await this.copy(uri);
    }

    private async copy(uri: vscode.Uri, blueprint?: string): Promise<void> {
        const model = await currentModel(this.client, uri.toString(), blueprint);
        if (!model) return;
        await vscode.env.clipboard.writeText(standaloneSvg(model, previewConfiguration().settings));
        void vscode.window.showInformationMessage(`Copied the SVG of '${model.title}'.`);
    }

    dispose(): void {
        this.preview?.dispose();
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
    }
}
