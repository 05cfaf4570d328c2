import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { EXAMPLES } from './support/workspace.js';
import { DRAWING_PARTS, settingOf } from '../src/render/drawing-parts.js';

const ROOT = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the VS Code extension package', () => {
    it('contributes files that exist and parse: grammar, language configuration, icon', () => {
        const language = manifest.contributes.languages[0];
        expect(language).toMatchObject({ id: 'svcbp', extensions: ['.svcbp'] });
        for (const file of [language.configuration, language.icon.light, manifest.contributes.grammars[0].path]) expect(existsSync(join(ROOT, file)), file).toBe(true);
        const grammar = JSON.parse(readFileSync(join(ROOT, manifest.contributes.grammars[0].path), 'utf8'));
        const patterns = JSON.stringify(grammar).match(/"(?:match|begin|end)":"((?:[^"\\]|\\.)*)"/g)!;
        // Every TextMate pattern compiles (these use no Oniguruma-only syntax).
        for (const pattern of patterns) expect(() => new RegExp(JSON.parse(`{${pattern}}`)[pattern.split('"')[1]])).not.toThrow();
        const configuration = JSON.parse(readFileSync(join(ROOT, language.configuration), 'utf8'));
        expect(new RegExp(configuration.wordPattern).exec('kurier-1 ')?.[0]).toBe('kurier-1');
        expect(manifest.contributes.configuration.properties['svcbp.checks'].additionalProperties.enum).toEqual(['error', 'warning', 'info', 'hint', 'off']);
    });

    it('has a boolean setting, on by default, for every part of the drawing that can be left out', () => {
        const properties = manifest.contributes.configuration.properties;
        for (const part of DRAWING_PARTS) expect(properties[`svcbp.preview.${settingOf(part)}`], part).toMatchObject({ type: 'boolean', default: true });
    });

    it('ships a server bundle that answers the protocol', async () => {
        const server = spawn(process.execPath, [join(ROOT, 'out/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        const published = new Promise<PublishDiagnosticsParams>(resolve => connection.onNotification('textDocument/publishDiagnostics', resolve));
        connection.listen();
        try {
            const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as { capabilities: { completionProvider?: unknown; hoverProvider?: unknown; renameProvider?: unknown; documentFormattingProvider?: unknown } };
            expect(result.capabilities).toMatchObject({ completionProvider: expect.anything(), hoverProvider: true, documentFormattingProvider: true });
            await connection.sendNotification('initialized', {});
            const uri = pathToFileURL(join(EXAMPLES, 'restaurant.svcbp')).toString();
            await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'svcbp', version: 1, text: readFileSync(join(EXAMPLES, 'restaurant.svcbp'), 'utf8') } });
            expect(await published).toEqual({ uri, diagnostics: [] });
        } finally {
            connection.dispose();
            server.kill();
        }
    });
});
