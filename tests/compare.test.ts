import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { svcbp, tempProject } from './support/cli.js';

const made: string[] = [];
const project = () => {
    const dir = tempProject();
    made.push(dir);
    return dir;
};
afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const BEFORE = 'examples/restaurant.svcbp';
const AFTER = 'examples/restaurant-to-be.svcbp';

describe('svcbp diff', () => {
    it('exits 0 without changes, 1 with, 2 for a usage problem', () => {
        const dir = project();
        expect(svcbp(['diff', BEFORE, BEFORE], dir)).toMatchObject({ status: 0, stdout: 'No changes.\n' });
        const run = svcbp(['diff', BEFORE, AFTER], dir);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain("Removed 2 touchpoints: 'Server at the table', 'Card terminal'");
        expect(run.stdout).toContain('Fail points 3 → 1');
        expect(svcbp(['diff', BEFORE], dir).status).toBe(2);
        expect(svcbp(['diff', BEFORE, AFTER, '--format', 'yaml'], dir)).toMatchObject({ status: 2, stderr: "svcbp: Unknown format 'yaml' for diff: use text, json, markdown.\n" });
    });

    it('writes the change set as JSON for tools, and as Markdown for a pull request', () => {
        const dir = project();
        const json = JSON.parse(svcbp(['diff', BEFORE, AFTER, '--format', 'json'], dir).stdout);
        expect(Object.keys(json)).toEqual(['changes', 'figures']);
        expect(json.changes).toContainEqual({ change: 'removed', kind: 'touchpoint', id: 'terminal', title: 'Card terminal' });
        expect(json.changes).toContainEqual(expect.objectContaining({ change: 'changed', kind: 'phase', id: 'pay', properties: expect.objectContaining({ emotion: { before: -1, after: 1 } }) }));
        for (const change of json.changes) expect(['added', 'removed', 'changed', 'renamed', 'moved']).toContain(change.change);
        expect(json.figures.before.failPoints).toBe(3);
        const markdown = svcbp(['diff', BEFORE, AFTER, '--format', 'markdown'], dir).stdout;
        expect(markdown).toMatch(/^## examples\/restaurant-to-be.svcbp against examples\/restaurant.svcbp\n/);
        expect(markdown).toContain('| Fail points | 3 | 1 |');
    });

    it('compares a file with an earlier commit, and says so clearly outside a repository or for an unknown revision', () => {
        const dir = project();
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
        expect(svcbp(['diff', BEFORE, '--against', 'HEAD'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining('is not in a git repository') });
        git('init', '-q');
        git('add', '.');
        git('commit', '-q', '-m', 'as is');
        expect(svcbp(['diff', BEFORE, '--against', 'HEAD'], dir)).toMatchObject({ status: 0, stdout: 'No changes.\n' });
        writeFileSync(join(dir, BEFORE), readFileSync(join(dir, BEFORE), 'utf8').replace('phase pay "Pay" {', 'phase pay "Pay at the table" {'));
        const run = svcbp(['diff', BEFORE, '--against', 'HEAD'], dir);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain("'Pay at the table': title 'Pay' → 'Pay at the table'");
        expect(svcbp(['diff', BEFORE, '--against', 'no-such-branch'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("at the revision 'no-such-branch'") });
    });
});

describe('svcbp render --compare', () => {
    it('draws the after side with every change marked, removed ones ghosted where they stood, both emotion curves and a legend', () => {
        const dir = project();
        const svg = svcbp(['render', '--compare', BEFORE, AFTER], dir).stdout;
        const json = JSON.parse(svcbp(['diff', BEFORE, AFTER, '--format', 'json'], dir).stdout) as { changes: Array<{ change: string; kind: string; id: string }> };
        // Every step and touchpoint the diff names is marked (this pair keeps every lane and phase, so removed ones are drawn too).
        for (const change of json.changes.filter(c => c.kind === 'step' || c.kind === 'touchpoint')) {
            const element = new RegExp(`<g class="[^"]*change-${change.change === 'renamed' || change.change === 'moved' ? 'changed' : change.change}" data-change="[a-z]+" data-kind="${change.kind}" data-id="${change.id}"`);
            expect(svg).toMatch(element);
        }
        // A removed step stands in its lane, faded, with the word for grey print.
        expect(svg).toMatch(/<g class="card card-customer change-removed" data-change="removed" data-kind="step" data-id="askBill"/);
        expect(svg).toContain('>REMOVED</text>');
        // A changed element's hover title says what changed in the words of svcbp diff.
        expect(svg).toContain('<title>CHANGED\n&#39;E-mail receipt&#39;: title &#39;Receipt&#39; → &#39;E-mail receipt&#39;\n');
        expect(svg).toContain('class="emotion-curve emotion-before"');
        for (const entry of ['change-added', 'change-changed', 'change-removed', 'emotion-before']) expect(svg).toContain(`data-kind="${entry}"`);
        // The figures side by side: in the duration row, and in a line above the fail points.
        expect(svg).toContain('Total 1h16min (was 1h31min)');
        expect(svg).toContain('5min (was 10min)');
        expect(svg).toContain('Before → after: duration 1h31min → 1h16min; waiting 16min → 0s; fail points 3 → 1');
        // Without --compare, nothing is marked.
        expect(svcbp(['render', AFTER], dir).stdout).not.toContain('data-change');
    });
});
