import { describe, expect, it } from 'vitest';
import { TestWorkspace } from './support/workspace.js';
import { watchCheckSettings } from '../src/language/server/server-settings.js';

/** A blueprint with one unused touchpoint (info) and one self-arrow (warning) and one broken name (error). */
const TEXT = `blueprint b {
  phase p
  lane c "C" customer { step s in p }
  touchpoint idle in p
  s -> s
  s -> nope
}`;

async function check(configure: (workspace: TestWorkspace) => void, text = TEXT) {
    const workspace = new TestWorkspace().write('project/main.svcbp', text);
    configure(workspace);
    await workspace.build('project/main.svcbp');
    return workspace.diagnostics('project/main.svcbp').map(d => `${d.code}:${d.severity}`).sort();
}

describe('check severities', () => {
    it('uses the defaults', async () => {
        expect(await check(() => {})).toEqual(['self-arrow:2', 'touchpoint-unused:3', 'unresolved-reference:1']);
    });

    it('takes overrides from the editor setting or the CLI flag', async () => {
        const result = await check(w => w.services.Svcbp.checks.CheckSettings.setOverrides({ 'touchpoint-unused': 'off', 'self-arrow': 'error' }, 'test'));
        expect(result).toEqual(['self-arrow:1', 'unresolved-reference:1']);
    });

    it('never changes or silences an error, and says so', async () => {
        let problems: string[] = [];
        const result = await check(w => {
            const settings = w.services.Svcbp.checks.CheckSettings;
            settings.setOverrides({ 'unresolved-reference': 'off', 'no-such-check': 'off', 'self-arrow': 'loud' }, 'test');
            problems = settings.problems;
        });
        expect(result).toContain('unresolved-reference:1');
        expect(result).toContain('self-arrow:2');
        expect(problems).toEqual([
            "test: 'unresolved-reference' is an error and cannot be changed or turned off.",
            expect.stringContaining("test: unknown check 'no-such-check'."),
            "test: 'loud' for 'self-arrow' is not one of error, warning, info, hint, off."
        ]);
    });

    it('reads the nearest svcbp.json up the folder tree; the setting wins over it', async () => {
        const fromFile = await check(w => w.write('svcbp.json', JSON.stringify({ checks: { 'touchpoint-unused': 'warning', 'self-arrow': 'hint' } })));
        expect(fromFile).toEqual(['self-arrow:4', 'touchpoint-unused:2', 'unresolved-reference:1']);
        const both = await check(w => {
            w.write('project/svcbp.json', JSON.stringify({ checks: { 'self-arrow': 'off' } }));
            w.services.Svcbp.checks.CheckSettings.setOverrides({ 'self-arrow': 'info' }, 'test');
        });
        expect(both).toEqual(['self-arrow:3', 'touchpoint-unused:3', 'unresolved-reference:1']);
    });

    it('reports an svcbp.json that is not JSON and ignores it', async () => {
        const workspace = new TestWorkspace().write('svcbp.json', '{ checks: ').write('main.svcbp', TEXT);
        await workspace.build('main.svcbp');
        expect(workspace.services.Svcbp.checks.CheckSettings.problems[0]).toMatch(/svcbp\.json: not valid JSON/);
    });

    it('silences the next line with // svcbp-disable-next-line, for the codes named or for all', async () => {
        const text = TEXT
            .replace('  touchpoint idle', '  // svcbp-disable-next-line touchpoint-unused, self-arrow\n  touchpoint idle')
            .replace('  s -> s', '  // svcbp-disable-next-line\n  s -> s')
            .replace('  s -> nope', '  // svcbp-disable-next-line unresolved-reference\n  s -> nope');
        expect(await check(() => {}, text)).toEqual(['unresolved-reference:1']);
    });

    it('does not take a disable comment inside a string for one', async () => {
        const text = TEXT.replace('touchpoint idle in p', 'touchpoint idle "// svcbp-disable-next-line" in p');
        expect(await check(() => {}, text.replace('  s -> s\n', '  s -> s // svcbp-disable-next-line\n'))).toContain('touchpoint-unused:3');
    });
});

describe('the svcbp.checks setting in the language server', () => {
    it('re-validates through the workspace lock, after the build in progress, and only when the checks change', async () => {
        const workspace = new TestWorkspace().write('project/main.svcbp', TEXT);
        const { shared, Svcbp } = workspace.services;
        watchCheckSettings(shared, Svcbp);
        await workspace.build('project/main.svcbp');
        let updates = 0;
        shared.workspace.DocumentBuilder.onUpdate(() => { updates++; });
        // A build in progress (the start-up build when the editor sends its settings).
        let finish!: () => void;
        const running = shared.workspace.WorkspaceLock.write(() => new Promise<void>(resolve => { finish = resolve; }));
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { svcbp: { checks: { 'touchpoint-unused': 'warning' } } } });
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(updates).toBe(0);
        finish();
        await running;
        await expect.poll(() => workspace.diagnostics('project/main.svcbp').find(d => d.code === 'touchpoint-unused')?.severity).toBe(2);
        expect(updates).toBe(1);
        // The same checks again: nothing to re-validate.
        shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { svcbp: { checks: { 'touchpoint-unused': 'warning' } } } });
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(updates).toBe(1);
    });
});
