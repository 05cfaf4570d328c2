import { describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import type { BlueprintModel } from '../src/model/types.js';
import { TestWorkspace, examplesWorkspace } from './support/workspace.js';

async function modelOf(file: string): Promise<BlueprintModel> {
    const workspace = examplesWorkspace();
    await workspace.build(file);
    const result = buildModels(workspace.document(file));
    expect(result.unbuilt).toEqual([]);
    return result.blueprints[0];
}

/** URIs name the machine's folders: keep snapshots portable. */
const portable = (model: BlueprintModel) => JSON.parse(JSON.stringify(model).replace(/file:\/\/\/work\//g, 'file:///'));

const stepsOf = (model: BlueprintModel) => model.lanes.flatMap(lane => lane.steps);
const step = (model: BlueprintModel, id: string) => stepsOf(model).find(s => s.id === id)!;

describe('the model of restaurant.svcbp (classic lanes, inferred lines)', async () => {
    const model = await modelOf('restaurant.svcbp');

    it('matches its snapshot', () => {
        expect(portable(model)).toMatchSnapshot();
    });

    it('infers the three canonical lines from the lane kinds', () => {
        expect(model.lanes.map(l => `${l.id}:${l.kind}`)).toEqual(['evidence:evidence', 'guest:customer', 'front:frontstage', 'kitchen:backstage', 'support:support']);
        expect(model.lines).toEqual([
            { kind: 'interaction', position: 2, written: false },
            { kind: 'visibility', position: 3, written: false },
            { kind: 'internal', position: 4, written: false }
        ]);
        expect(model.touchpointPosition).toBe(2);
    });

    it('gives phase spans, actors (step over lane) and visibility', () => {
        expect(step(model, 'cook')).toMatchObject({ phase: 'order', endPhase: 'dine', phaseIndex: 2, endPhaseIndex: 3, actor: 'chef', visibility: 'hidden', fails: ['Allergy note missed'] });
        expect(step(model, 'greet')).toMatchObject({ actor: 'host', visibility: 'visible', fails: ['Reservation not found'] });
        expect(step(model, 'ticket').systems).toEqual(['pos', 'kds']);
        expect(step(model, 'enter').wait).toEqual({ text: '10min', seconds: 600, note: 'Table not ready yet' });
        expect(step(model, 'askBill').wait).toEqual({ text: '6min', seconds: 360 });
    });

    it('keeps arrow kinds and labels', () => {
        expect(model.arrows.slice(0, 3).map(a => [a.from, a.to, a.kind])).toEqual([['book', 'widget', 'flow'], ['widget', 'reservations', 'two-way'], ['reservations', 'confirmation', 'async']]);
        expect(model.arrows.find(a => a.from === 'supplier')).toMatchObject({ to: 'cook', kind: 'enables' });
        expect(model.arrows.find(a => a.to === 'cook' && a.from === 'ticket')?.label).toBe('ticket');
    });

    it('derives totals, the thermometer and the documentation', () => {
        expect(model.totals).toEqual({
            durationSeconds: 5460, durationComplete: true, steps: 22, touchpoints: 4, arrows: 18,
            failPoints: 3, waitPoints: 2, waitSeconds: 960, painPoints: 1, opportunities: 1
        });
        expect(model.phases.map(p => p.emotionDerived)).toEqual([1, 0, 1, 2, -1]);
        expect(step(model, 'payCard').emotionEffective).toBe(-1);
        expect(model.documentation).toBe('A dinner for two, from booking to paying the bill.');
        expect(model.touchpoints.find(t => t.id === 'terminal')).toMatchObject({ channel: 'terminal', contactType: 'self-service', phaseIndex: 4 });
        expect(model.omitted).toEqual([]);
    });
});

describe('the model of restaurant-actors.svcbp (actor lanes, written lines)', async () => {
    const model = await modelOf('restaurant-actors.svcbp');

    it('matches its snapshot', () => {
        expect(portable(model)).toMatchSnapshot();
    });

    it('places the written lines where they stand and derives visibility from them', () => {
        expect(model.lines.map(l => [l.kind, l.position, l.written])).toEqual([['interaction', 1, true], ['visibility', 2, true], ['internal', 4, true]]);
        expect(step(model, 'welcome').visibility).toBe('visible');
        expect(step(model, 'relay')).toMatchObject({ visibility: 'hidden', visibilityExplicit: true });
        expect(step(model, 'prep')).toMatchObject({ visibility: 'hidden', visibilityExplicit: false, actor: 'chefA', phaseIndex: 1, endPhaseIndex: 2 });
    });
});

describe('the model of grocery-canvas.svcbp (sections, imports)', async () => {
    const model = await modelOf('grocery-canvas.svcbp');

    it('matches its snapshot', () => {
        expect(portable(model)).toMatchSnapshot();
    });

    it('groups lanes into sections and draws touchpoints below the customer lane when there is no line of interaction', () => {
        expect(model.sections.map(s => [s.title, s.lanes])).toEqual([
            ['Customer experience', ['activities']], ['Operations', ['roles', 'notes']], ['Technology', ['systems']]
        ]);
        expect(model.lines.map(l => [l.kind, l.position])).toEqual([['operation', 1], ['visibility', 3]]);
        expect(model.touchpointPosition).toBe(1);
        expect(model.touchpoints.every(t => t.section === 0)).toBe(true);
    });

    it('resolves actors and systems from the imported file, with that file as their origin', () => {
        expect(step(model, 'handle')).toMatchObject({ actor: 'agent', decision: true });
        expect(model.systems.find(s => s.id === 'app')).toMatchObject({ title: 'Shopping app', description: 'iOS and Android app' });
        expect(model.systems.find(s => s.id === 'app')!.uri).toMatch(/common\/platform\.svcbp$/);
        expect(step(model, 'capture')).toMatchObject({ phase: 'checkout', endPhase: 'fulfil', systems: ['psp', 'oms'] });
    });
});

describe('a blueprint with broken references', () => {
    it('leaves out what is broken, lists it, and keeps the rest', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', `blueprint b {
  phase p
  lane c "C" customer by ghost { step ok in p step lost in nowhere step dup in p step dup in p }
  touchpoint t in p { uses nothing }
  ok -> t -> lost
  ok -> missing
}`);
        await workspace.build('main.svcbp');
        const { blueprints } = buildModels(workspace.document('main.svcbp'));
        const model = blueprints[0];
        expect(model.lanes[0].steps.map(s => s.id)).toEqual(['ok', 'dup']);
        expect(model.lanes[0].actor).toBeUndefined();
        expect(model.arrows.map(a => a.id)).toEqual(['ok->t']);
        expect(model.omitted.map(o => `${o.kind} ${o.id}: ${o.reason}`)).toEqual([
            "step dup: 'dup' is declared twice",
            "actor ghost: the actor 'ghost' of lane 'c' does not exist",
            "step lost: its phase 'nowhere' does not exist",
            "system nothing: the system 'nothing' of 't' does not exist",
            'arrow t -> lost: one of its ends is missing from the drawing',
            'arrow ok -> missing: one of its ends is missing from the drawing'
        ]);
    });

    it('builds no model for a blueprint with a syntax error, but does for the others of the file', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', 'blueprint good { phase p }\nblueprint bad { phase }\nblueprint after { }');
        await workspace.build('main.svcbp');
        const result = buildModels(workspace.document('main.svcbp'));
        expect(result.blueprints.map(b => b.id)).toEqual(['good', 'after']);
        expect(result.unbuilt.map(u => u.id)).toEqual(['bad']);
    });

    it('is plain JSON: it survives a round trip unchanged', async () => {
        const model = await modelOf('restaurant.svcbp');
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });
});
