import * as vscode from 'vscode';
import type { PreviewSettings, PreviewView } from '../../protocol.js';
import { DRAWING_PARTS, settingOf } from '../../render/drawing-parts.js';

export interface PreviewConfiguration {
    settings: PreviewSettings;
    defaultView: PreviewView;
    /** Milliseconds between the last model and the redraw. */
    debounce: number;
}

/** The `svcbp.preview.*` settings (documented in package.json). */
export function previewConfiguration(): PreviewConfiguration {
    const config = vscode.workspace.getConfiguration('svcbp.preview');
    return {
        settings: Object.fromEntries(DRAWING_PARTS.map(part => [part, config.get(settingOf(part), true)])) as PreviewSettings,
        defaultView: config.get<PreviewView>('defaultView', 'blueprint'),
        debounce: Math.max(0, config.get('debounce', 30))
    };
}
