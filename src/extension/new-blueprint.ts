import * as vscode from 'vscode';
import { BLUEPRINT_TEMPLATES } from '../language/lsp/blueprint-templates.js';

/**
 * svcbp: New Blueprint… — pick one of the whole-blueprint templates (the same ones completion
 * offers where a blueprint may start) and get an untitled, valid file with its placeholders to tab through.
 */
export function registerNewBlueprint(): vscode.Disposable {
    return vscode.commands.registerCommand('svcbp.newBlueprint', async () => {
        const items = BLUEPRINT_TEMPLATES.map(template => ({ label: template.name, detail: template.description, body: template.body }));
        const picked = await vscode.window.showQuickPick(items, { title: 'New Blueprint', placeHolder: 'Choose a template' });
        if (!picked) return;
        const document = await vscode.workspace.openTextDocument({ language: 'svcbp', content: '' });
        const editor = await vscode.window.showTextDocument(document);
        await editor.insertSnippet(new vscode.SnippetString(picked.body));
    });
}
