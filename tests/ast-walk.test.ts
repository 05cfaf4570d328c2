import { readFileSync } from 'node:fs';
import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { astNodes, referenceSites } from '../src/language/link/ast-walk.js';
import { EXAMPLES, TestWorkspace, listFiles } from './support/workspace.js';

/** Every construct of the grammar at least once, including properties in every block and at top level. */
const EVERYTHING = `import "lib"
actor a "A" { description "d" }
system s "S" { description "d" }
blueprint b "B" {
  description "x" persona "p" status to-be
  actor a2 { description "d" }
  system s2
  phase p1 "P" { duration 5min emotion -1 pain "x" opportunity "y" metric "m" policy "q" description "d" }
  phase p2
  section "Sec" {
    lane l1 "L" customer by a { description "d" step x1 "X" in p1..p2 { duration 1min wait 2min "w" emotion 1 fail "f" by a2 uses s, s2 visibility hidden decision link b description "d" } }
    line interaction "I"
    touchpoint t "T" in p1 { channel web uses s fail "f" pain "p" }
  }
  lane l2 frontstage { step x2 in p2 }
  line visibility
  x1 -> t <-> x2 "label" ~> x1 ..> x2
}
blueprint other { }
`;

async function documents() {
    const workspace = new TestWorkspace().write('lib.svcbp', 'actor z').write('everything.svcbp', EVERYTHING);
    const files = ['everything.svcbp'];
    for (const file of listFiles(EXAMPLES)) {
        const name = `ex/${file.slice(EXAMPLES.length + 1)}`;
        workspace.write(name, readFileSync(file, 'utf8'));
        files.push(name);
    }
    return workspace.build(...files);
}

describe('the hand-written AST walk', () => {
    it('visits exactly the nodes of Langium\'s generic walk, in document order', async () => {
        for (const document of await documents()) {
            expect(astNodes(document.parseResult.value)).toEqual(AstUtils.streamAst(document.parseResult.value).toArray());
        }
    });

    it('finds exactly the references of Langium\'s generic walk', async () => {
        for (const document of await documents()) {
            const root = document.parseResult.value;
            const generic = AstUtils.streamAst(root).flatMap(node => AstUtils.streamReferences(node)).toArray();
            const ours = referenceSites(root);
            expect(ours.map(s => [s.container, s.property, s.index ?? 0, s.reference])).toEqual(generic.map(s => [s.container, s.property, s.index ?? 0, s.reference]));
            // by a; in p1..p2; by a2; uses s, s2; link b; t in p1; uses s; x2 in p2; the arrow source and its four targets
            if (document.uri.path.endsWith("everything.svcbp")) expect(ours).toHaveLength(15);
        }
    });
});
