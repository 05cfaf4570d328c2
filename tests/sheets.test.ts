import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import type { BlueprintModel } from '../src/model/types.js';
import { svcbp, tempProject } from './support/cli.js';
import { TestWorkspace, examplesWorkspace } from './support/workspace.js';

const dir = tempProject();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function modelOf(text: string): Promise<BlueprintModel> {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    await workspace.build('main.svcbp');
    return buildModels(workspace.document('main.svcbp')).blueprints[0];
}

/** What a grid keeps of a blueprint: phases, lanes with their kinds, steps by lane and phase, touchpoints by phase. */
const shape = (model: BlueprintModel) => ({
    phases: model.phases.map(p => [p.title, p.duration?.text ?? null, p.emotion ?? null]),
    lanes: model.lanes.map(l => [l.title, l.kind, l.steps.map(s => `${s.title} @${model.phases[s.phaseIndex].title}`).sort()]),
    touchpoints: model.touchpoints.map(t => `${t.title} @${model.phases[t.phaseIndex].title}`).sort()
});

describe('spreadsheets out and in', () => {
    it.each(['restaurant.svcbp', 'restaurant-actors.svcbp', 'grocery-canvas.svcbp'])('%s: export as CSV and XLSX, import, and the same phases, lanes, steps and touchpoints', async file => {
        const workspace = examplesWorkspace();
        await workspace.build(file);
        const original = buildModels(workspace.document(file)).blueprints[0];
        for (const format of ['csv', 'xlsx']) {
            const sheet = `${file}.${format}`;
            const exported = svcbp(['export', `examples/${file}`, '--format', format, '-o', sheet], dir);
            expect(exported.status).toBe(0);
            expect(exported.stderr).toMatch(/the \d+ arrows do not fit a grid and are left out/);
            const imported = svcbp(['import', sheet, '-o', `${sheet}.svcbp`], dir);
            expect(imported).toMatchObject({ status: 0, stderr: '' });
            const text = readFileSync(join(dir, `${sheet}.svcbp`), 'utf8');
            expect(svcbp(['format', '--check', `${sheet}.svcbp`], dir).status).toBe(0);
            expect(shape(await modelOf(text)), format).toEqual(shape(original));
        }
    });

    it('reads what spreadsheet programs write: a BOM, ; separators, quoted line breaks, empty cells', async () => {
        writeFileSync(join(dir, 'semicolons.csv'), '\uFEFFLane;Arrive;Wait;Leave\nDuration;5 min;20min;\nCustomer actions;Walk in;"Sit down\nRead";\nFrontstage;Greet;;Wave\nSupport processes;;Queue system;\n');
        const run = svcbp(['import', 'semicolons.csv'], dir);
        expect(run).toMatchObject({ status: 0, stderr: '' });
        const model = await modelOf(run.stdout);
        expect(model.phases.map(p => [p.id, p.duration?.text])).toEqual([['arrive', '5min'], ['wait', '20min'], ['leave', undefined]]);
        expect(model.lanes.map(l => [l.kind, l.steps.map(s => s.title)])).toEqual([
            ['customer', ['Walk in', 'Sit down', 'Read']], ['frontstage', ['Greet', 'Wave']], ['support', ['Queue system']]
        ]);
    });

    it('reads an xlsx with a cell merged over phases as a step over them', async () => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet('Blueprint');
        sheet.addRow(['', 'Book', 'Travel', 'Arrive']);
        sheet.addRow(['Customer', 'Book online', 'Sit on the train', 'Walk to the hotel']);
        sheet.addRow(['Touchpoints', 'Website', '', 'Reception']);
        sheet.addRow(['Backstage', 'Hold the room', '', '']);
        sheet.mergeCells('B4:D4');
        await workbook.xlsx.writeFile(join(dir, 'merged.xlsx'));
        const run = svcbp(['import', 'merged.xlsx', '--name', 'Hotel trip'], dir);
        expect(run.status).toBe(0);
        const model = await modelOf(run.stdout);
        expect(model.title).toBe('Hotel trip');
        const hold = model.lanes[1].steps[0];
        expect([hold.title, hold.phase, hold.endPhase]).toEqual(['Hold the room', 'book', 'arrive']);
        expect(model.touchpoints.map(t => [t.title, t.phase])).toEqual([['Website', 'book'], ['Reception', 'arrive']]);
    });

    it('names a row it cannot place, and exits 1', () => {
        writeFileSync(join(dir, 'odd.csv'), 'Lane,One,Two\nCustomer,Ask,Wait\nBudget,100,200\n');
        const run = svcbp(['import', 'odd.csv'], dir);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain("odd.csv: Row 3 ('Budget') is no lane the import knows");
        expect(run.stdout).toContain('step ask "Ask" in one');
        expect(svcbp(['import', 'odd.txt.pdf'], dir).status).toBe(2);
    });
});
