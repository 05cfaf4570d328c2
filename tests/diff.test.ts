import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import { diffModels, type Change } from '../src/model/diff.js';
import type { BlueprintModel } from '../src/model/types.js';
import { diffMarkdown, diffSentences } from '../src/render/diff-text.js';
import { EXAMPLES, TestWorkspace } from './support/workspace.js';

async function modelOf(text: string): Promise<BlueprintModel> {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    await workspace.build('main.svcbp');
    return buildModels(workspace.document('main.svcbp')).blueprints[0];
}

/** A small classic blueprint; each case edits a copy of it. */
const BASE = `blueprint b {
  phase p1 "Arrive" { duration 10min emotion 0 }
  phase p2 "Wait" { duration 20min emotion -2 pain "Nobody says how long" }
  lane c "Guest" customer {
    step come "Come in" in p1
    step sit "Sit and wait" in p2 { wait 15min }
  }
  touchpoint desk "Front desk" in p1 { channel in-person }
  touchpoint phone "Phone" in p2 { channel phone }
  lane f "Staff" frontstage {
    step greet "Greet the guest" in p1
    step call "Call the guest" in p2
  }
  come -> desk -> greet
  call -> phone -> sit
}`;

const edit = (...replacements: Array<[string, string]>) => replacements.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`not in the base: ${from}`);
    return text.replace(from, to);
}, BASE);

async function changes(after: string, before = BASE): Promise<Change[]> {
    return diffModels(await modelOf(before), await modelOf(after)).changes;
}

const brief = (list: Change[]) => list.map(c => `${c.change} ${c.kind} ${c.id}${c.before ? ` (was ${c.before})` : ''}${c.properties ? ` [${Object.keys(c.properties).join(',')}]` : ''}`);

describe('the model diff', () => {
    it('finds nothing between a blueprint and itself, or the same text re-spaced', async () => {
        expect(await changes(BASE)).toEqual([]);
        expect(await changes(BASE.replace(/\n {2}/g, '\n      '))).toEqual([]);
    });

    it('finds each kind of element added and removed, in both directions', async () => {
        const after = edit(
            ['    step call "Call the guest" in p2\n', '    step call "Call the guest" in p2\n    step text "Text the guest" in p2\n'],
            ['  touchpoint phone "Phone" in p2 { channel phone }\n', ''],
            ['call -> phone -> sit', 'call -> text -> sit']
        );
        const forward = brief(await changes(after));
        expect(forward).toContain('added step text');
        expect(forward).toContain('removed touchpoint phone');
        expect(forward.filter(line => line.startsWith('added arrow'))).toHaveLength(2);
        expect(forward.filter(line => line.startsWith('removed arrow'))).toHaveLength(2);
        const backward = brief(await changes(BASE, after));
        expect(backward).toContain('removed step text');
        expect(backward).toContain('added touchpoint phone');
    });

    it('says which properties changed, with their values before and after', async () => {
        const after = edit(['step sit "Sit and wait" in p2 { wait 15min }', 'step sit "Sit and wait" in p2 { wait 5min fail "Forgotten" }'], ['phase p2 "Wait" { duration 20min emotion -2', 'phase p2 "Wait" { duration 10min emotion 0']);
        const found = await changes(after);
        expect(found).toContainEqual({ change: 'changed', kind: 'step', id: 'sit', title: 'Sit and wait', properties: { wait: { before: '15min', after: '5min' }, fail: { before: [], after: ['Forgotten'] } } });
        expect(found).toContainEqual({ change: 'changed', kind: 'phase', id: 'p2', title: 'Wait', properties: { duration: { before: '20min', after: '10min' }, emotion: { before: -2, after: 0 } } });
    });

    it('matches a new id with the same or a similar title in the same lane and phase as a rename', async () => {
        const found = await changes(edit(['step greet "Greet the guest" in p1', 'step welcome "Greet the guests" in p1'], ['come -> desk -> greet', 'come -> desk -> welcome']));
        expect(brief(found)).toEqual(['renamed step welcome (was greet) [title]']);
        // The same title in another lane is not the same step.
        const elsewhere = await changes(edit(['    step greet "Greet the guest" in p1\n', ''], ['    step come "Come in" in p1\n', '    step come "Come in" in p1\n    step welcome "Greet the guest" in p1\n'], ['come -> desk -> greet', 'come -> desk -> welcome']));
        expect(brief(elsewhere)).toEqual(expect.arrayContaining(['removed step greet', 'added step welcome']));
    });

    it('reports a step in another lane or phase as moved, and says where', async () => {
        const found = await changes(edit(['step call "Call the guest" in p2', 'step call "Call the guest" in p1']));
        expect(found).toEqual([{ change: 'moved', kind: 'step', id: 'call', title: 'Call the guest', properties: { phase: { before: 'p2', after: 'p1' } } }]);
    });

    it('reports an arrow whose label changed, and keeps arrows between renamed steps', async () => {
        const found = await changes(edit(['call -> phone -> sit', 'call -> phone "ring" -> sit']));
        expect(brief(found)).toEqual(['changed arrow call->phone [label]']);
    });

    it('puts the figures side by side: duration, waiting, fail points, handoffs, emotion per phase', async () => {
        const diff = diffModels(await modelOf(BASE), await modelOf(edit(['phase p2 "Wait" { duration 20min emotion -2', 'phase p2 "Wait" { duration 13min emotion 0'])));
        expect(diff.figures.before).toMatchObject({ durationSeconds: 1800, waitSeconds: 900, failPoints: 0, handoffs: 0, emotion: { Arrive: 0, Wait: -2 } });
        expect(diff.figures.after).toMatchObject({ durationSeconds: 1380, emotion: { Wait: 0 } });
        const sentences = diffSentences(diff);
        expect(sentences).toContain("'Wait': is 7min shorter (20min → 13min); emotion −2 → 0");
        expect(sentences).toContain('The whole service is 7min shorter: 30min → 23min');
        expect(sentences).toContain("Emotion in 'Wait' −2 → 0");
    });

    it('describes the restaurant and its to-be redesign as a designer would', async () => {
        const workspace = new TestWorkspace()
            .write('before.svcbp', readFileSync(join(EXAMPLES, 'restaurant.svcbp'), 'utf8'))
            .write('after.svcbp', readFileSync(join(EXAMPLES, 'restaurant-to-be.svcbp'), 'utf8'));
        await workspace.build('before.svcbp', 'after.svcbp');
        const diff = diffModels(buildModels(workspace.document('before.svcbp')).blueprints[0], buildModels(workspace.document('after.svcbp')).blueprints[0]);
        const sentences = diffSentences(diff);
        expect(sentences).toContain("Removed 2 touchpoints: 'Server at the table', 'Card terminal'");
        expect(sentences).toContainEqual(expect.stringMatching(/^Removed 5 steps: .*'Signal for the bill'/));
        expect(sentences).toContain("'E-mail receipt': title 'Receipt' → 'E-mail receipt'");
        expect(sentences).toContain("'Pay': is 6min shorter (8min → 2min); emotion −1 → +1; removed pain 'Waiting to catch the server's eye'; removed opportunity 'Pay at the table with a QR code'");
        expect(sentences).toContain('Waiting is 16min shorter: 16min → 0s');
        expect(sentences).toContain("Emotion in 'Pay' −1 → +1");
        expect(diff.figures.after.failPoints).toBeLessThan(diff.figures.before.failPoints);
        const markdown = diffMarkdown(diff, 'restaurant.svcbp', 'restaurant-to-be.svcbp');
        expect(markdown).toContain('| Fail points | 3 | 1 |');
    });
});
