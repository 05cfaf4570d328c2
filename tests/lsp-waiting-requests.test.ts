import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_REQUEST, type ModelRequestResult } from '../src/protocol.js';
import { answered, LspClient } from './support/lsp-client.js';

/**
 * Requests that wait for a document's build answer, whenever they come: an outline, folding or
 * formatting request waits only for the parse, and once hung for ever when it arrived while the
 * document was being updated (the builder parsed it without saying so); a request about a file
 * just opened while another build ran failed with "No document found"; `svcbp/model` answered
 * null right after didOpen.
 */
const ANSWER_MS = 5000;
const OPTIONS = { tabSize: 2, insertSpaces: true };
const PARSE_ONLY = ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/formatting', 'textDocument/rangeFormatting'];

/** A blueprint with `extra` more steps, so that its build takes a while. */
const blueprint = (name: string, extra = 0) => `blueprint ${name} {\n  phase p\n  lane c customer {\n    step a in p\n    step b in p\n${
    Array.from({ length: extra }, (_, i) => `    step s${i} "Step ${i}" in p { duration 5min }\n`).join('')}  }\n  a -> b\n}\n`;
// A file with a broken import and a broken reference: every update relinks it and looks on the
// disk for the import, which lets the server read the next message in the middle of a build.
const RELINKED = 'import "missing"\nblueprint x {\n  phase p\n  lane c customer { step a in p }\n  a -> nowhere\n}\n';

function parseOnlyRequests(client: LspClient, uri: string, what: string): Array<Promise<unknown>> {
    return PARSE_ONLY.map(method => answered(client.connection.sendRequest(method, {
        textDocument: { uri }, options: OPTIONS, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }
    }), ANSWER_MS, `${method} ${what}`));
}

describe('requests that wait for the build', () => {
    let dir: string;
    let client: LspClient | undefined;
    const uri = (file: string) => pathToFileURL(join(dir, file)).toString();
    const open = (client: LspClient, file: string, text: string) =>
        client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'svcbp', version: 1, text } });

    beforeAll(() => {
        dir = mkdtempSync(join(tmpdir(), 'svcbp-waiting-'));
    });

    afterEach(async () => {
        await client?.stop();
        client = undefined;
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('answers outline, folding and formatting requests sent while the document is being updated', async () => {
        client = await LspClient.start(dir);
        await open(client, 'x.svcbp', RELINKED);
        await open(client, 'd.svcbp', blueprint('d'));
        await client.diagnostics(uri('d.svcbp'), () => true);
        for (let version = 2; version <= 13; version++) {
            void client.connection.sendNotification('textDocument/didChange', {
                textDocument: { uri: uri('d.svcbp'), version }, contentChanges: [{ text: blueprint('d') + ' '.repeat(version) }]
            });
            const answers = await Promise.all(parseOnlyRequests(client, uri('d.svcbp'), `after change ${version}`));
            expect(answers.every(answer => answer !== null)).toBe(true);
        }
    });

    it('answers requests sent with didOpen, at once, across many files', async () => {
        client = await LspClient.start(dir);
        const requests: Array<Promise<unknown>> = [];
        for (let i = 0; i < 30; i++) {
            const file = `many${i}.svcbp`;
            // Each missing import is a look on the disk during the build, when the next messages are read.
            const imports = Array.from({ length: 8 }, (_, j) => `import "missing${i}-${j}"\n`).join('');
            void open(client, file, `${imports}${blueprint(`many${i}`, 100)}`);
            requests.push(...parseOnlyRequests(client, uri(file), file));
            requests.push(answered(client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: { line: 11, character: 9 } }), ANSWER_MS, `hover ${file}`));
        }
        // Each answers, and with a result: "No document found" would be an error.
        const settled = await Promise.allSettled(requests);
        expect(settled.filter(result => result.status === 'rejected').map(result => String((result as PromiseRejectedResult).reason))).toEqual([]);
        expect(settled.filter(result => result.status === 'fulfilled' && result.value === null)).toEqual([]);
    });

    it('answers svcbp/model with the model right after didOpen, as the server starts', async () => {
        client = await LspClient.start(dir);
        const models: Array<Promise<ModelRequestResult>> = [];
        for (let i = 0; i < 5; i++) {
            void open(client, `model${i}.svcbp`, blueprint(`model${i}`));
            models.push(answered(client.connection.sendRequest(MODEL_REQUEST, { uri: uri(`model${i}.svcbp`) }), ANSWER_MS, `svcbp/model ${i}`));
        }
        const results = await Promise.all(models);
        expect(results.map(result => result?.blueprints.map(b => b.id))).toEqual([['model0'], ['model1'], ['model2'], ['model3'], ['model4']]);
        // A file that is neither open nor loaded has no model.
        expect(await client.connection.sendRequest(MODEL_REQUEST, { uri: uri('nowhere.svcbp') })).toBeNull();
    });
});
