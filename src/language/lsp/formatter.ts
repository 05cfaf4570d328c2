import type { AstNode, LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type NodeFormatter } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** One declaration per line, keeping the blank lines an author put between groups. */
const LINE = Formatting.newLine({ allowMore: true });
const INDENTED_LINE = Formatting.indent({ allowMore: true });

/**
 * The canonical layout: two-space indentation, one declaration per line, one space between the
 * words of a statement. Only white space between tokens changes, so comments and meaning stay.
 * A property block stays on one line when it was written on one line. A file with syntax errors
 * is left as it is: its structure is unknown, and guessing could move text.
 */
export class SvcbpFormatter extends AbstractFormatter {
    override async formatDocument(document: LangiumDocument, params: DocumentFormattingParams): Promise<TextEdit[]> {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) return [];
        const edits = await super.formatDocument(document, params);
        // Langium edits only between tokens; trailing spaces and the final newline are settled here.
        const text = document.textDocument.getText();
        const formatted = tidy(TextDocument.applyEdits(document.textDocument, edits));
        if (formatted === text) return [];
        return [{ range: { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(text.length) }, newText: formatted }];
    }

    protected format(node: AstNode): void {
        if (ast.isSvcbpFile(node)) {
            const f = this.getNodeFormatter(node);
            f.nodes(...[...node.imports, ...node.elements].slice(1)).prepend(LINE);
            if (node.imports.length && node.elements.length) f.node(node.elements[0]).prepend(Formatting.newLines(2));
        } else if (ast.isImport(node)) {
            this.getNodeFormatter(node).property('path').prepend(Formatting.oneSpace());
        } else if (ast.isBlueprint(node)) {
            this.header(node, ['name', 'title']);
            this.multiLineBlock(node, node.members);
        } else if (ast.isSection(node)) {
            this.header(node, ['title']);
            this.multiLineBlock(node, node.members);
        } else if (ast.isLane(node)) {
            const f = this.header(node, ['name', 'title', 'kind']);
            f.keyword('by').prepend(Formatting.oneSpace());
            f.property('actor').prepend(Formatting.oneSpace());
            this.multiLineBlock(node, [...node.properties, ...node.steps].sort((a, b) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0)));
        } else if (ast.isStep(node)) {
            const f = this.header(node, ['name', 'title']);
            f.keyword('in').prepend(Formatting.oneSpace());
            f.property('phase').prepend(Formatting.oneSpace());
            f.keyword('..').surround(Formatting.noSpace());
            this.propertyBlock(node);
        } else if (ast.isTouchpoint(node)) {
            const f = this.header(node, ['name', 'title']);
            f.keyword('in').prepend(Formatting.oneSpace());
            f.property('phase').prepend(Formatting.oneSpace());
            this.propertyBlock(node);
        } else if (ast.isPhase(node) || ast.isActor(node) || ast.isSystem(node)) {
            this.header(node, ['name', 'title']);
            this.propertyBlock(node);
        } else if (ast.isLine(node)) {
            this.getNodeFormatter(node).properties('kind', 'label').prepend(Formatting.oneSpace());
        } else if (ast.isSegment(node)) {
            const f = this.getNodeFormatter(node);
            f.property('op').prepend(Formatting.oneSpace());
            f.properties('target', 'label').prepend(Formatting.oneSpace());
        } else if (ast.isProperty(node)) {
            const f = this.getNodeFormatter(node as AstNode);
            f.keyword(',').prepend(Formatting.noSpace()).append(Formatting.oneSpace());
            for (const property of ['value', 'text', 'actor', 'target']) f.property(property as never).prepend(Formatting.oneSpace());
            if (ast.isUsesProperty(node)) f.property('systems', 0).prepend(Formatting.oneSpace());
        }
    }

    /** `keyword name "Title" kind`: one space between the words. */
    private header<T extends AstNode>(node: T, properties: string[]): NodeFormatter<T> {
        const f = this.getNodeFormatter(node);
        f.properties(...(properties as never[])).prepend(Formatting.oneSpace());
        f.keyword('{').prepend(Formatting.oneSpace());
        return f;
    }

    private multiLineBlock(node: AstNode, members: AstNode[]): void {
        const f = this.getNodeFormatter(node);
        const close = f.keyword('}');
        f.nodes(...members).prepend(INDENTED_LINE);
        close.prepend(Formatting.newLine());
    }

    /** `{ a b }` when written on one line, else one property per line. */
    private propertyBlock(node: AstNode & { properties: ast.Property[] }): void {
        const f = this.getNodeFormatter(node);
        const open = f.keyword('{');
        const close = f.keyword('}');
        const openNode = open.nodes[0];
        const closeNode = close.nodes[0];
        if (!openNode || !closeNode) return;
        if (openNode.range.start.line === closeNode.range.start.line) {
            open.append(Formatting.oneSpace());
            f.nodes(...node.properties.slice(1)).prepend(Formatting.oneSpace());
            close.prepend(Formatting.oneSpace());
        } else {
            f.nodes(...node.properties).prepend(Formatting.indent());
            close.prepend(Formatting.newLine());
        }
    }
}

/**
 * What Langium's token-level formatting leaves: trailing spaces, runs of blank lines (outside block
 * comments, whose text is the author's), line comments at the indentation of the line they
 * annotate, one newline at the end.
 */
function tidy(text: string): string {
    const collapsed = text.replace(/[ \t]+$/gm, '').replace(/\/\*[\s\S]*?\*\/|\n{3,}/g, match => (match.startsWith('/*') ? match : '\n\n'));
    const lines = collapsed.replace(/\n*$/, '').split('\n');
    let inBlockComment = false;
    for (let i = 0; i < lines.length; i++) {
        const trimmed = lines[i].trim();
        if (!inBlockComment && trimmed.startsWith('//')) {
            const next = lines.slice(i + 1).find(line => line.trim() !== '' && !line.trim().startsWith('//'));
            lines[i] = (next ? /^\s*/.exec(next)![0] : '') + trimmed;
        }
        if (trimmed.includes('/*') && !trimmed.slice(trimmed.lastIndexOf('/*')).includes('*/')) inBlockComment = true;
        else if (inBlockComment && trimmed.includes('*/')) inBlockComment = false;
    }
    return `${lines.join('\n')}\n`;
}
