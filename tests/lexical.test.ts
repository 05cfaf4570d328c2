import { describe, expect, it } from 'vitest';
import { isBlueprint, isLane, type Blueprint } from '../src/language/generated/ast.js';
import { allArrowLinks, findProperty, stepsOf } from '../src/language/link/blueprint-contents.js';
import { docCommentOf } from '../src/language/parse/doc-comments.js';
import { parseDuration } from '../src/language/parse/duration.js';
import { formatDuration } from '../src/model/format-duration.js';
import { messageText } from '../src/language/validation/document-validator.js';
import { TestWorkspace, codes } from './support/workspace.js';

async function parse(text: string) {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    const [document] = await workspace.build('main.svcbp');
    const blueprint = document.parseResult.value.elements.find(isBlueprint) as Blueprint;
    return { document, blueprint, diagnostics: document.diagnostics ?? [] };
}

const wrap = (body: string) => `blueprint b {\n  phase p\n  lane c "C" customer { step s in p }\n${body}\n}`;

describe('lexical rules', () => {
    it('reads a->b as three tokens and in-person as one name', async () => {
        const { blueprint, diagnostics } = await parse(`blueprint b { phase p lane c customer { step a in p step b in p }
          touchpoint t in p { channel in-person } a->b }`);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        const links = allArrowLinks(blueprint);
        expect(links.map(l => `${l.from.$refText} ${l.segment.op} ${l.to.$refText}`)).toEqual(['a -> b']);
        expect(findProperty(blueprint.members.find(m => m.$type === 'Touchpoint')!, 'channel')?.value).toBe('in-person');
    });

    it('joins an arrow across line breaks; statements need no separator', async () => {
        const { blueprint, diagnostics } = await parse(`blueprint b { phase p lane c customer { step a in p step b in p step c2 in p } a ->\n b\n ~> c2 "late" }`);
        expect(codes(diagnostics)).not.toContain('syntax-error');
        expect(allArrowLinks(blueprint).map(l => [l.segment.op, l.to.$refText, l.segment.label])).toEqual([['->', 'b', undefined], ['~>', 'c2', 'late']]);
    });

    it('decodes string escapes and keeps any Unicode', async () => {
        const { blueprint } = await parse(`blueprint b "Say \\"hi\\" \\\\ then\\n\\tgo — 日本 🍣" { }`);
        expect(blueprint.title).toBe('Say "hi" \\ then\n\tgo — 日本 🍣');
    });

    it('reports a raw line break inside a string, and still parses the rest', async () => {
        const { diagnostics, blueprint } = await parse(`blueprint b "unclosed\n{ phase p }`);
        const error = diagnostics.find(d => messageText(d).includes('no closing quote'));
        expect(error).toMatchObject({ code: 'syntax-error', range: { start: { line: 0, character: 12 } } });
        expect(blueprint?.title).toBe('unclosed');
    });

    it('reports an unknown escape', async () => {
        const { diagnostics } = await parse(`blueprint b "a\\qb" { }`);
        expect(diagnostics.map(d => d.message)).toContainEqual(expect.stringContaining("Unknown escape '\\q'"));
    });

    it('takes signed integers for emotion', async () => {
        const { blueprint, diagnostics } = await parse(`blueprint b { phase p1 { emotion -2 } phase p2 { emotion +1 } phase p3 { emotion 0 } }`);
        expect(codes(diagnostics)).not.toContain('syntax-error');
        expect(blueprint.members.map(m => findProperty(m as never, 'emotion')?.value)).toEqual([-2, 1, 0]);
    });

    it('treats every keyword as a usable name that still resolves', async () => {
        const { blueprint, diagnostics } = await parse(`blueprint in {
  phase phase
  phase line
  lane lane "L" customer { step step in phase step customer in phase..line }
  lane support "S" frontstage { step in in line }
  step -> customer ..> in
}`);
        expect(diagnostics.filter(d => d.severity! <= 2)).toEqual([]);
        expect(blueprint.name).toBe('in');
        expect(stepsOf(blueprint).map(s => `${s.name}@${s.phase?.ref?.name}..${s.endPhase?.ref?.name ?? ''}`))
            .toEqual(['step@phase..', 'customer@phase..line', 'in@line..']);
        expect(allArrowLinks(blueprint).every(l => l.to.ref !== undefined)).toBe(true);
    });

    it('skips line and block comments', async () => {
        const { diagnostics } = await parse(`// head\nblueprint b { /* inline */ phase p // tail\n /* multi\n line */ }`);
        expect(codes(diagnostics)).not.toContain('syntax-error');
    });

    it('says what was expected in words, at the first bad token', async () => {
        const { diagnostics } = await parse(`blueprint b {\n  phase p\n  lane c customer { step s in }\n}`);
        expect(diagnostics[0]).toMatchObject({ code: 'syntax-error', message: "Expected a name, but found '}'.", range: { start: { line: 2, character: 30 } } });
        const lane = await parse(`blueprint b { lane c "C" sideways { } }`);
        expect(lane.diagnostics[0].message).toBe("Expected a lane kind: evidence, customer, frontstage, backstage, support, actor or notes, but found 'sideways'.");
    });

    it('keeps linking and checking the rest of a file with a syntax error', async () => {
        const { diagnostics } = await parse(`blueprint b {\n  phase p\n  lane c customer { step s in p step t in }\n  s -> nope\n}`);
        expect(codes(diagnostics)).toContain('syntax-error');
        expect(diagnostics.find(d => d.code === 'unresolved-reference')?.message).toBe("Unknown step or touchpoint 'nope'. Steps and touchpoints are declared in this blueprint.");
    });
});

describe('durations', () => {
    it.each([
        ['30s', 30], ['5min', 300], ['1.5h', 5400], ['2d', 172800], ['1w', 604800], ['1h30min', 5400], ['2d4h', 187200]
    ])('%s is %i seconds', (text, seconds) => {
        expect(parseDuration(text)).toEqual({ ok: true, seconds });
    });

    it.each(['30min1h', '1h1h', '0s', '-5min'])('%s is out of range', async text => {
        expect(parseDuration(text).ok).toBe(false);
        const { diagnostics } = await parse(wrap(`  phase q { duration ${text} }`));
        expect(codes(diagnostics)).toContain('value-out-of-range');
    });

    it('formats seconds back to the shortest text', () => {
        expect([5400, 90, 604800 + 3600, 0].map(formatDuration)).toEqual(['1h30min', '1min30s', '1w1h', '0s']);
    });
});

describe('documentation comments', () => {
    it('reads //, /// and /** */ comments directly above a declaration, not across a blank line', async () => {
        const { blueprint } = await parse(`// not mine\n\n/// The blueprint.\n/// Second line.\nblueprint b {\n  /** The phase. */\n  phase p\n  // The lane.\n  lane c customer {\n    // svcbp-disable-next-line touchpoint-unused\n    step s in p\n  }\n}`);
        expect(docCommentOf(blueprint)).toBe('The blueprint.\nSecond line.');
        expect(docCommentOf(blueprint.members[0])).toBe('The phase.');
        const lane = blueprint.members.find(isLane)!;
        expect(docCommentOf(lane)).toBe('The lane.');
        expect(docCommentOf(lane.steps[0])).toBeUndefined();
    });

    it('takes no block comment that ends the line of the statement before', async () => {
        const { blueprint } = await parse('blueprint b {\n  phase p /* after p */\n  phase q /* still\n  after q */\n  phase r\n}');
        expect(blueprint.members.map(docCommentOf)).toEqual([undefined, undefined, undefined]);
    });
});
