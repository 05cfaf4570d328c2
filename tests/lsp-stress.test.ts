import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseError } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MODEL_REQUEST } from '../src/protocol.js';
import { PROJECT } from './support/corpus.js';
import { answered, LspClient } from './support/lsp-client.js';
import { Random } from './support/random.js';
import { randomEdit, randomPosition } from './support/random-edits.js';

/**
 * The language server under a busy editor: random incremental edits of three files, each
 * followed at once by requests (outline, folding, formatting, hover, completion, definition,
 * the model), some at positions of an older text, not awaited before the next edit. Every
 * request must answer within a few seconds, the server must neither crash nor log an error,
 * and once the original texts are sent back, what it says equals what a fresh server says.
 * Like an editor, the client has a bounded number of requests in flight (beyond it, typing
 * waits for the oldest answer), so a slow machine lags but never piles up minutes of work.
 * SVCBP_STRESS_SEED replays a run.
 */
const SEED = Number(process.env.SVCBP_STRESS_SEED ?? 20_240_516);
const EDITS = 2000;
const BUDGET_MS = 8000;
const ANSWER_MS = 5000;
const IN_FLIGHT = 12;
const FILES = ['examples/restaurant.svcbp', 'examples/grocery-canvas.svcbp', 'realistic/energy-switch.svcbp'];
/** Cancelled or overtaken by an edit: answers an editor expects while the user types. */
const CANCELLED = new Set([-32800, -32801, -32802]);

describe('the language server under random edits and requests', () => {
    let dir: string;
    const uri = (file: string) => pathToFileURL(join(dir, file)).toString();
    const original = (file: string) => readFileSync(join(dir, file), 'utf8');

    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'svcbp-stress-'));
        cpSync(join(PROJECT, 'examples'), join(dir, 'examples'), { recursive: true });
        cpSync(join(PROJECT, 'tests/fixtures/realistic'), join(dir, 'realistic'), { recursive: true });
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it(`answers every request, and ends where a fresh server starts (seed ${SEED})`, async () => {
        const random = new Random(SEED);
        const stressed = await LspClient.start(dir);
        const failures: string[] = [];
        const pending: Array<Promise<void>> = [];
        const ask = (method: string, params: object, what: string) => {
            pending.push(answered(stressed.connection.sendRequest(method, params), ANSWER_MS, what).then(
                () => undefined,
                (error: unknown) => {
                    if (!(error instanceof ResponseError && CANCELLED.has(error.code))) failures.push(`${what}: ${String(error)}`);
                }
            ));
        };
        try {
            const documents = new Map<string, TextDocument>();
            for (const file of FILES) {
                documents.set(file, TextDocument.create(uri(file), 'svcbp', 1, original(file)));
                await stressed.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'svcbp', version: 1, text: original(file) } });
            }
            const started = Date.now();
            let edit = 0;
            for (; edit < EDITS && Date.now() - started < BUDGET_MS; edit++) {
                const file = random.pick(FILES);
                const before = documents.get(file)!;
                const change = randomEdit(before, random);
                const after = TextDocument.update(TextDocument.create(before.uri, 'svcbp', before.version, before.getText()), [change], before.version + 1);
                documents.set(file, after);
                void stressed.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version: after.version }, contentChanges: [change] });
                const textDocument = { uri: uri(file) };
                for (let i = random.int(4); i > 0; i--) {
                    const position = randomPosition(after, before, random);
                    const what = `edit ${edit} of ${file}`;
                    switch (random.int(7)) {
                        case 0: ask('textDocument/documentSymbol', { textDocument }, `outline after ${what}`); break;
                        case 1: ask('textDocument/foldingRange', { textDocument }, `folding after ${what}`); break;
                        case 2: ask('textDocument/formatting', { textDocument, options: { tabSize: 2, insertSpaces: true } }, `formatting after ${what}`); break;
                        case 3: ask('textDocument/hover', { textDocument, position }, `hover at ${JSON.stringify(position)} after ${what}`); break;
                        case 4: ask('textDocument/completion', { textDocument, position }, `completion at ${JSON.stringify(position)} after ${what}`); break;
                        case 5: ask('textDocument/definition', { textDocument, position }, `definition at ${JSON.stringify(position)} after ${what}`); break;
                        default: ask(MODEL_REQUEST, { uri: uri(file) }, `svcbp/model after ${what}`);
                    }
                }
                while (pending.length > IN_FLIGHT) await pending.shift();
                // Mostly the next keystroke at once; now and then a pause, as when the user reads.
                if (random.chance(0.1)) await new Promise(resolve => setTimeout(resolve, random.int(30)));
            }
            await Promise.all(pending);
            expect(failures).toEqual([]);
            // Even a slow machine gets through enough edits for the run to mean something.
            expect(edit).toBeGreaterThan(100);

            // The original texts again, as an undo would send them.
            for (const file of FILES) {
                const version = documents.get(file)!.version + 1;
                await stressed.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version }, contentChanges: [{ text: original(file) }] });
            }
            const fresh = await LspClient.start(dir);
            try {
                for (const file of FILES) {
                    await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'svcbp', version: 1, text: original(file) } });
                }
                for (const file of FILES) {
                    const expected = await stateOf(fresh, uri(file));
                    expect(await settledTo(stressed, uri(file), expected), file).toEqual(expected);
                }
            } finally {
                await fresh.stop();
            }
            expect(stressed.server.exitCode, 'the server exited').toBeNull();
            expect(stressed.loggedErrors).toEqual([]);
        } finally {
            await stressed.stop();
        }
        expect(stressed.stderr).toBe('');
    }, 60_000);
});

interface ServerState {
    model: unknown;
    symbols: unknown;
    diagnostics: unknown;
}

/** What a server says about a file once it has built it: its model, outline and diagnostics. */
async function stateOf(client: LspClient, uri: string): Promise<ServerState> {
    // The model answers once the text is validated, after its diagnostics went out.
    const model = await answered(client.connection.sendRequest(MODEL_REQUEST, { uri }), ANSWER_MS, `svcbp/model of ${uri}`);
    const symbols = await answered(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), ANSWER_MS, `outline of ${uri}`);
    return { model, symbols, diagnostics: await client.diagnostics(uri, () => true) };
}

/** The state of a busy server once it has caught up with the last edit (or its last state after 10 s). */
async function settledTo(client: LspClient, uri: string, expected: ServerState): Promise<ServerState> {
    const deadline = Date.now() + 10_000;
    for (;;) {
        const state = await stateOf(client, uri);
        if (JSON.stringify(state) === JSON.stringify(expected) || Date.now() > deadline) return state;
        await new Promise(resolve => setTimeout(resolve, 100));
    }
}
