/** Durations such as `30s`, `1.5h`, `1h30min`: parsed and checked in one place. */

const UNIT_SECONDS = { w: 604800, d: 86400, h: 3600, min: 60, s: 1 } as const;
type Unit = keyof typeof UNIT_SECONDS;
const UNIT_ORDER: Unit[] = ['w', 'd', 'h', 'min', 's'];
const PAIR = /(\d+(?:\.\d+)?)(min|w|d|h|s)/gy;

export type DurationResult =
    | { ok: true; seconds: number }
    /** `malformed`: not written as a duration at all (a slip the lexer lets through, see the grammar). */
    | { ok: false; message: string; malformed?: true };

/** The same few durations come back thousands of times in a file (checks and model read each): parsed once. */
const parsed = new Map<string, Readonly<DurationResult>>();

export function parseDuration(text: string): Readonly<DurationResult> {
    let result = parsed.get(text);
    if (!result) {
        if (parsed.size >= 1000) parsed.clear();
        result = parse(text);
        parsed.set(text, result);
    }
    return result;
}

function parse(text: string): DurationResult {
    const slip = slipIn(text);
    if (slip) return { ok: false, message: slip, malformed: true };
    let body = text;
    let sign = 1;
    if (body.startsWith('+') || body.startsWith('-')) {
        sign = body.startsWith('-') ? -1 : 1;
        body = body.slice(1);
    }
    PAIR.lastIndex = 0;
    let seconds = 0;
    let lastUnitIndex = -1;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = PAIR.exec(body)) !== null) {
        const unit = match[2] as Unit;
        const unitIndex = UNIT_ORDER.indexOf(unit);
        if (unitIndex === lastUnitIndex) {
            return { ok: false, message: `The unit '${unit}' appears twice in '${text}'; write each unit once, e.g. 1h30min.` };
        }
        if (unitIndex < lastUnitIndex) {
            return { ok: false, message: `Units in '${text}' must go from largest to smallest (w, d, h, min, s), e.g. 1h30min.` };
        }
        lastUnitIndex = unitIndex;
        seconds += Number(match[1]) * UNIT_SECONDS[unit];
        consumed = PAIR.lastIndex;
    }
    if (consumed !== body.length || lastUnitIndex < 0) {
        return { ok: false, message: `'${text}' is not a duration; write e.g. 30s, 5min, 1.5h, 2d or 1h30min.` };
    }
    if (sign < 0 || seconds <= 0) {
        return { ok: false, message: `A duration must be longer than zero, not '${text}'.` };
    }
    return { ok: true, seconds: Math.round(seconds * 1000) / 1000 };
}

/** The slips a person makes typing a duration, with what to write instead. */
function slipIn(text: string): string | undefined {
    if (/\d\s*[-\u2013]\s*\d/.test(text)) {
        return `A duration is one value, not a range like '${text}': write the typical one and put the range in the description.`;
    }
    if (/\d,\d/.test(text)) return `Write a decimal point: ${text.replace(/(\d),(\d)/g, '$1.$2')}, not ${text}.`;
    if (/\s/.test(text)) return `Write the number and its unit together: ${text.replace(/\s+/g, '')}, not '${text}'.`;
    return undefined;
}
