/**
 * Typing slips planted in real blueprints, for the recovery suite: each kind of slip a person
 * makes while typing, at several places of a file, and a broken reference far from it. A slip
 * says which line it is on (1-based, in the slipped text) so a test can ask for its diagnostic there.
 */

export interface Slip {
    kind: string;
    /** The slipped text. */
    text: string;
    /** The line of the slip. */
    line: number;
    /** Lines added before `line` (0 or 1), to map the original's lines onto the slipped text. */
    inserted: number;
}

type Planter = (lines: string[], at: number) => { lines: string[]; line: number; inserted: number } | undefined;

const indentOf = (line: string) => /^\s*/.exec(line)![0];

/** A property line inside a phase or step block: `duration …`, `emotion …`, … */
const property = (key: string) => (line: string) => new RegExp(`^\\s*${key}\\s`).test(line);

function replaceValue(key: string, value: string): Planter {
    return (lines, at) => {
        const line = lines[at];
        if (!property(key)(line)) return undefined;
        const copy = [...lines];
        copy[at] = `${indentOf(line)}${key} ${value}`;
        return { lines: copy, line: at + 1, inserted: 0 };
    };
}

/** A new line before a line that passes `where`, indented like it. */
function insertBefore(where: (line: string) => boolean, make: (line: string, lines: string[]) => string | undefined): Planter {
    return (lines, at) => {
        if (!where(lines[at])) return undefined;
        const text = make(lines[at], lines);
        if (text === undefined) return undefined;
        return { lines: [...lines.slice(0, at), `${indentOf(lines[at])}${text}`, ...lines.slice(at)], line: at + 1, inserted: 1 };
    };
}

const stepLine = /^\s*step\s+([A-Za-z_][\w-]*)\s+"[^"]*"\s+in\s+[A-Za-z_][\w-]*(?:\s*\.\.\s*[A-Za-z_][\w-]*)?\s*$/;
const stepWithBlock = /^\s*step\s+[A-Za-z_][\w-]*\s+"[^"]*"\s+in\s+[^{]*\{\s*$/;
const arrowLine = /^\s*([A-Za-z_][\w-]*)\s*(->|<->|~>|\.\.>)\s*[A-Za-z_][\w-]*/;

export const PLANTERS: Record<string, Planter> = {
    'bad keyword value': (lines, at) => {
        if (/^\s*status\s/.test(lines[at])) return replaceValue('status', 'draft')(lines, at);
        if (/^\s*visibility\s/.test(lines[at])) return replaceValue('visibility', 'secret')(lines, at);
        return undefined;
    },
    'word for a number': replaceValue('emotion', 'high'),
    'decimal comma': replaceValue('duration', '1,5h'),
    'duration range': replaceValue('duration', '2-3d'),
    'space in a duration': replaceValue('duration', '5 min'),
    'half-typed in': insertBefore(line => stepLine.test(line), () => 'step slipStep "Push notification" in'),
    'half-typed arrow': insertBefore(line => arrowLine.test(line), line => `${arrowLine.exec(line)![1]} ->`),
    'unknown property': (lines, at) => {
        if (!stepWithBlock.test(lines[at])) return undefined;
        const inner = indentOf(lines[at + 1] ?? '  ');
        return { lines: [...lines.slice(0, at + 1), `${inner}colour red`, ...lines.slice(at + 1)], line: at + 2, inserted: 1 };
    },
    'unclosed string': (lines, at) => {
        if (!stepLine.test(lines[at])) return undefined;
        const copy = [...lines];
        copy[at] = lines[at].replace(/"([^"]*)"/, '"$1');
        return { lines: copy, line: at + 1, inserted: 0 };
    },
    'missing closing brace': (lines, at) => {
        // The `}` that closes a step's block (the next step follows it).
        if (!/^\s*\}\s*$/.test(lines[at]) || !/^\s*(step|\})/.test(lines[at + 1] ?? '')) return undefined;
        let open = at - 1;
        while (open >= 0 && !/\{\s*$/.test(lines[open])) open--;
        if (open < 0 || !stepWithBlock.test(lines[open])) return undefined;
        const copy = [...lines];
        copy.splice(at, 1);
        return { lines: copy, line: at + 1, inserted: -1 };
    }
};

/** Up to `count` lines (0-based) where a slip of a kind can be planted, spread over the file: first, last, middle. */
export function slipPlaces(text: string, kind: string, count: number): number[] {
    const lines = text.split('\n');
    const places: number[] = [];
    for (let at = 0; at < lines.length; at++) if (PLANTERS[kind](lines, at)) places.push(at);
    if (places.length <= count) return places;
    return [...new Set(Array.from({ length: count }, (_, i) => places[Math.round((i * (places.length - 1)) / Math.max(1, count - 1))]))];
}

/** The text with a slip of a kind planted at a line (0-based) that `slipPlaces` found. */
export function plantSlip(text: string, kind: string, at: number): Slip {
    const planted = PLANTERS[kind](text.split('\n'), at);
    if (!planted) throw new Error(`no place for '${kind}' at line ${at + 1}`);
    return { kind, text: planted.lines.join('\n'), line: planted.line, inserted: planted.inserted };
}

/**
 * A broken reference far from a line: an arrow's target misspelled, on the arrow line furthest
 * from `line`. Returns the new text and the broken name's line, or undefined without arrows.
 */
export function breakReference(text: string, line: number): { text: string; line: number; name: string } | undefined {
    const lines = text.split('\n');
    let best = -1;
    for (let at = 0; at < lines.length; at++) {
        if (!/^\s*[A-Za-z_][\w-]*\s*(->|<->|~>|\.\.>)\s*[A-Za-z_][\w-]*\s*("[^"]*")?\s*$/.test(lines[at])) continue;
        if (best < 0 || Math.abs(at + 1 - line) > Math.abs(best + 1 - line)) best = at;
    }
    if (best < 0) return undefined;
    const match = /(->|<->|~>|\.\.>)\s*([A-Za-z_][\w-]*)/.exec(lines[best])!;
    const name = `${match[2]}Typo`;
    lines[best] = lines[best].replace(/(->|<->|~>|\.\.>)(\s*)([A-Za-z_][\w-]*)/, `$1$2${name}`);
    return { text: lines.join('\n'), line: best + 1, name };
}
