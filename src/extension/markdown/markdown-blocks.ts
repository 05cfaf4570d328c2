import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { MODEL_OF_TEXT_REQUEST, type ModelOfTextParams, type ModelOfTextResult } from '../../protocol.js';
import { renderSvg } from '../../render/index.js';

/** The parts of markdown-it that VS Code's Markdown preview hands to `extendMarkdownIt`. */
interface FenceToken {
    info: string;
    content: string;
}
type FenceRule = (tokens: FenceToken[], index: number, options: unknown, env: MarkdownEnv, self: unknown) => string;
interface MarkdownIt {
    renderer: { rules: { fence?: FenceRule } };
    utils: { escapeHtml(text: string): string };
}
interface MarkdownEnv {
    /** The Markdown file being previewed (VS Code sets it). */
    currentDocument?: vscode.Uri;
}

interface Drawn {
    text: string;
    html: string;
}

/** Refreshes after the first, a second apart, while a new drawing has not been rendered. */
const MAX_REFRESHES = 5;
const SLOW_ANSWER_MS = 5000;

const isBlueprintFence = (token: FenceToken) => token.info.trim().split(/\s+/)[0] === 'svcbp';

/**
 * ```` ```svcbp ```` blocks in VS Code's Markdown preview, drawn as blueprints. markdown-it
 * renders synchronously and the language server answers later: a block shows its last drawing
 * (or a placeholder) and the preview is refreshed when the new drawing is ready. Each drawing is
 * an <img> of the standalone SVG: nothing from the file becomes markup in the preview.
 */
export class MarkdownBlocks {
    /** The latest drawing of each block, by file and position among the file's svcbp blocks. */
    private readonly drawn = new Map<string, Drawn>();
    private readonly pending = new Set<string>();
    /** Blocks drawn anew that the preview has not yet rendered: refreshed until it has. */
    private readonly unshown = new Set<string>();
    private refreshTimer: NodeJS.Timeout | undefined;

    /** The log says why a block keeps its placeholder, if one ever does (the extension's output channel). */
    constructor(private readonly client: LanguageClient, private readonly log: Pick<vscode.LogOutputChannel, 'warn'>) {}

    extendMarkdownIt(md: MarkdownIt): MarkdownIt {
        const fallback = md.renderer.rules.fence;
        md.renderer.rules.fence = (tokens, index, options, env, self) => {
            const token = tokens[index];
            if (!isBlueprintFence(token)) return fallback ? fallback(tokens, index, options, env, self) : `<pre><code>${md.utils.escapeHtml(token.content)}</code></pre>`;
            const file = env?.currentDocument?.toString() ?? 'untitled:markdown';
            const ordinal = tokens.slice(0, index).filter(t => (t as { type?: string }).type === 'fence' && isBlueprintFence(t)).length;
            return this.block(`${file}#${ordinal}`, file, token.content, md.utils.escapeHtml);
        };
        return md;
    }

    private block(key: string, file: string, text: string, escape: (text: string) => string): string {
        const last = this.drawn.get(key);
        if (last?.text === text) {
            this.unshown.delete(key);
            return last.html;
        }
        this.draw(key, file, text, escape);
        return last?.html ?? '<p class="svcbp-block"><em>Drawing the service blueprint…</em></p>';
    }

    private draw(key: string, file: string, text: string, escape: (text: string) => string): void {
        const job = `${key}\n${text}`;
        if (this.pending.has(job)) return;
        this.pending.add(job);
        const params: ModelOfTextParams = { uri: file, text };
        const slow = setTimeout(() => this.log.warn(`A svcbp block of ${file} has waited ${SLOW_ANSWER_MS / 1000} s for the language server's drawing.`), SLOW_ANSWER_MS);
        void this.client.sendRequest<ModelOfTextResult>(MODEL_OF_TEXT_REQUEST, params).then(
            answer => this.drawn.set(key, { text, html: blockHtml(answer, escape) }),
            error => this.drawn.set(key, { text, html: `<p class="svcbp-block"><em>${escape(`The blueprint could not be drawn: ${error instanceof Error ? error.message : String(error)}`)}</em></p>` })
        ).finally(() => {
            clearTimeout(slow);
            this.pending.delete(job);
            this.unshown.add(key);
            this.scheduleRefresh(0);
        });
    }

    /**
     * One refresh for the blocks that finish together. A refresh that comes while the preview is
     * still opening (after a window reload, say) is dropped, and the placeholder would stay: so
     * while a new drawing has not been rendered, refresh again, a few times at most (the preview
     * may have been closed).
     */
    private scheduleRefresh(attempt: number): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => {
            void vscode.commands.executeCommand('markdown.preview.refresh');
            this.refreshTimer = setTimeout(() => {
                if (this.unshown.size === 0) return;
                if (attempt < MAX_REFRESHES) return this.scheduleRefresh(attempt + 1);
                // A block no preview shows any more (closed, or deleted), or a preview that did not redraw.
                this.log.warn(`The Markdown preview did not redraw ${this.unshown.size} svcbp block(s) after ${MAX_REFRESHES + 1} refreshes.`);
                this.unshown.clear();
            }, 1000);
        }, attempt === 0 ? 50 : 0);
    }
}

function blockHtml({ result, errors }: ModelOfTextResult, escape: (text: string) => string): string {
    const images = result.blueprints.map(model => {
        const svg = renderSvg(model, { theme: 'light', embedColours: true });
        return `<img class="svcbp-blueprint" alt="${escape(`Service blueprint: ${model.title}`)}" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}">`;
    });
    const problems = errors.slice(0, 5).map(error => `<li>${escape(`line ${error.line + 1}: ${error.message}`)}</li>`);
    if (errors.length > problems.length) problems.push(`<li>${errors.length - problems.length} more</li>`);
    if (images.length === 0 && problems.length === 0) return '<p class="svcbp-block"><em>No blueprint in this block.</em></p>';
    return `<div class="svcbp-block">${images.join('')}${problems.length > 0 ? `<ul class="svcbp-block-errors">${problems.join('')}</ul>` : ''}</div>`;
}
