import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { buildModels } from '../src/model/build-model.js';
import { svcbp, tempProject } from './support/cli.js';
import { EXAMPLES, TestWorkspace } from './support/workspace.js';

async function format(text: string, range?: Range) {
    const workspace = new TestWorkspace().write('lib.svcbp', 'system app\nsystem web\nsystem oms\nsystem wms\nsystem psp\nsystem crm\nactor picker\nactor driver\nactor agent\n').write('main.svcbp', text);
    const [document] = await workspace.build('main.svcbp');
    const formatter = workspace.services.Svcbp.lsp.Formatter!;
    const params = { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } };
    const edits = await (range ? formatter.formatDocumentRange(document, { ...params, range }) : formatter.formatDocument(document, params));
    return TextDocument.applyEdits(TextDocument.create('x', 'svcbp', 1, text), edits);
}

/** What a text means: its models without positions, and its diagnostics' codes. */
async function meaning(text: string) {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    const [document] = await workspace.build('main.svcbp');
    const models = JSON.stringify(buildModels(document), (key, value) => (key === 'range' || key === 'uri' ? undefined : value));
    return { models, codes: (document.diagnostics ?? []).map(d => d.code).sort() };
}

const comments = (text: string) => text.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g) ?? [];

describe('the formatter', () => {
    it('lays a file out the canonical way', async () => {
        const messy = 'blueprint   b "T"{phase p1{duration 5min   emotion 1}\n\n\n\nlane c "C" customer{step a "A" in p1 .. p1 {uses x ,y} step b in p1 {\nfail "f"   pain "p"}}\n// keep me\na->b   "l"\n  section "S" { lane d notes { step n in p1 } }\n}   ';
        expect(await format(messy)).toBe(`blueprint b "T" {
  phase p1 { duration 5min emotion 1 }

  lane c "C" customer {
    step a "A" in p1..p1 { uses x, y }
    step b in p1 {
      fail "f"
      pain "p"
    }
  }
  // keep me
  a -> b "l"
  section "S" {
    lane d notes {
      step n in p1
    }
  }
}
`);
    });

    it.each(['restaurant.svcbp', 'restaurant-actors.svcbp', 'grocery-canvas.svcbp', 'common/platform.svcbp'])('keeps %s\'s meaning and every comment, and is idempotent', async file => {
        const text = readFileSync(join(EXAMPLES, file), 'utf8');
        const once = await format(text);
        expect(await format(once)).toBe(once);
        expect(comments(once)).toEqual(comments(text));
        expect(await meaning(once)).toEqual(await meaning(text));
    });

    it('keeps a line comment inside a statement on its own line, so nothing is commented out', async () => {
        const text = 'blueprint b { phase p1 lane c customer { step a in p1 step b in p1 }\n  a -> // why\n  b\n}\n';
        const formatted = await format(text);
        expect(formatted).toContain('a -> // why\n');
        expect(await meaning(formatted)).toEqual(await meaning(text));
    });

    it('keeps the spaces before a line or paragraph separator inside a string', async () => {
        const text = 'blueprint b "One  \u2028two \t\u2029three" {\n  phase p\n}\n';
        expect(await format(text)).toBe(text);
    });

    it('leaves a comment before a step on its line, so it documents nothing', async () => {
        const text = 'blueprint b {\n  phase p\n  lane c customer {\n    /* c */step s in p\n  }\n}\n';
        const formatted = await format(text);
        expect(formatted).toContain('    /* c */step s in p\n');
        expect(await meaning(formatted)).toEqual(await meaning(text));
    });

    it('keeps a comment between two statements on one line with the second, off its documentation', async () => {
        const text = 'blueprint b { phase p lane c customer { step a in p /* about b */ step b in p } }\n';
        const formatted = await format(text);
        expect(formatted).toContain('    step a in p\n    /* about b */ step b in p\n');
        expect(await meaning(formatted)).toEqual(await meaning(text));
    });

    it('indents a tab-indented block comment in a lane once, and then leaves it', async () => {
        const text = 'blueprint b {\n\tphase p\n\tlane c customer {\n\t\t/* a note\n\t\t   on two lines */\n\t\tstep s in p\n\t}\n}\n';
        const once = await format(text);
        expect(once).toBe('blueprint b {\n  phase p\n  lane c customer {\n    /* a note\n\t\t   on two lines */\n    step s in p\n  }\n}\n');
        expect(await format(once)).toBe(once);
    });

    it('keeps the documentation of the first declaration after the imports', async () => {
        const text = 'import "lib"\n/// The shop.\nblueprint b {\n  phase p\n}\n';
        const formatted = await format(text);
        expect(formatted).toBe('import "lib"\n\n/// The shop.\nblueprint b {\n  phase p\n}\n');
        expect(await meaning(formatted)).toEqual(await meaning(text));
    });

    it('keeps the line after a disable comment as it is, so the same checks stay off', async () => {
        const text = 'blueprint b {\n  phase p\n  lane c customer { step s in p }\n  // svcbp-disable-next-line\n  touchpoint t in p touchpoint u in p\n}\n';
        const formatted = await format(text);
        expect(formatted).toContain('  // svcbp-disable-next-line\n  touchpoint t in p touchpoint u in p\n');
        expect(await meaning(formatted)).toEqual(await meaning(text));
    });

    it('keeps CRLF line breaks, a byte order mark and trailing spaces inside comments', async () => {
        const text = '\uFEFFblueprint b { // note  \r\nphase p }';
        expect(await format(text)).toBe('\uFEFFblueprint b { // note  \r\n  phase p\r\n}\r\n');
    });

    it('changes nothing outside the range it is given', async () => {
        const text = 'blueprint b {\nphase   p1\nphase   p2\nphase   p3\n}\n';
        const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } };
        expect(await format(text, range)).toBe('blueprint b {\nphase   p1\nphase p2\nphase   p3\n}\n');
    });

    it('leaves a file with syntax errors as it is', async () => {
        const broken = 'blueprint b {   phase p1\n  lane c customer { step a in }\n}';
        expect(await format(broken)).toBe(broken);
    });

    it('formats files from the command line, and --check lists what would change', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'messy.svcbp'), 'blueprint b{phase p}');
        writeFileSync(join(dir, 'broken.svcbp'), 'blueprint b { phase }');
        const check = svcbp(['check', '.'], dir);
        expect(check.status).toBe(1);
        const dry = svcbp(['format', 'messy.svcbp', 'broken.svcbp', '--check'], dir);
        expect(dry).toMatchObject({ status: 1, stdout: 'messy.svcbp\n1 of 2 files would be reformatted; 1 was left alone (syntax errors or bytes that are not UTF-8).\n' });
        expect(dry.stderr).toContain('broken.svcbp: not formatted, it has syntax errors');
        expect(readFileSync(join(dir, 'messy.svcbp'), 'utf8')).toBe('blueprint b{phase p}');
        expect(svcbp(['format', 'messy.svcbp'], dir)).toMatchObject({ status: 0, stdout: 'Formatted 1 of 1 files.\n' });
        expect(readFileSync(join(dir, 'messy.svcbp'), 'utf8')).toBe('blueprint b {\n  phase p\n}\n');
        expect(svcbp(['format', 'messy.svcbp', '--check'], dir)).toMatchObject({ status: 0, stdout: 'The file is formatted.\n' });
        // A file not looked at is not called formatted.
        expect(svcbp(['format', 'messy.svcbp', 'broken.svcbp', '--check'], dir)).toMatchObject({ status: 1, stdout: '1 of 2 files is formatted; 1 was left alone (syntax errors or bytes that are not UTF-8).\n' });
        expect(svcbp(['format', 'messy.svcbp', 'broken.svcbp'], dir)).toMatchObject({ status: 1, stdout: 'Formatted 0 of 2 files; 1 was left alone (syntax errors or bytes that are not UTF-8).\n' });
    });

    it('finds the shipped examples formatted, as the README promises', () => {
        expect(svcbp(['format', '--check', EXAMPLES], process.cwd())).toMatchObject({ status: 0, stdout: expect.stringMatching(/^All \d+ files are formatted\.\n$/) });
    });
});
