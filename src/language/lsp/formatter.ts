import type { LangiumCoreServices, LangiumDocument, Lexer } from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams, DocumentOnTypeFormattingOptions, DocumentRangeFormattingParams, FormattingOptions, TextEdit
} from 'vscode-languageserver';
import { disabledLines } from '../validation/check-settings.js';
import { formatGaps, type Gap, type Token } from './format-gaps.js';
import { layoutOf } from './format-layout.js';

/**
 * The canonical layout (also `svcbp format`): two-space indentation, one declaration per line,
 * one space between the words of a statement, a property block on one line when it was written
 * on one line. Only the white space between tokens changes: strings and comments stay byte for
 * byte, and so does what comments mean (see format-gaps.ts). A file with syntax errors is left
 * as it is (its structure is unknown, and guessing could move text), and so is one whose line
 * breaks are bare carriage returns (the lexer and the doc comments would count its lines apart).
 */
export class SvcbpFormatter implements Formatter {
    private readonly lexer: Lexer;

    constructor(services: LangiumCoreServices) {
        this.lexer = services.parser.Lexer;
    }

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, params.options, () => true);
    }

    /** Only the gaps wholly inside the range. */
    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const start = document.textDocument.offsetAt(params.range.start);
        const end = document.textDocument.offsetAt(params.range.end);
        return this.edits(document, params.options, gap => gap.start >= start && gap.end <= end);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    get formatOnTypeOptions(): DocumentOnTypeFormattingOptions | undefined {
        return undefined;
    }

    private edits(document: LangiumDocument, options: FormattingOptions, wanted: (gap: Gap) => boolean): TextEdit[] {
        const text = document.textDocument.getText();
        return this.gaps(document, text, options)
            .filter(gap => wanted(gap) && text.slice(gap.start, gap.end) !== gap.text)
            .map(gap => ({ range: { start: document.textDocument.positionAt(gap.start), end: document.textDocument.positionAt(gap.end) }, newText: gap.text }));
    }

    private gaps(document: LangiumDocument, text: string, options: FormattingOptions): Gap[] {
        const { value: root, lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0 || /\r(?!\n)/.test(text)) return [];
        // The tree must be of this very text, or its offsets would point elsewhere.
        if (root.$cstNode?.root.fullText !== text) return [];
        const lexed = this.lexer.tokenize(text);
        if (lexed.errors.length > 0) return [];
        const tokens: Token[] = [...lexed.tokens, ...lexed.hidden]
            .map(token => ({
                start: token.startOffset,
                end: token.startOffset + token.image.length,
                kind: token.tokenType.name === 'SL_COMMENT' ? 'line-comment' as const : token.tokenType.name === 'ML_COMMENT' ? 'block-comment' as const : 'code' as const
            }))
            .sort((a, b) => a.start - b.start);
        const layout = layoutOf(root);
        // Every mark must fall on a token, and only white space may lie between tokens; else leave the text alone.
        const starts = new Set(tokens.map(token => token.start));
        if ([...layout.lineStarts.keys(), ...layout.tightBefore, ...layout.tightAfter].some(offset => !starts.has(offset))) return [];
        if (tokens.some((token, i) => !/^\s*$/.test(text.slice(i === 0 ? 0 : tokens[i - 1].end, token.start)))) return [];
        const indentUnit = options.insertSpaces === false ? '\t' : ' '.repeat(options.tabSize || 2);
        return formatGaps(text, tokens, layout, new Set(disabledLines(text).keys()), indentUnit);
    }
}
