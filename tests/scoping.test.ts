import { describe, expect, it } from 'vitest';
import { DocumentState, type LangiumDocument } from 'langium';
import { isBlueprint, type Blueprint, type Lane, type SvcbpFile } from '../src/language/generated/ast.js';
import { referenceSites } from '../src/language/link/ast-walk.js';
import { findProperty, stepsOf } from '../src/language/link/blueprint-contents.js';
import { TestWorkspace, codes, uriOf } from './support/workspace.js';

const messages = (workspace: TestWorkspace, file: string) => workspace.diagnostics(file).filter(d => d.severity === 1).map(d => d.message);
const blueprintOf = (workspace: TestWorkspace, file: string) => workspace.document(file).parseResult.value.elements.find(isBlueprint) as Blueprint;

const usesBoth = (head: string) => `${head}
blueprint b {
  phase p
  lane c "C" customer by ann { step s in p { uses sys } }
}`;

describe('one namespace per blueprint', () => {
    it('resolves steps across lanes and sections from arrows and `in`', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', `blueprint b {
  phase p
  section "A" { lane a "A" customer { step s1 in p } touchpoint t in p }
  section "B" { lane f "F" frontstage { step s2 in p } }
  s1 -> t -> s2
}`);
        await workspace.build('main.svcbp');
        expect(workspace.diagnostics('main.svcbp')).toEqual([]);
    });

    it('keeps each blueprint to itself', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', `blueprint one { phase p lane c customer { step s in p } }
blueprint two { phase q lane c customer { step t in q } s -> t }`);
        await workspace.build('main.svcbp');
        expect(messages(workspace, 'main.svcbp')).toEqual(["Unknown step or touchpoint 's'. Steps and touchpoints are declared in this blueprint."]);
    });
});

describe('imports', () => {
    it('sees top-level actors and systems of a directly imported file, with .svcbp optional and paths relative to the importer', async () => {
        const workspace = new TestWorkspace()
            .write('lib/people.svcbp', 'actor ann\nsystem sys')
            .write('app/main.svcbp', usesBoth('import "../lib/people"'))
            .write('app/again.svcbp', usesBoth('import "../lib/people.svcbp"'));
        await workspace.build('app/main.svcbp', 'app/again.svcbp');
        expect(workspace.diagnostics('app/main.svcbp')).toEqual([]);
        expect(workspace.diagnostics('app/again.svcbp')).toEqual([]);
    });

    it('does not re-export: what an import imports stays out of scope', async () => {
        const workspace = new TestWorkspace()
            .write('deep.svcbp', 'actor ann\nsystem sys')
            .write('middle.svcbp', 'import "deep"')
            .write('main.svcbp', usesBoth('import "middle"'));
        await workspace.build('main.svcbp');
        expect(codes(workspace.diagnostics('main.svcbp'))).toEqual(['unresolved-reference', 'unresolved-reference']);
    });

    it('sees nothing of a file that is not imported, even when it is loaded', async () => {
        const workspace = new TestWorkspace()
            .write('other.svcbp', 'actor ann\nsystem sys')
            .write('main.svcbp', usesBoth(''));
        await workspace.build('main.svcbp', 'other.svcbp');
        expect(messages(workspace, 'main.svcbp')).toEqual([
            "Unknown actor 'ann'. Declare it with `actor ann`, or import the file that declares it.",
            "Unknown system 'sys'. Declare it with `system sys`, or import the file that declares it."
        ]);
    });

    it('lets blueprint-local declarations shadow imported ones, and top-level ones shadow imports', async () => {
        const workspace = new TestWorkspace()
            .write('lib.svcbp', 'actor ann "Imported Ann"\nsystem sys "Imported"')
            .write('main.svcbp', `import "lib"
system sys "Top-level"
blueprint b {
  actor ann "Local Ann"
  phase p
  lane c "C" customer by ann { step s in p { uses sys } }
}`);
        await workspace.build('main.svcbp');
        const lane = stepsOf(blueprintOf(workspace, 'main.svcbp'))[0].$container;
        expect(lane.actor?.ref?.title).toBe('Local Ann');
        expect(findProperty(lane.steps[0], 'uses')?.systems[0].ref?.title).toBe('Top-level');
    });

    it('links to blueprints of the same file and of imported files', async () => {
        const workspace = new TestWorkspace()
            .write('sub.svcbp', 'blueprint checkout { }')
            .write('main.svcbp', `import "sub"
blueprint local { }
blueprint b { phase p lane c "C" customer { step s in p { link checkout } step t in p { link local } step u in p { link nowhere } } }`);
        await workspace.build('main.svcbp');
        expect(messages(workspace, 'main.svcbp')).toEqual(["Unknown blueprint 'nowhere'. Link to a blueprint of this file or of an imported file."]);
    });

    it('allows import cycles', async () => {
        const workspace = new TestWorkspace()
            .write('a.svcbp', 'import "b"\nactor fromA')
            .write('b.svcbp', 'import "c"\nactor fromB')
            .write('c.svcbp', `import "a"\nblueprint x { phase p lane c "C" customer by fromA { step s in p } }`);
        await workspace.build('a.svcbp');
        for (const file of ['a.svcbp', 'b.svcbp', 'c.svcbp']) expect(messages(workspace, file)).toEqual([]);
    });

    it('explains an import of a folder, of a file that is not .svcbp, and of nothing', async () => {
        const workspace = new TestWorkspace()
            .write('common/platform.svcbp', 'actor x')
            .write('notes.txt', 'hello')
            .write('main.svcbp', 'import "common"\nimport "notes.txt"\nimport "gone/away"');
        await workspace.build('main.svcbp');
        expect(messages(workspace, 'main.svcbp')).toEqual([
            '\'common\' is a folder, not a file. Import a .svcbp file inside it, e.g. "common/name".',
            "'notes.txt' is not a .svcbp file; only .svcbp files can be imported.",
            "Cannot find 'gone/away.svcbp' (paths are relative to this file)."
        ]);
    });

    it('relinks an importer when the imported file changes, and resolves an import once its file appears', async () => {
        const workspace = new TestWorkspace()
            .write('lib.svcbp', 'actor ann\nsystem sys')
            .write('main.svcbp', usesBoth('import "lib"'));
        await workspace.build('main.svcbp');
        expect(workspace.diagnostics('main.svcbp')).toEqual([]);
        await workspace.change('lib.svcbp', 'actor ann');
        expect(messages(workspace, 'main.svcbp')).toEqual(["Unknown system 'sys'. Declare it with `system sys`, or import the file that declares it."]);

        const late = new TestWorkspace().write('main.svcbp', usesBoth('import "late"'));
        await late.build('main.svcbp');
        expect(codes(late.diagnostics('main.svcbp'))).toContain('unresolved-import');
        await late.change('late.svcbp', 'actor ann\nsystem sys');
        expect(late.diagnostics('main.svcbp')).toEqual([]);
    });

    it('links a chain of 1,500 steps (the linear cost itself is measured by npm run bench)', async () => {
        const steps = Array.from({ length: 1500 }, (_, i) => `step s${i} in p`).join('\n');
        const arrows = Array.from({ length: 1499 }, (_, i) => `s${i} -> s${i + 1}`).join('\n');
        const workspace = new TestWorkspace().write('main.svcbp', `blueprint b { phase p lane c "C" customer {\n${steps}\n}\n${arrows}\n}`);
        await workspace.build('main.svcbp');
        expect(workspace.diagnostics('main.svcbp')).toEqual([]);
    });
});

describe('references read during a build (an editor request while the server starts)', () => {
    it('are linked anew: a read before the imports were indexed leaves nothing behind, shadowing included', async () => {
        const workspace = new TestWorkspace()
            .write('lib/people.svcbp', 'actor ann\nsystem sys\nactor bob')
            .write('main.svcbp', `import "lib/people"
blueprint b {
  actor ann "Ann here"
  phase p
  lane c "C" customer by ann { step s in p { uses sys } step t in p { by bob } }
}`);
        const { DocumentBuilder, LangiumDocuments } = workspace.services.shared.workspace;
        const main = await LangiumDocuments.getOrCreateDocument(uriOf('main.svcbp')) as LangiumDocument<SvcbpFile>;
        // A request served between the build's phases (Langium lets reads run during a build):
        // here, once everything is parsed and before the imported file is indexed.
        let early: unknown[] = [];
        const listener = DocumentBuilder.onBuildPhase(DocumentState.Parsed, () => {
            early = referenceSites(main.parseResult.value).map(site => site.reference.ref?.$type);
        });
        await DocumentBuilder.build([main], { validation: true });
        listener.dispose();
        expect(early.length).toBeGreaterThan(0);
        expect(workspace.diagnostics('main.svcbp')).toEqual([]);
        const blueprint = blueprintOf(workspace, 'main.svcbp');
        const lane = blueprint.members.find(m => m.$type === 'Lane') as Lane;
        expect(lane.actor?.ref?.$container).toBe(blueprint); // the local actor shadows the imported one
    });
});
