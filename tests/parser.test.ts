import { readFileSync } from 'node:fs';
import { AstUtils, EmptyFileSystem, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSvcbpCoreServices } from '../src/language/svcbp-module.js';
import { generate } from '../bench/generate.js';
import { EXAMPLES, listFiles } from './support/workspace.js';

const parser = createSvcbpCoreServices(EmptyFileSystem).Svcbp.parser.LangiumParser;

/** Every node's container link, in document order. */
function containerLinks(root: AstNode): string[] {
    return AstUtils.streamAst(root).map(node =>
        `${node.$type}@${node.$cstNode?.offset ?? '-'} in ${node.$container?.$type ?? '-'}@${node.$container?.$cstNode?.offset ?? '-'}.${node.$containerProperty ?? '-'}[${node.$containerIndex ?? ''}]`).toArray();
}

/** Texts with every construct, and ones that only partly parse (recovery leaves odd trees). */
const TEXTS: Record<string, string> = {
    ...Object.fromEntries(listFiles(EXAMPLES).map(file => [file, readFileSync(file, 'utf8')])),
    generated: generate(300),
    truncated: 'blueprint b { phase p lane l customer { step s in p { duration 5min emotion',
    'stray braces': 'blueprint b { } } phase p { lane { step in }',
    'broken arrow': 'blueprint b { phase p lane l customer { step a in p step c in p } a -> -> c "x" ~> }',
    'properties out of place': 'actor a { uses x channel web } blueprint b { duration 5min phase p { link b } }'
};

describe("the parser's container links", () => {
    for (const [name, text] of Object.entries(TEXTS)) {
        it(`are what Langium's own linking gives: ${name.split('/').pop()}`, () => {
            const root = parser.parse(text).value;
            const ours = containerLinks(root);
            // Langium's generic linking, over the same tree, overwrites ours: the two must agree.
            AstUtils.linkContentToContainer(root, { deep: true });
            expect(ours).toEqual(containerLinks(root));
            expect(ours.length).toBeGreaterThan(1);
        });
    }
});
