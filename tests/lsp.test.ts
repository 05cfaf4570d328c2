import type { ModelResult } from '../src/model/types.js';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempProject } from './support/cli.js';
import { LspClient } from './support/lsp-client.js';
import {
    MODEL_CHANGED_NOTIFICATION, MODEL_OF_TEXT_REQUEST, MODEL_REQUEST, WATCH_MODELS_NOTIFICATION,
    type ModelChangedParams, type ModelOfTextResult, type ModelRequestResult
} from '../src/protocol.js';

describe('the language server over stdio', () => {
    let client: LspClient;
    let dir: string;
    let legend: { tokenTypes: string[]; tokenModifiers: string[] };
    const uri = (file: string) => pathToFileURL(join(dir, 'examples', file)).toString();
    const read = (file: string) => readFileSync(join(dir, 'examples', file), 'utf8');

    beforeAll(async () => {
        dir = tempProject();
        const server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        client = new LspClient(server);
        const root = pathToFileURL(dir).toString();
        const result = await client.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: root,
            workspaceFolders: [{ uri: root, name: 'project' }],
            capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }
        }) as { capabilities: Record<string, unknown> };
        expect(result.capabilities.textDocumentSync).toBeDefined();
        legend = (result.capabilities.semanticTokensProvider as { legend: typeof legend }).legend;
        await client.connection.sendNotification('initialized', {});
    });

    afterAll(async () => {
        await client.connection.sendRequest('shutdown');
        await client.connection.sendNotification('exit');
        const exited = await new Promise<boolean>(resolve => {
            client.server.on('exit', () => resolve(true));
            setTimeout(() => resolve(false), 5000);
        });
        if (!exited) client.server.kill();
        expect(exited).toBe(true);
    });

    it('publishes no problems for an example the user opens', async () => {
        await client.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: uri('restaurant.svcbp'), languageId: 'svcbp', version: 1, text: read('restaurant.svcbp') }
        });
        expect(await client.diagnostics(uri('restaurant.svcbp'), () => true)).toEqual([]);
    });

    it('publishes a broken reference with its code, range, suggestion and data as the user types', async () => {
        const text = read('restaurant.svcbp').replace('cook -> pass', 'cok -> pass');
        await client.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri('restaurant.svcbp'), version: 2 },
            contentChanges: [{ text }]
        });
        const [diagnostic] = await client.diagnostics(uri('restaurant.svcbp'), d => d.length > 0);
        const line = text.split('\n').findIndex(l => l.includes('cok -> pass'));
        expect(diagnostic).toMatchObject({
            code: 'unresolved-reference',
            severity: 1,
            message: "Unknown step 'cok'. Did you mean 'cook'?",
            data: { suggestion: 'cook' },
            range: { start: { line, character: 2 }, end: { line, character: 5 } }
        });
    });

    it('lets an open, unsaved imported file win over the disk', async () => {
        const platform = read('common/platform.svcbp').replace('system crm "Customer service desk"', '');
        await client.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: uri('common/platform.svcbp'), languageId: 'svcbp', version: 1, text: platform }
        });
        const diagnostics = await client.diagnostics(uri('grocery-canvas.svcbp'), d => d.some(x => x.code === 'unresolved-reference'));
        expect(diagnostics.map(d => d.message)).toContain("Unknown system 'crm'. Declare it with `system crm`, or import the file that declares it.");
    });

    it('answers svcbp/model with the blueprint model of the current text', async () => {
        const result = await client.connection.sendRequest(MODEL_REQUEST, { uri: uri('restaurant-actors.svcbp') }) as ModelRequestResult;
        expect(result?.blueprints.map(b => [b.id, b.lanes.length, b.lines.length])).toEqual([['restaurantActors', 5, 3]]);
        expect(await client.connection.sendRequest(MODEL_REQUEST, { uri: uri('nowhere.svcbp') })).toBeNull();
    });

    it('answers svcbp/modelOfText for a Markdown block: imports beside the Markdown file, errors by line, the workspace untouched', async () => {
        const block = [
            'import "common/platform"',
            'blueprint shop "Shop from the notes" {',
            '  phase browse "Browse"',
            '  phase pay "Pay"',
            '  lane guest "Guest" customer { step look "Look around" in browse { uses app } step card "Pay" in pay }',
            '  look -> card',
            '}'
        ].join('\n');
        const answer = await client.connection.sendRequest(MODEL_OF_TEXT_REQUEST, { uri: uri('notes.md'), text: block }) as ModelOfTextResult;
        expect(answer.errors).toEqual([]);
        const [model] = answer.result.blueprints;
        expect(model.title).toBe('Shop from the notes');
        expect(model.lanes.flatMap(lane => lane.steps.map(step => [step.id, step.systems]))).toEqual([['look', ['app']], ['card', []]]);
        expect(model.arrows).toHaveLength(1);

        const broken = await client.connection.sendRequest(MODEL_OF_TEXT_REQUEST, { uri: uri('notes.md'), text: block.replace('look -> card', 'lok -> card') }) as ModelOfTextResult;
        expect(broken.errors).toEqual([{ line: 5, character: 2, message: "Unknown step 'lok'. Did you mean 'look'?" }]);
        expect(broken.result.blueprints[0].arrows).toHaveLength(0);

        const unclosed = await client.connection.sendRequest(MODEL_OF_TEXT_REQUEST, { uri: uri('notes.md'), text: 'blueprint b "B" {\n  phase p "P"\n' }) as ModelOfTextResult;
        expect(unclosed.errors.length).toBeGreaterThan(0);
        expect(unclosed.errors[0].line).toBeGreaterThanOrEqual(1);

        // The block is not part of the workspace the editor sees.
        expect(await client.connection.sendRequest('workspace/symbol', { query: 'Shop from the notes' })).toEqual([]);
        expect(await client.connection.sendRequest('workspace/symbol', { query: 'look' })).toEqual([]);
    });

    it('follows the svcbp.checks setting when it changes', async () => {
        const text = 'blueprint b { phase p lane c customer { step s in p } touchpoint idle in p }';
        await client.connection.sendNotification('textDocument/didOpen', {
            textDocument: { uri: uri('idle.svcbp'), languageId: 'svcbp', version: 1, text }
        });
        const before = await client.diagnostics(uri('idle.svcbp'), d => d.some(x => x.code === 'touchpoint-unused'));
        expect(before.find(d => d.code === 'touchpoint-unused')?.severity).toBe(3);
        client.settings = { checks: { 'touchpoint-unused': 'warning' } };
        await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { svcbp: client.settings } });
        const after = await client.diagnostics(uri('idle.svcbp'), d => d.some(x => x.code === 'touchpoint-unused' && x.severity === 2));
        expect(after).toHaveLength(1);
    });

    it('colours names by what they declare or refer to (semantic tokens), keywords used as names included', async () => {
        const text = 'blueprint b {\n  phase step\n  lane c customer { step phase in step }\n  touchpoint t in step\n  phase -> t\n}\n';
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('tokens.svcbp'), languageId: 'svcbp', version: 1, text } });
        await client.diagnostics(uri('tokens.svcbp'), () => true);
        const { data } = await client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: uri('tokens.svcbp') } }) as { data: number[] };
        const lines = text.split('\n');
        const tokens: string[] = [];
        for (let i = 0, line = 0, character = 0; i < data.length; i += 5) {
            line += data[i];
            character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
            const modifiers = legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
            tokens.push(`${lines[line].slice(character, character + data[i + 2])}:${legend.tokenTypes[data[i + 3]]}${modifiers.map(m => `.${m}`).join('')}`);
        }
        expect(tokens).toEqual([
            'b:blueprint.declaration', 'step:phase.declaration', 'c:lane.declaration', 'phase:step.declaration', 'step:phase',
            't:touchpoint.declaration', 'step:phase', 'phase:step', 't:touchpoint'
        ]);
    });

    it('finds steps, phases and touchpoints of every file by name (workspace symbols), with their blueprint', async () => {
        const symbols = await client.connection.sendRequest('workspace/symbol', { query: 'cook' }) as Array<{ name: string; containerName?: string; location: { uri: string; range: { start: { line: number } } } }>;
        // Two examples have a cook (restaurant and its to-be redesign): the one of restaurant.svcbp.
        const cook = symbols.find(s => s.name === 'cook' && s.location.uri === uri('restaurant.svcbp'));
        expect(cook).toMatchObject({ containerName: 'restaurant', location: { uri: uri('restaurant.svcbp') } });
        expect(read('restaurant.svcbp').split('\n')[cook!.location.range.start.line]).toMatch(/step cook\b/);
        const platform = await client.connection.sendRequest('workspace/symbol', { query: 'psp' }) as Array<{ name: string; location: { uri: string } }>;
        expect(platform).toContainEqual(expect.objectContaining({ name: 'psp', location: expect.objectContaining({ uri: uri('common/platform.svcbp') }) }));
    });

    it('serves an untitled document (svcbp: New Blueprint…) like a file: problems and outline', async () => {
        const untitled = 'untitled:Untitled-1';
        const text = 'blueprint fresh "Fresh" {\n  phase one "One"\n  lane c "Customer" customer {\n    step s "Start" in one\n  }\n  s -> nowhere\n}\n';
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: untitled, languageId: 'svcbp', version: 1, text } });
        const [broken] = await client.diagnostics(untitled, d => d.length > 0);
        expect(broken).toMatchObject({ code: 'unresolved-reference', range: { start: { line: 5 } } });
        const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: untitled } }) as Array<{ name: string; children?: Array<{ name: string }> }>;
        expect(symbols.map(s => s.name)).toEqual(['fresh']);
        expect(symbols[0].children?.map(c => c.name)).toEqual(['one', 'c']);
    });

    it('puts an "Open Preview" code lens above each blueprint, wired to the preview command', async () => {
        const lenses = await client.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('restaurant.svcbp') } }) as Array<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }>;
        expect(lenses).toHaveLength(1);
        expect(lenses[0].command).toEqual({ title: 'Open Preview', command: 'svcbp.openPreviewToSide', arguments: [uri('restaurant.svcbp'), 'restaurant'] });
        expect(read('restaurant.svcbp').split('\n')[lenses[0].range.start.line]).toMatch(/^blueprint restaurant /);
    });

    it('pushes the blueprint model of a watched document after each build (svcbp/watchModels → svcbp/modelChanged)', async () => {
        const pushed: ModelChangedParams[] = [];
        client.connection.onNotification(MODEL_CHANGED_NOTIFICATION, (params: ModelChangedParams) => { pushed.push(params); });
        const target = uri('restaurant-actors.svcbp');
        const text = read('restaurant-actors.svcbp');
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: target, languageId: 'svcbp', version: 1, text } });
        await client.diagnostics(target, () => true);
        await client.connection.sendNotification(WATCH_MODELS_NOTIFICATION, { uris: [target] });
        await expect.poll(() => pushed.length).toBeGreaterThan(0);
        expect(pushed[0]).toMatchObject({ uri: target, version: 1, errors: 0 });
        const edited = text.replace(/(\n\s*step \w+ "[^"]*" in \w+\n)/, '$1    step fresh "A new step" in nowhere\n');
        expect(edited).not.toBe(text);
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: target, version: 2 }, contentChanges: [{ text: edited }] });
        await expect.poll(() => pushed.at(-1)?.version).toBe(2);
        expect(pushed.at(-1)!.errors).toBe(1);
        expect((JSON.parse(pushed.at(-1)!.result) as ModelResult).blueprints[0].omitted).toContainEqual(expect.objectContaining({ kind: 'step', id: 'fresh' }));
        // Not watched any more: no more models.
        await client.connection.sendNotification(WATCH_MODELS_NOTIFICATION, { uris: [] });
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: target, version: 3 }, contentChanges: [{ text }] });
        await client.diagnostics(target, d => d.length === 0);
        expect(pushed.at(-1)!.version).toBe(2);
    });
});
