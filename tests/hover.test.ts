import { describe, expect, it } from 'vitest';
import type { Hover } from 'vscode-languageserver';
import { examplesWorkspace } from './support/workspace.js';

/** Hover at the first occurrence of `needle` (at `at` characters into it) in a file of the examples. */
async function hover(file: string, needle: string, at = 1): Promise<string | undefined> {
    const workspace = examplesWorkspace();
    await workspace.build(file);
    const document = workspace.document(file);
    const offset = document.textDocument.getText().indexOf(needle) + at;
    const result = await workspace.services.Svcbp.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset)
    }) as Hover | undefined;
    return result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
}

describe('hover', () => {
    it('tells a step\'s lane, phases, actor, duration, fail points and arrows, from its name or a reference to it', async () => {
        const expected = [
            '**step** `cook` — Cook starters and mains',
            'Lane: Kitchen (backstage)  \nPhase: Order → Dine  \nActor: Chef  \nDuration: 25min  \nFail point: Allergy note missed  \n'
            + 'Arrows in: from `ticket` (->) "ticket", from `supplier` (..>)  \nArrows out: flows to `pass`'
        ].join('\n\n');
        expect(await hover('restaurant.svcbp', 'step cook', 6)).toBe(expected);
        expect(await hover('restaurant.svcbp', 'cook -> pass')).toBe(expected);
    });

    it('tells a phase\'s duration, emotion, notes and steps per lane', async () => {
        const text = await hover('restaurant.svcbp', 'phase pay', 7);
        expect(text).toContain('**phase** `pay` — Pay');
        expect(text).toContain('Duration: 8min  \nEmotion: -1  \nPain: Waiting to catch the server\'s eye');
        expect(text).toContain('Guest: Signal for the bill, Pay by card, add a tip');
        expect(text).toContain('Touchpoints: Card terminal');
    });

    it('tells a touchpoint\'s channel and contact type', async () => {
        const text = await hover('restaurant.svcbp', 'touchpoint terminal', 12);
        expect(text).toContain('Channel: terminal (self-service)');
        expect(text).toContain('Fail point: Terminal offline on the terrace');
    });

    it('shows the doc comment and where an imported declaration comes from', async () => {
        expect(await hover('restaurant.svcbp', 'blueprint restaurant', 11)).toContain('A dinner for two, from booking to paying the bill\\.');
        expect(await hover('grocery-canvas.svcbp', 'uses crm', 6)).toBe('**system** `crm` — Customer service desk\n\nDeclared in platform.svcbp');
    });

    it('lists what an imported file declares, on the import', async () => {
        const text = await hover('grocery-canvas.svcbp', '"common/platform"', 3);
        expect(text).toContain('**import** `common/platform`');
        expect(text).toContain('- system `app` — Shopping app');
        expect(text).toContain('- actor `agent` — Support agent');
    });

    it('shows the file\'s own Markdown and HTML as text', async () => {
        const { TestWorkspace } = await import('./support/workspace.js');
        const workspace = new TestWorkspace().write('main.svcbp', 'blueprint b { phase p "<img src=x> [link](javascript:alert(1)) *bold*" }');
        const [document] = await workspace.build('main.svcbp');
        const offset = document.textDocument.getText().indexOf('phase p') + 6;
        const result = await workspace.services.Svcbp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) }) as Hover;
        const value = (result.contents as { value: string }).value;
        expect(value).toContain('\\<img src=x\\> \\[link\\]\\(javascript:alert\\(1\\)\\) \\*bold\\*');
    });

    it('answers at every position of a file with syntax errors, and still explains the intact parts', async () => {
        const { TestWorkspace } = await import('./support/workspace.js');
        const workspace = new TestWorkspace().write('main.svcbp', 'blueprint b { phase p lane c customer { step s in } s -> ');
        const [document] = await workspace.build('main.svcbp');
        const answers: Array<Hover | undefined> = [];
        for (let offset = 0; offset < document.textDocument.getText().length; offset++) {
            answers.push(await workspace.services.Svcbp.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) }) as Hover | undefined);
        }
        expect(answers.some(a => a && JSON.stringify(a.contents).includes('**phase** `p`'))).toBe(true);
    });
});
