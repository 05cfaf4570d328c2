import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isDiagnosticCode } from '../src/language/validation/diagnostic-codes.js';
import { buildModels } from '../src/model/build-model.js';
import { svcbp, tempProject } from './support/cli.js';
import { EXAMPLES, TestWorkspace } from './support/workspace.js';

const RESTAURANT = readFileSync(join(EXAMPLES, 'restaurant.svcbp'), 'utf8');

/** Builds a text; asserts the checker answered with coded diagnostics and the model builder did not throw. */
async function survive(text: string, others: Record<string, string> = {}): Promise<Diagnostic[]> {
    const workspace = new TestWorkspace();
    for (const [path, content] of Object.entries(others)) workspace.write(path, content);
    workspace.write('main.svcbp', text);
    const [document] = await workspace.build('main.svcbp');
    const diagnostics = document.diagnostics ?? [];
    // An exception inside a check shows up as a diagnostic without one of our codes.
    expect(diagnostics.filter(d => !isDiagnosticCode(d.code))).toEqual([]);
    expect(() => buildModels(document)).not.toThrow();
    return diagnostics;
}

const hasSyntaxError = (diagnostics: Diagnostic[]) => diagnostics.some(d => d.code === 'syntax-error');

describe('bad input never crashes, hangs or loses text', () => {
    it('survives the restaurant example truncated at every 7th character', async () => {
        for (let end = 0; end < RESTAURANT.length; end += 7) await survive(RESTAURANT.slice(0, end));
    });

    it('survives stray bytes and control characters sprinkled through the example', async () => {
        const junk = ['\u0001', '@', '#', '\uFFFD', '\u202E', '`', '$', '\\', '\u0007'];
        let text = RESTAURANT;
        for (let i = 0; i < junk.length; i++) {
            const at = Math.floor((text.length * (i + 1)) / (junk.length + 1));
            text = text.slice(0, at) + junk[i] + text.slice(at);
        }
        const diagnostics = await survive(text);
        expect(hasSyntaxError(diagnostics)).toBe(true);
    });

    it('survives unbalanced braces either way', async () => {
        expect(hasSyntaxError(await survive(RESTAURANT.replace(/\}/g, '')))).toBe(true);
        expect(hasSyntaxError(await survive(RESTAURANT.replace(/\{/g, '')))).toBe(true);
        expect(hasSyntaxError(await survive('}}}}}} blueprint b { {{{{ }'))).toBe(true);
    });

    it('survives deep nesting without a stack overflow', async () => {
        const depth = 20_000;
        const diagnostics = await survive(`blueprint b { phase p lane l customer { step s in p ${'{ '.repeat(depth)}${'} '.repeat(depth)}} }`);
        expect(hasSyntaxError(diagnostics)).toBe(true);
    });

    it('caps the syntax errors of a file of garbage', async () => {
        const diagnostics = await survive('%$ blueprint { -> -> <-> ..> phase "x" lane } '.repeat(2000));
        expect(diagnostics.length).toBeGreaterThan(0);
        expect(diagnostics.filter(d => d.code === 'syntax-error').length).toBeLessThanOrEqual(50);
    });

    it('survives one line of 100,000 characters, in code and in a string', async () => {
        const steps = Array.from({ length: 6000 }, (_, i) => `step s${i} in p`).join(' ');
        expect(steps.length).toBeGreaterThan(90_000);
        expect(await survive(`blueprint b { phase p lane c customer { ${steps} } }`)).toEqual([]);
        const diagnostics = await survive(`blueprint b "${'x'.repeat(100_000)} { }`);
        expect(diagnostics.some(d => /no closing quote/.test(String(d.message)))).toBe(true);
    });

    it('answers an import of itself and a cycle of three files', async () => {
        const self = await survive('import "main"\nblueprint b { }');
        expect(self.map(d => d.code)).toEqual(['self-import']);
        const cycle = await survive('import "a"\nactor x', { 'a.svcbp': 'import "b"', 'b.svcbp': 'import "main"' });
        expect(cycle.map(d => d.code)).toEqual(['unused-declaration']);
    });
});

describe('bad input on the command line', () => {
    it('reports a binary file with a location instead of crashing', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'image.svcbp'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a, 0xff, 0xfe]));
        const run = svcbp(['check', 'image.svcbp'], dir);
        expect(run).toMatchObject({ status: 1, stderr: '' });
        expect(run.stdout).toContain('image.svcbp:1:1 error syntax-error This file is not text (it contains NUL bytes).');
    });

    it('reports an import of a folder and of a binary non-.svcbp file', () => {
        const dir = tempProject();
        mkdirSync(join(dir, 'assets'));
        writeFileSync(join(dir, 'assets/logo.png'), Buffer.from([0x89, 0x50, 0x00]));
        writeFileSync(join(dir, 'main.svcbp'), 'import "assets"\nimport "assets/logo.png"\nblueprint b { }\n');
        const run = svcbp(['check', 'main.svcbp'], dir);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('main.svcbp:1:8 error unresolved-import \'assets\' is a folder, not a file.');
        expect(run.stdout).toContain("main.svcbp:2:8 error unresolved-import 'assets/logo.png' is not a .svcbp file");
    });

    it('checks a 5 MB file and answers', () => {
        const dir = tempProject();
        // The example's actors and systems once, then its blueprint again and again under new names.
        const blueprint = RESTAURANT.slice(RESTAURANT.indexOf('/// A dinner'));
        const copies = [RESTAURANT];
        for (let size = RESTAURANT.length, i = 1; size < 5_000_000; i++) {
            copies.push(blueprint.replace('blueprint restaurant ', `blueprint restaurant${i} `));
            size += blueprint.length + 1;
        }
        writeFileSync(join(dir, 'big.svcbp'), copies.join('\n'));
        const run = svcbp(['check', 'big.svcbp', '--format', 'json'], dir);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(JSON.parse(run.stdout)).toEqual([]);
    });
});
