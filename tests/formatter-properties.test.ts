import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildModels } from '../src/model/build-model.js';
import { svcbp } from './support/cli.js';
import { corpusFiles, PROJECT } from './support/corpus.js';
import { broken, lex, tokenImages, variantsOf } from './support/format-variants.js';
import { answered, LspClient } from './support/lsp-client.js';
import { Random } from './support/random.js';
import { listFiles, TestWorkspace } from './support/workspace.js';

/** The files the corpus imports, at their places beside it. */
const IMPORTED = [...listFiles(join(PROJECT, 'examples/common')), ...listFiles(join(PROJECT, 'tests/fixtures/realistic/common'))]
    .map(file => ({ path: relative(PROJECT, file), text: readFileSync(file, 'utf8') }));

const OPTIONS = { tabSize: 2, insertSpaces: true };

interface Examined {
    syntaxErrors: boolean;
    formatted: string;
    /** What the text means: its models without source positions, and its diagnostics' codes. */
    meaning: { models: string; codes: string[] };
}

/** A workspace with the imported files and one text as the file `path`, built. */
async function built(path: string, text: string) {
    const workspace = new TestWorkspace();
    for (const file of IMPORTED) workspace.write(file.path, file.text);
    workspace.write(path, text);
    const [document] = await workspace.build(path);
    return { document, formatter: workspace.services.Svcbp.lsp.Formatter!, params: { textDocument: { uri: document.uri.toString() }, options: OPTIONS } };
}

const applied = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'svcbp', 1, text), edits);

/** Builds a text as the file `path` (its imports beside it), formats it, and reads what it means. */
async function examine(path: string, text: string): Promise<Examined> {
    const { document, formatter, params } = await built(path, text);
    const { lexerErrors, parserErrors } = document.parseResult;
    return {
        syntaxErrors: lexerErrors.length + parserErrors.length > 0,
        formatted: applied(text, await formatter.formatDocument(document, params)),
        meaning: {
            models: JSON.stringify(buildModels(document), (key, value) => (key === 'range' || key === 'uri' ? undefined : value)),
            codes: (document.diagnostics ?? []).map(d => String(d.code)).sort()
        }
    };
}

/** A fixed seed per file, so a failure names what to replay. */
const seedOf = (file: string) => [...file].reduce((hash, char) => (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0, 16);

/**
 * The variants a file is tried in: every one for the examples; for the larger realistic files the
 * ones that mix everything, which keeps the suite fast (the single transformations are in "all at once").
 */
function variantsFor(file: string, text: string, random: Random) {
    const mixed = ['as written', 'white space re-spun', 'comments between tokens', 'all at once'];
    return variantsOf(text, random).filter(variant => file.startsWith('examples/') || mixed.includes(variant.name));
}

describe('the formatter on the corpus and generated variants', () => {
    it.each(corpusFiles())('%s: idempotent, every token kept byte for byte, the same model and diagnostics', async file => {
        const random = new Random(seedOf(file));
        const text = readFileSync(join(PROJECT, file), 'utf8');
        for (const variant of variantsFor(file, text, random)) {
            const what = `${file}, ${variant.name} (seed ${random.seed})`;
            const first = await examine(file, variant.text);
            // Every generated variant parses: the properties below are not vacuous.
            expect(first.syntaxErrors, what).toBe(false);
            expect(tokenImages(first.formatted), what).toEqual(tokenImages(variant.text));
            expect(first.formatted.startsWith('\uFEFF'), what).toBe(variant.text.startsWith('\uFEFF'));
            const second = await examine(file, first.formatted);
            expect(second.formatted, `${what}: formatting again changed it`).toBe(first.formatted);
            expect(second.meaning, what).toEqual(first.meaning);
        }
    });

    it.each(corpusFiles())('%s with a syntax error is left as it is', async file => {
        const random = new Random(seedOf(file) + 1);
        const text = readFileSync(join(PROJECT, file), 'utf8');
        for (let i = 0; i < 2; i++) {
            const variant = broken(text, random);
            const result = await examine(file, variant);
            expect(result.syntaxErrors).toBe(true);
            expect(result.formatted).toBe(variant);
        }
    });
});

describe('range formatting', () => {
    it.each(corpusFiles())('%s: edits only inside the range, and the whole range formats as the whole file does', async file => {
        const random = new Random(seedOf(file) + 2);
        const text = readFileSync(join(PROJECT, file), 'utf8');
        const variant = variantsOf(text, random).find(v => v.name === 'all at once')!;
        const { document, formatter, params } = await built(file, variant.text);
        const textDocument = document.textDocument;
        for (let i = 0; i < 5; i++) {
            const [from, to] = [random.int(variant.text.length + 1), random.int(variant.text.length + 1)].sort((a, b) => a - b);
            const range = { start: textDocument.positionAt(from), end: textDocument.positionAt(to) };
            // A position cannot fall between a CR and its LF: the range as an editor sends it.
            const [start, end] = [textDocument.offsetAt(range.start), textDocument.offsetAt(range.end)];
            const edits = await formatter.formatDocumentRange(document, { ...params, range });
            const what = `${file}, range ${start}-${end}`;
            for (const edit of edits) {
                expect(textDocument.offsetAt(edit.range.start), what).toBeGreaterThanOrEqual(start);
                expect(textDocument.offsetAt(edit.range.end), what).toBeLessThanOrEqual(end);
            }
            const result = applied(variant.text, edits);
            expect(result.slice(0, start), what).toBe(variant.text.slice(0, start));
            expect(result.slice(result.length - (variant.text.length - end)), what).toBe(variant.text.slice(end));
        }
        const whole = { start: textDocument.positionAt(0), end: textDocument.positionAt(variant.text.length) };
        expect(applied(variant.text, await formatter.formatDocumentRange(document, { ...params, range: whole })))
            .toBe(applied(variant.text, await formatter.formatDocument(document, params)));
    });
});

describe('the editor and the command line', () => {
    it('format every corpus file and variant the same way', async () => {
        const root = mkdtempSync(join(tmpdir(), 'svcbp-format-'));
        const cli = join(root, 'cli');
        const editor = join(root, 'editor');
        let client: LspClient | undefined;
        try {
            const files = new Map<string, string>(IMPORTED.map(file => [file.path, file.text]));
            for (const file of corpusFiles()) {
                const random = new Random(seedOf(file) + 3);
                const variants = variantsOf(readFileSync(join(PROJECT, file), 'utf8'), random)
                    .filter(v => v.name === 'all at once' || (v.name === 'as written' && file.startsWith('examples/')));
                for (const [i, variant] of variants.entries()) files.set(file.replace(/\.svcbp$/, `.v${i}.svcbp`), variant.text);
            }
            for (const [file, text] of files) {
                mkdirSync(dirname(join(cli, file)), { recursive: true });
                writeFileSync(join(cli, file), text);
            }
            cpSync(cli, editor, { recursive: true });
            expect(svcbp(['format', '.'], cli).status).toBe(0);

            client = await LspClient.start(editor);
            for (const [file, text] of files) {
                const uri = pathToFileURL(join(editor, file)).toString();
                await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'svcbp', version: 1, text } });
                const format = async () => answered(client!.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: OPTIONS }), 10_000, `formatting ${file}`) as Promise<TextEdit[]>;
                const expected = readFileSync(join(cli, file), 'utf8');
                expect(applied(text, await format()), file).toBe(expected);
                // Typing a space into a step (re-parsed on its own, spliced into the tree) formats the same.
                const step = lex(text).find(token => token.kind === 'code' && token.image === 'step');
                if (!step) continue;
                const at = step.end;
                const typed = TextDocument.create(uri, 'svcbp', 1, text);
                const change = { range: { start: typed.positionAt(at), end: typed.positionAt(at) }, text: ' ' };
                await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [change] });
                expect(applied(TextDocument.applyEdits(typed, [{ ...change, newText: ' ' }]), await format()), `${file} after typing`).toBe(expected);
            }
        } finally {
            await client?.stop();
            rmSync(root, { recursive: true, force: true });
        }
    }, 60_000);
});
