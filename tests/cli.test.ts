import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { CLI, svcbp, tempProject } from './support/cli.js';

const BROKEN = `blueprint b {
  phase p
  lane c "C" customer { step cook in p }
  touchpoint idle in p
  cook -> cok
}
`;

describe('svcbp check', () => {
    it('passes the examples folder with exit 0 and a summary', () => {
        const dir = tempProject();
        const run = svcbp(['check', 'examples'], dir);
        expect(run).toMatchObject({ status: 0, stdout: 'No problems in 5 files.\n', stderr: '' });
    });

    it('checks the working folder when given no path', () => {
        const dir = tempProject();
        expect(svcbp(['check'], dir).stdout).toBe('No problems in 5 files.\n');
    });

    it('prints file:line:col severity code message, and exits 1 on an error', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'broken.svcbp'), BROKEN);
        const run = svcbp(['check', 'broken.svcbp'], dir);
        expect(run.status).toBe(1);
        expect(run.stdout.split('\n')).toEqual([
            'broken.svcbp:4:14 info touchpoint-unused No arrow touches the touchpoint \'idle\'.',
            "broken.svcbp:5:11 error unresolved-reference Unknown step 'cok'. Did you mean 'cook'?",
            '1 error, 0 warnings, 1 info, 0 hints in 1 file.',
            ''
        ]);
    });

    it('prints JSON with 1-based positions', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'broken.svcbp'), BROKEN);
        const run = svcbp(['check', 'broken.svcbp', '--format', 'json'], dir);
        expect(run.status).toBe(1);
        expect(JSON.parse(run.stdout)).toEqual([
            { file: 'broken.svcbp', line: 4, column: 14, endLine: 4, endColumn: 18, severity: 'info', code: 'touchpoint-unused', message: "No arrow touches the touchpoint 'idle'." },
            { file: 'broken.svcbp', line: 5, column: 11, endLine: 5, endColumn: 14, severity: 'error', code: 'unresolved-reference', message: "Unknown step 'cok'. Did you mean 'cook'?" }
        ]);
    });

    it('exits 0 with only warnings and infos', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'warn.svcbp'), 'blueprint b { phase p lane c customer { step s in p } s -> s }');
        expect(svcbp(['check', 'warn.svcbp'], dir).status).toBe(0);
    });

    it('takes --checks and svcbp.json, and warns about bad settings', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'broken.svcbp'), BROKEN);
        const flagged = svcbp(['check', 'broken.svcbp', '--checks', 'touchpoint-unused=off,unresolved-reference=off'], dir);
        expect(flagged.stdout).not.toContain('touchpoint-unused');
        expect(flagged.stdout).toContain('unresolved-reference');
        expect(flagged.stderr).toBe("warning: --checks: 'unresolved-reference' is an error and cannot be changed or turned off.\n");
        writeFileSync(join(dir, 'svcbp.json'), JSON.stringify({ checks: { 'touchpoint-unused': 'warning' } }));
        expect(svcbp(['check', 'broken.svcbp'], dir).stdout).toContain('broken.svcbp:4:14 warning touchpoint-unused');
    });

    it('shows hints only with --hints', () => {
        const dir = tempProject();
        expect(svcbp(['check', 'examples/common/platform.svcbp'], dir).stdout).toBe('No problems in 1 file.\n');
        const withHints = svcbp(['check', 'examples/common/platform.svcbp', '--hints'], dir);
        expect(withHints.stdout).toContain("examples/common/platform.svcbp:3:8 hint unused-declaration Nothing refers to the system 'app'.");
    });

    it('exits 2 with a clear message for a missing file, an empty folder, a bad flag or command', () => {
        const dir = tempProject();
        mkdirSync(join(dir, 'empty'));
        expect(svcbp(['check', 'nope.svcbp'], dir)).toEqual({ status: 2, stdout: '', stderr: 'svcbp: No such file or folder: nope.svcbp\n' });
        expect(svcbp(['check', 'empty'], dir)).toMatchObject({ status: 2, stderr: 'svcbp: No .svcbp files in empty\n' });
        expect(svcbp(['check', '--colour'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown option '--colour'") });
        expect(svcbp(['frobnicate'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Unknown command 'frobnicate'. Run svcbp --help.\n" });
        expect(svcbp(['check', '--checks', 'oops'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('--checks takes code=severity pairs') });
    });

    it('prints help and the version', () => {
        const dir = tempProject();
        expect(svcbp(['--help'], dir)).toMatchObject({ status: 0, stdout: expect.stringContaining('svcbp check [paths…]') });
        const version = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')).version;
        expect(svcbp(['--version'], dir).stdout).toBe(`${version}\n`);
    });
});

describe('svcbp export', () => {
    it('prints the blueprint model as JSON', () => {
        const dir = tempProject();
        const run = svcbp(['export', 'examples/restaurant.svcbp', '--format', 'json'], dir);
        expect(run.status).toBe(0);
        const model = JSON.parse(run.stdout);
        expect(model).toMatchObject({ version: 1, id: 'restaurant', title: 'Restaurant visit', totals: { steps: 22, arrows: 18 } });
        expect(model.uri).toBe(`file://${join(dir, 'examples/restaurant.svcbp')}`);
    });

    it('writes to -o, creating folders, and never over the source', () => {
        const dir = tempProject();
        expect(svcbp(['export', 'examples/grocery-canvas.svcbp', '-o', 'out/model.json'], dir).status).toBe(0);
        expect(JSON.parse(readFileSync(join(dir, 'out/model.json'), 'utf8')).id).toBe('grocery');
        const run = svcbp(['export', 'examples/restaurant.svcbp', '-o', 'examples/restaurant.svcbp'], dir);
        expect(run).toMatchObject({ status: 2, stderr: 'svcbp: The output would overwrite the source file; choose another -o.\n' });
        expect(readFileSync(join(dir, 'examples/restaurant.svcbp'), 'utf8')).toContain('blueprint restaurant');
    });

    it('chooses a blueprint with --blueprint, and says which one it took otherwise', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'two.svcbp'), 'blueprint one "One" { }\nblueprint two "Two" { }\n');
        const first = svcbp(['export', 'two.svcbp'], dir);
        expect(JSON.parse(first.stdout).id).toBe('one');
        expect(first.stderr).toBe("The file has 2 blueprints (one, two); exported 'one'. Choose one with --blueprint.\n");
        expect(JSON.parse(svcbp(['export', 'two.svcbp', '--blueprint', 'two'], dir).stdout).title).toBe('Two');
        expect(svcbp(['export', 'two.svcbp', '--blueprint', 'three'], dir)).toMatchObject({ status: 2, stderr: 'svcbp: No blueprint \'three\' in the file. Blueprints: one, two.\n' });
    });

    it('still writes the model of a file with broken references (listing what it left out), with exit 1', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'broken.svcbp'), BROKEN);
        const run = svcbp(['export', 'broken.svcbp'], dir);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain("broken.svcbp:5:11 error unresolved-reference Unknown step 'cok'.");
        expect(JSON.parse(run.stdout).omitted.map((o: { id: string }) => o.id)).toEqual(['cook -> cok']);
    });

    it('exports a Mermaid flowchart (by default) or journey, and a Markdown page', () => {
        const dir = tempProject();
        const flow = svcbp(['export', 'examples/restaurant.svcbp', '--format', 'mermaid'], dir);
        expect(flow.status).toBe(0);
        expect(flow.stdout.startsWith('flowchart LR\n')).toBe(true);
        expect(svcbp(['export', 'examples/restaurant.svcbp', '--format', 'mermaid', '--diagram', 'journey'], dir).stdout.startsWith('journey\n  title Restaurant visit\n')).toBe(true);
        expect(svcbp(['export', 'examples/grocery-canvas.svcbp', '--format', 'markdown', '-o', 'docs/README.md'], dir).status).toBe(0);
        expect(readFileSync(join(dir, 'docs/README.md'), 'utf8')).toMatch(/^# Online grocery order\n/);
        expect(svcbp(['export', 'examples/restaurant.svcbp', '--format', 'mermaid', '--diagram', 'gantt'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Unknown diagram 'gantt': use flow or journey (with --format mermaid).\n" });
    });

    it('refuses a blueprint with syntax errors, and an unknown format', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'bad.svcbp'), 'blueprint b { phase }');
        expect(svcbp(['export', 'bad.svcbp'], dir)).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('No blueprint of the file can be built') });
        expect(svcbp(['export', 'examples/restaurant.svcbp', '--format', 'pdf'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Unknown format 'pdf' for export: use json, mermaid, markdown, csv, xlsx.\n" });
    });
});

describe('svcbp in a pipe', () => {
    it('ends quietly with its usual exit code when the reader stops early (check | head -1)', async () => {
        const dir = tempProject();
        // Enough output to fill the pipe: 3,000 broken references, one line each.
        const lines = ['blueprint b {', '  phase p', '  lane c "C" customer { step s "S" in p }', ...Array.from({ length: 3000 }, (_, i) => `  s -> missing${i}`), '}'];
        writeFileSync(join(dir, 'many.svcbp'), lines.join('\n'));
        const child = spawn(process.execPath, [CLI, 'check', 'many.svcbp'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', chunk => { stderr += chunk; });
        // Like `head -1`: read the first chunk, then close the reading end.
        child.stdout.once('data', () => child.stdout.destroy());
        const code = await new Promise<number | null>(resolve => child.on('close', resolve));
        expect(stderr).toBe('');
        expect(code).toBe(1);
    });
});

describe('svcbp check for CI', () => {
    const broken = 'blueprint b {\n  phase p\n  lane c "C" customer { step s "S" in p }\n  s -> cok\n  lane f "F" frontstage { step t "T" in p { visibility hidden } }\n}\n';

    it('writes GitHub workflow commands, one per diagnostic, with the range and the code as title', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'broken.svcbp'), broken);
        const run = svcbp(['check', 'broken.svcbp', '--format', 'github'], dir);
        expect(run.status).toBe(1);
        expect(run.stdout.trim().split('\n')).toEqual([
            "::error file=broken.svcbp,line=4,endLine=4,col=8,endColumn=11,title=unresolved-reference::Unknown step or touchpoint 'cok'. Steps and touchpoints are declared in this blueprint.",
            "::error file=broken.svcbp,line=5,endLine=5,col=45,endColumn=62,title=invalid-property::'visibility' applies to steps of actor lanes only: a step of a frontstage lane is where its lane's kind says."
        ]);
        expect(svcbp(['check', 'examples', '--format', 'github'], dir)).toMatchObject({ status: 0, stdout: '' });
    });

    it('writes a SARIF 2.1.0 log: one run, the codes as rules, results with rule, level and a physical location', () => {
        const dir = tempProject();
        writeFileSync(join(dir, 'broken.svcbp'), broken);
        const log = JSON.parse(svcbp(['check', 'broken.svcbp', '--format', 'sarif'], dir).stdout);
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const [run] = log.runs;
        expect(run.tool.driver.name).toBe('svcbp');
        expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toContain('unresolved-reference');
        expect(run.results[0]).toMatchObject({
            ruleId: 'unresolved-reference', level: 'error',
            message: { text: expect.stringContaining("'cok'") },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.svcbp' }, region: { startLine: 4, startColumn: 8, endLine: 4, endColumn: 11 } } }]
        });
        expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe('unresolved-reference');
    });
});
