import {
    AstUtils, CstUtils, GrammarAST, UriUtils, stream,
    type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream
} from 'langium';
import {
    DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionBacktrackingInformation,
    type CompletionContext, type CompletionValueItem, type NextFeature
} from 'langium/lsp';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import {
    isArrow, isImport, isPhase, isSegment, isStep, isTouchpoint,
    type Node, type Property
} from '../generated/ast.js';
import { arrowLinks, phaseIndex } from '../link/blueprint-contents.js';
import { FILE_EXTENSION } from '../link/imports.js';
import { docCommentOf } from '../parse/doc-comments.js';
import { ALLOWED_ON, type PropertyOwnerType } from '../validation/properties.js';
import { CHANNELS } from '../../model/channels.js';
import { BLUEPRINT_TEMPLATES } from './blueprint-templates.js';
import type { SvcbpServices } from './lsp-module.js';

/** Declarations offered as ready-made snippets next to their keyword. */
const SNIPPETS: Record<string, { detail: string; body: string }> = {
    phase: { detail: 'a phase (column)', body: 'phase ${1:name} "${2:Title}" { duration ${3:5min} emotion ${4:0} }' },
    lane: { detail: 'a lane (row)', body: 'lane ${1:name} "${2:Title}" ${3|customer,evidence,frontstage,backstage,support,actor,notes|} {\n\t$0\n}' },
    step: { detail: 'a step in a phase', body: 'step ${1:name} "${2:Title}" in ${3:phase}' },
    touchpoint: { detail: 'a touchpoint on the line of interaction', body: 'touchpoint ${1:name} "${2:Title}" in ${3:phase} { channel ${4:web} }' }
};

const PROPERTY_KEYWORDS = new Set(Object.keys(ALLOWED_ON));

/** The values of the properties whose value is one of a few words. */
const KEYWORD_VALUES: Record<string, readonly string[]> = { StatusProperty: ['as-is', 'to-be'], VisibilityProperty: ['visible', 'hidden'] };

/** Above this many characters before the cursor, completion parses a short equivalent prefix. */
export const SHORT_PREFIX_FROM = 20_000;

/**
 * Completion that knows where it is (Langium's default already offers the phases after `in`, the
 * actors after `by`, the systems after `uses`, lane and line kinds): only the phases after the
 * start after `..`, arrow targets nearest first with their lane and phase, channels with their
 * contact type, only the properties a block allows, `.svcbp` files inside an import, snippets.
 */
export class SvcbpCompletionProvider extends DefaultCompletionProvider {
    private readonly fileSystem: SvcbpServices['shared']['workspace']['FileSystemProvider'];

    constructor(services: SvcbpServices) {
        super(services);
        this.fileSystem = services.shared.workspace.FileSystemProvider;
    }

    /** The document being completed, for findFeaturesAt (which Langium hands only the text). */
    private current: LangiumDocument | undefined;

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const imports = await this.importPathCompletion(document, params);
        if (imports) return imports;
        this.current = document;
        this.source = undefined;
        try {
            return await super.getCompletion(document, params);
        } finally {
            this.current = undefined;
        }
    }

    /**
     * Langium learns what may come next by parsing all the text before the cursor, on every
     * request. What may come next depends only on the blocks that are open and the statement at
     * the cursor, so in a large file the completion parser gets just that: the headers of the
     * open blocks (`blueprint b {`, `lane l customer {`) and the text from the current statement on.
     */
    /**
     * Langium finds the token at the cursor by lexing the whole document on every request; in a
     * large file, lexing from the current statement (a token boundary) to the end of the line
     * finds the same token.
     */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const start = this.current && offset > SHORT_PREFIX_FROM ? currentStatement(this.current, offset)?.start : undefined;
        if (start === undefined) return super.backtrackToAnyToken(text, offset);
        const lineEnd = text.indexOf('\n', offset);
        const found = super.backtrackToAnyToken(text.slice(start, lineEnd < 0 ? text.length : lineEnd), offset - start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + start);
        return {
            nextTokenStart: found.nextTokenStart + start,
            nextTokenEnd: found.nextTokenEnd + start,
            previousTokenStart: shift(found.previousTokenStart),
            previousTokenEnd: shift(found.previousTokenEnd)
        };
    }

    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const prefix = this.current && offset > SHORT_PREFIX_FROM ? shortPrefix(this.current, offset) : undefined;
        if (prefix === undefined) return super.findFeaturesAt(textDocument, offset);
        const result = this.completionParser.parse(prefix);
        if (result.tokenIndex === 0) return super.findFeaturesAt(textDocument, offset);
        const leftover = [...result.tokens].splice(result.tokenIndex);
        return findNextFeatures([result.elementStack.map(feature => ({ feature }))], leftover);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (rule?.name === 'ChannelProperty' && GrammarAST.isAssignment(next.feature.$container) && next.feature.$container.feature === 'value') {
            for (const [channel, contactType] of Object.entries(CHANNELS)) {
                acceptor(context, { label: channel, kind: CompletionItemKind.EnumMember, detail: contactType, sortText: channel });
            }
            return;
        }
        // status and visibility take any word in the grammar (so a wrong one gets one message); offer the right ones.
        const values = rule && GrammarAST.isAssignment(next.feature.$container) && next.feature.$container.feature === 'value' ? KEYWORD_VALUES[rule.name] : undefined;
        if (values) {
            for (const value of values) acceptor(context, { label: value, kind: CompletionItemKind.EnumMember, sortText: value });
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        // `visibility` is a property and a line kind: only a property's keyword depends on the block.
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name ?? '';
        if (PROPERTY_KEYWORDS.has(keyword.value) && rule.endsWith('Property')) {
            const owner = blockOwner(context.document, context.offset);
            if (!owner || !ALLOWED_ON[keyword.value as Property['key']].includes(owner)) return;
        }
        if (keyword.value === 'blueprint' && rule === 'Blueprint') {
            // Where a blueprint may start: the whole-blueprint templates (also svcbp: New Blueprint…).
            for (const template of BLUEPRINT_TEMPLATES) {
                acceptor(context, {
                    label: `blueprint (${template.name})…`, kind: CompletionItemKind.Snippet, detail: template.description,
                    insertText: template.body, insertTextFormat: InsertTextFormat.Snippet, sortText: `~blueprint ${template.name}`
                });
            }
        }
        const snippet = SNIPPETS[keyword.value];
        if (snippet) {
            acceptor(context, {
                label: `${keyword.value}…`, kind: CompletionItemKind.Snippet, detail: snippet.detail,
                insertText: snippet.body, insertTextFormat: InsertTextFormat.Snippet, sortText: `~${keyword.value}`
            });
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        // A scope's stream can be read once: keep it as a list.
        let candidates = super.getReferenceCandidates(refInfo, context).toArray();
        const container = refInfo.container;
        if (refInfo.property === 'endPhase' && isStep(container) && container.phase?.ref) {
            // `in a..b`: only the phases after a.
            const start = phaseIndex(container.phase.ref);
            candidates = candidates.filter(d => isPhase(d.node) && phaseIndex(d.node) > start);
        }
        this.candidateCount = candidates.length;
        return stream(candidates);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        if (isStep(node) || isTouchpoint(node)) {
            const phase = node.phase?.ref;
            const where = isStep(node) ? `${node.$container.title ?? node.$container.name} · ${phase?.title ?? phase?.name ?? '?'}` : `touchpoint · ${phase?.title ?? phase?.name ?? '?'}`;
            const distance = this.phaseDistance(node, refInfo, context);
            return { ...item, detail: where, sortText: `${String(distance).padStart(4, '0')} ${description.name}` };
        }
        if (isPhase(node)) return { ...item, detail: node.title, sortText: String(phaseIndex(node)).padStart(4, '0') };
        return item;
    }

    /** How many phases lie between a candidate and the node the arrow starts from (arrows mostly go to a neighbour). */
    private phaseDistance(candidate: Node, refInfo: ReferenceInfo, context: CompletionContext): number {
        if (this.source?.container !== refInfo.container) {
            this.source = { container: refInfo.container, phase: phaseIndexOf(arrowSource(refInfo.container, context)) };
        }
        const from = this.source.phase;
        const to = phaseIndexOf(candidate);
        return from < 0 || to < 0 ? 999 : Math.abs(to - from);
    }

    /** The arrow's source phase, computed once per request rather than once per candidate. */
    private source: { container: AstNode; phase: number } | undefined;

    /**
     * The doc comment, read the way hover reads it (Langium's reader walks siblings per candidate).
     * Left out of very long lists, where hover still shows it: it would cost more than the list.
     */
    protected override getReferenceDocumentation(description: AstNodeDescription): string | undefined {
        if (this.candidateCount > 1000 || !description.node) return undefined;
        return docCommentOf(description.node);
    }

    private candidateCount = 0;

    /** Inside the string of an `import`: the .svcbp files and folders next to the path typed so far. */
    private async importPathCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeAtOffset(root, offset - 1);
        if (!leaf || !isImport(leaf.astNode) || leaf.tokenType?.name !== 'STRING' || offset <= leaf.offset) return undefined;
        const typed = leaf.text.slice(1, offset - leaf.offset);
        const folderPart = typed.includes('/') ? typed.slice(0, typed.lastIndexOf('/') + 1) : '';
        const folder = UriUtils.resolvePath(UriUtils.dirname(document.uri), folderPart || '.');
        let entries;
        try {
            entries = await this.fileSystem.readDirectory(folder);
        } catch {
            return { isIncomplete: false, items: [] };
        }
        const items: CompletionItem[] = [];
        const start = document.textDocument.positionAt(leaf.offset + 1 + folderPart.length);
        for (const entry of entries) {
            const name = UriUtils.basename(entry.uri);
            if (name.startsWith('.') || entry.uri.toString() === document.uri.toString()) continue;
            if (entry.isDirectory) {
                items.push({ label: `${name}/`, kind: CompletionItemKind.Folder, textEdit: { range: { start, end: params.position }, newText: `${name}/` }, command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } });
            } else if (name.endsWith(FILE_EXTENSION)) {
                const path = name.slice(0, -FILE_EXTENSION.length);
                items.push({ label: path, kind: CompletionItemKind.File, detail: folderPart + name, textEdit: { range: { start, end: params.position }, newText: path } });
            }
        }
        return { isIncomplete: false, items: items.sort((a, b) => a.label.localeCompare(b.label)) };
    }
}

/**
 * The kind of block the cursor is in, for the properties it allows: the statement that owns the
 * innermost `{` still open before the cursor (Langium's context node is the last complete
 * statement, which after `phase p1` is the phase, not the blueprint around it).
 */
function blockOwner(document: LangiumDocument, offset: number): PropertyOwnerType | undefined {
    const brace = openBraces(document.textDocument.getText(), offset).pop() ?? -1;
    const root = document.parseResult.value.$cstNode;
    const node = brace >= 0 && root ? CstUtils.findLeafNodeAtOffset(root, brace)?.astNode : undefined;
    const type = node?.$type;
    return type === 'Blueprint' || type === 'Phase' || type === 'Lane' || type === 'Step' || type === 'Touchpoint' || type === 'Actor' || type === 'System' ? type : undefined;
}

/** The open blocks' headers and the current statement: parses to the same grammar state as the whole prefix. */
function shortPrefix(document: LangiumDocument, offset: number): string | undefined {
    const statement = currentStatement(document, offset);
    if (!statement) return undefined;
    return `${statement.headers.join('\n')}\n${document.textDocument.getText().slice(statement.start, offset)}`;
}

/**
 * Where the statement at the cursor starts (the last statement of the innermost open block that
 * begins before the cursor, or just after its brace), with the headers of the open blocks.
 */
function currentStatement(document: LangiumDocument, offset: number): { start: number; headers: string[] } | undefined {
    const text = document.textDocument.getText();
    const root = document.parseResult.value.$cstNode;
    const braces = openBraces(text, offset);
    if (!root || braces.length === 0) return undefined;
    const headers: string[] = [];
    let owner: AstNode | undefined;
    for (const brace of braces) {
        owner = CstUtils.findLeafNodeAtOffset(root, brace)?.astNode;
        const start = owner?.$cstNode?.offset;
        if (!owner || start === undefined || start > brace) return undefined;
        headers.push(text.slice(start, brace + 1));
    }
    let start = braces[braces.length - 1] + 1;
    for (const child of AstUtils.streamContents(owner!)) {
        const childStart = child.$cstNode?.offset;
        if (childStart !== undefined && childStart > start && childStart < offset) start = childStart;
    }
    return { start, headers };
}

/** Offsets of the `{` still open before `end`, outermost first, skipping strings and comments. */
function openBraces(text: string, end: number): number[] {
    const open: number[] = [];
    for (let i = 0; i < end; i++) {
        const c = text[i];
        if (c === '"') {
            for (i++; i < end && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
        } else if (c === '/' && text[i + 1] === '/') {
            while (i < end && text[i] !== '\n') i++;
        } else if (c === '/' && text[i + 1] === '*') {
            const close = text.indexOf('*/', i + 2);
            i = close < 0 ? end : close + 1;
        } else if (c === '{') {
            open.push(i);
        } else if (c === '}') {
            open.pop();
        }
    }
    return open;
}

function phaseIndexOf(node: Node | undefined): number {
    const phase = node?.phase?.ref;
    return phase ? phaseIndex(phase) : -1;
}

/** The node an arrow segment being completed starts from: the chain's node before it. */
function arrowSource(container: AstNode, context: CompletionContext): Node | undefined {
    const arrow = isSegment(container) ? container.$container : isArrow(container) ? container : isArrow(context.node) ? context.node : undefined;
    if (!arrow) return undefined;
    const links = arrowLinks(arrow);
    const last = links[links.length - 1];
    if (isSegment(container)) return links.find(link => link.segment === container)?.from.ref ?? arrow.source?.ref;
    return last?.to.ref ?? arrow.source?.ref;
}

