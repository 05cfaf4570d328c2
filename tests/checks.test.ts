import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../src/language/validation/diagnostic-codes.js';
import { SEVERITY, TestWorkspace, diagnose, examplesWorkspace } from './support/workspace.js';

/** The text a diagnostic covers. */
function covered(text: string, diagnostic: Diagnostic): string {
    const lines = text.split('\n');
    const { start, end } = diagnostic.range;
    if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
    return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

/** A valid classic blueprint; cases add one defect to it. */
const base = (body: string, head = '') => `${head}blueprint b {
  phase p1
  phase p2
  lane c "Customer" customer { step s1 in p1 step s2 in p2 }
  touchpoint t in p1
  lane f "Front" frontstage { step f1 in p1 step f2 in p2 }
  lane k "Back" backstage { step k1 in p1..p2 }
  lane u "Support" support { step u1 in p2 }
  s1 -> t -> f1 -> k1 -> u1
  s2 -> f2
${body}
}`;

interface Case {
    code: DiagnosticCode;
    text: string;
    /** The exact text the diagnostic must cover. */
    at: string;
    others?: Record<string, string | Uint8Array>;
}

const CASES: Case[] = [
    { code: 'syntax-error', text: base('  phase'), at: '}' },
    { code: 'unresolved-reference', text: base('  s1 -> f3'), at: 'f3' },
    { code: 'duplicate-name', text: base('  lane s1 "Again" notes { }'), at: 's1' },
    { code: 'unresolved-import', text: base('', 'import "nowhere"\n'), at: '"nowhere"' },
    { code: 'invalid-phase-range', text: base('  lane n "N" notes { step n1 in p2..p1 }'), at: 'p2..p1' },
    { code: 'value-out-of-range', text: base('  phase p3 { emotion 3 }'), at: 'emotion 3' },
    { code: 'invalid-property', text: base('  phase p3 { channel web }'), at: 'channel web' },
    { code: 'lane-order', text: base('  lane c2 "Late customer" customer { step s3 in p1 }'), at: 'lane c2 "Late customer" customer' },
    { code: 'self-arrow', text: base('  f1 -> f1'), at: '-> f1' },
    { code: 'duplicate-arrow', text: base('  s2 -> f2 "again"'), at: '-> f2 "again"' },
    { code: 'unknown-channel', text: base('  touchpoint t2 in p2 { channel fax }\n  s2 -> t2'), at: 'channel fax' },
    { code: 'arrow-from-notes', text: base('  lane n "N" notes { step n1 in p1 }\n  n1 -> f1'), at: '-> f1' },
    { code: 'customer-bypasses-frontstage', text: base('  s2 -> u1'), at: '-> u1' },
    { code: 'decision-without-branches', text: base('  lane n "N" frontstage { step d in p1 { decision } }\n  d -> f1'), at: 'd' },
    { code: 'self-import', text: base('', 'import "main"\n'), at: '"main"' },
    { code: 'not-utf8', text: base('', 'import "latin1"\n'), at: '"latin1"', others: { 'latin1.svcbp': Buffer.concat([Buffer.from('system cafe "Caf'), Buffer.from([0xe9]), Buffer.from('"\n')]) } },
    { code: 'phase-without-customer-action', text: base('  phase p3'), at: 'p3' },
    { code: 'touchpoint-unused', text: base('  touchpoint idle in p2'), at: 'idle' },
    { code: 'low-emotion-without-note', text: base('  phase p3 { emotion -1 }\n  lane c3 "C3" frontstage { step s4 in p3 }'), at: 'p3' },
    { code: 'unused-declaration', text: base('  actor nobody'), at: 'nobody' }
];

describe('every diagnostic code', () => {
    it('has a case here', () => {
        expect(CASES.map(c => c.code).sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
    });

    it('the base blueprint is clean', async () => {
        expect(await diagnose(base(''))).toEqual([]);
    });

    it.each(CASES)('$code fires once, with its default severity, on the construct to fix', async ({ code, text, at, others }) => {
        const diagnostics = (await diagnose(text, others)).filter(d => d.code === code);
        expect(diagnostics).toHaveLength(1);
        expect(SEVERITY[diagnostics[0].severity as 1]).toBe(DIAGNOSTIC_CODES[code].severity);
        expect(covered(text, diagnostics[0])).toBe(at);
    });

    it('none fires on the normative examples', async () => {
        const workspace = examplesWorkspace();
        const files = ['restaurant.svcbp', 'restaurant-actors.svcbp', 'grocery-canvas.svcbp', 'common/platform.svcbp'];
        await workspace.build(...files);
        expect(files.flatMap(file => workspace.diagnostics(file))).toEqual([]);
    });
});

describe('check details', () => {
    it('suggests the closest name and attaches it as data', async () => {
        const [d] = await diagnose(base('  lane x "X" backstage { step cook in p1 }\n  cook -> cok'));
        expect(d).toMatchObject({ code: 'unresolved-reference', message: "Unknown step 'cok'. Did you mean 'cook'?", data: { suggestion: 'cook', expected: 'step or touchpoint' } });
    });

    it('names the kind that was expected when nothing is close', async () => {
        const messages = (await diagnose(base('  lane x "X" frontstage by zed { step z in nowhere }'))).map(d => d.message);
        expect(messages).toContain("Unknown phase 'nowhere'. Declare it with `phase` in this blueprint.");
        expect(messages).toContain('Unknown actor \'zed\'. Declare it with `actor zed`, or import the file that declares it.');
    });

    it('flags every later duplicate, never the first', async () => {
        const text = base('  phase p1\n  lane p2 "L" notes { }');
        const duplicates = (await diagnose(text)).filter(d => d.code === 'duplicate-name');
        expect(duplicates.map(d => d.range.start.line)).toEqual([10, 11]);
    });

    it('treats a two-way arrow written backwards as the same arrow', async () => {
        const diagnostics = await diagnose(base('  f2 <-> k1\n  k1 <-> f2'));
        expect(diagnostics.filter(d => d.code === 'duplicate-arrow')).toHaveLength(1);
    });

    it('counts two-way arrows as branches of a decision', async () => {
        const text = base('  lane n "N" frontstage { step d in p1 { decision } }\n  d -> f1 "yes"\n  d <-> f2 "no"');
        expect((await diagnose(text)).map(d => d.code)).not.toContain('decision-without-branches');
    });

    it('warns about written lines out of order or repeated, at the later line', async () => {
        const text = `blueprint b {
  phase p
  lane c "C" customer { step s in p }
  line visibility
  line interaction
  lane f "F" frontstage { step f1 in p }
  line visibility
  s -> f1
}`;
        const warnings = (await diagnose(text)).filter(d => d.code === 'lane-order');
        expect(warnings.map(d => covered(text, d))).toEqual(['line interaction', 'line visibility', 'lane f "F" frontstage']);
    });

    it('allows each property only where the spec puts it, and once unless it is a list', async () => {
        const text = base('  lane n "N" frontstage { step d in p1 { duration 5min duration 6min pain "a" pain "b" status as-is } }\n  d -> f1');
        const invalid = (await diagnose(text)).filter(d => d.code === 'invalid-property');
        expect(invalid.map(d => covered(text, d))).toEqual(['duration 6min', 'status as-is']);
    });

    it('suggests a known channel for a typo', async () => {
        const [d] = (await diagnose(base('  touchpoint t2 in p2 { channel emial }\n  s2 -> t2'))).filter(x => x.code === 'unknown-channel');
        expect(d.message).toBe("Unknown channel 'emial'. Did you mean 'email'?");
    });

    it('a step overrides nothing about phase emotion notes: each element explains its own low emotion', async () => {
        const text = base('  lane n "N" frontstage { step d in p1 { emotion -2 } step e in p2 { emotion -1 opportunity "Call back" } }\n  d -> e');
        const infos = (await diagnose(text)).filter(d => d.code === 'low-emotion-without-note');
        expect(infos.map(d => covered(text, d))).toEqual(['d']);
    });

    it('counts references from an importing file as uses', async () => {
        const workspace = new TestWorkspace()
            .write('lib.svcbp', 'actor used\nactor unused\n')
            .write('main.svcbp', base('  lane n "N" frontstage by used { step d in p1 }\n  s1 -> d', 'import "lib"\n'));
        await workspace.build('main.svcbp', 'lib.svcbp');
        expect(workspace.diagnostics('lib.svcbp').map(d => d.message)).toEqual(["Nothing refers to the actor 'unused'."]);
    });
});

describe('the sharpened checks (LANGUAGE.md)', () => {
    const found = async (text: string, code: string) => (await diagnose(text)).filter(d => d.code === code).map(d => covered(text, d));

    it('lane-order with inferred lines: a frontstage, backstage or support lane above the customer lane, an evidence lane below it', async () => {
        const text = `blueprint b {
  phase p
  lane f "F" frontstage { step f1 in p }
  lane c "C" customer { step c1 in p }
  lane e "E" evidence { step e1 in p }
  c1 -> f1
}`;
        expect(await found(text, 'lane-order')).toEqual(['lane f "F" frontstage', 'lane e "E" evidence']);
    });

    it('customer-bypasses-frontstage in both directions, and for an actor lane below the line of visibility', async () => {
        expect(await found(base('  u1 -> s2'), 'customer-bypasses-frontstage')).toEqual(['-> s2']);
        const actors = `blueprint b {
  phase p
  lane c "C" customer { step c1 in p }
  lane w "Waiter" actor { step w1 in p }
  line visibility
  lane k "Kitchen" actor { step k1 in p }
  c1 -> w1
  c1 -> k1
}`;
        expect(await found(actors, 'customer-bypasses-frontstage')).toEqual(['-> k1']);
    });

    it('a notes lane takes only description; visibility only on actor-lane steps', async () => {
        expect(await found(base('  lane n "N" notes { step n1 in p1 { description "ok" fail "no" } }'), 'invalid-property')).toEqual(['fail "no"']);
        expect(await found(base('  lane a "A" actor { step a1 in p1 { visibility hidden } }\n  lane x "X" frontstage { step x1 in p1 { visibility hidden } }'), 'invalid-property')).toEqual(['visibility hidden']);
    });

    it('names the channel to write for a contact-type word or a synonym', async () => {
        const messages = async (channel: string) => (await diagnose(base(`  touchpoint t2 in p2 { channel ${channel} }\n  s2 -> t2`))).filter(d => d.code === 'unknown-channel').map(d => d.message);
        expect(await messages('face-to-face')).toEqual(["Unknown channel 'face-to-face'. 'face-to-face' is a contact type, not a channel: write 'in-person'."]);
        expect(await messages('telephone')).toEqual(["Unknown channel 'telephone'. Write 'phone' for 'telephone'."]);
        expect(await messages('website')).toEqual(["Unknown channel 'website'. Write 'web' for 'website'."]);
        expect(await messages('self-service')).toEqual(["Unknown channel 'self-service'. 'self-service' is a contact type, not a channel: write 'kiosk' or 'terminal'."]);
    });

    it('no phase-without-customer-action in a sub-process: no customer lane, reached through a link', async () => {
        const text = `blueprint main {
  phase p
  lane c "C" customer { step c1 in p { link sub } }
}
blueprint sub {
  phase q
  lane k "K" backstage { step k1 in q }
}
blueprint alone {
  phase r
  lane k "K" backstage { step k2 in r }
}`;
        expect(await found(text, 'phase-without-customer-action')).toEqual(['r']);
    });

    it('stay silent on the normative examples and the realistic corpus', async () => {
        const { corpusFiles, PROJECT, REALISTIC } = await import('./support/corpus.js');
        const { listFiles } = await import('./support/workspace.js');
        const { readFileSync } = await import('node:fs');
        const { join, relative } = await import('node:path');
        const workspace = new TestWorkspace();
        for (const path of [...listFiles(join(PROJECT, 'examples')), ...listFiles(REALISTIC)]) workspace.write(relative(PROJECT, path), readFileSync(path, 'utf8'));
        const files = corpusFiles();
        await workspace.build(...files);
        expect(files.flatMap(file => workspace.diagnostics(file).map(d => `${file}:${d.range.start.line + 1} ${d.code}`))).toEqual([]);
    });
});
