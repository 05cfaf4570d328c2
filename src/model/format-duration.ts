/** Durations as a designer reads them, for every consumer of the model (the language parses them). */

const UNITS: Array<[unit: string, seconds: number]> = [['w', 604800], ['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];

/** Seconds back to the shortest readable text, e.g. 5400 → `1h30min`. */
export function formatDuration(seconds: number): string {
    let rest = Math.round(seconds);
    const parts: string[] = [];
    for (const [unit, size] of UNITS) {
        if (rest >= size) {
            parts.push(`${Math.floor(rest / size)}${unit}`);
            rest %= size;
        }
    }
    return parts.length > 0 ? parts.join('') : '0s';
}

/** A duration's text as the model holds it (`1h30min`, `1.5h`) back to seconds; undefined if it is not one. */
export function secondsOf(text: string): number | undefined {
    let seconds = 0;
    const rest = text.replace(/(\d+(?:\.\d+)?)(min|w|d|h|s)/g, (_, value: string, unit: string) => {
        seconds += Number(value) * UNITS.find(([name]) => name === unit)![1];
        return '';
    });
    return rest === '' && text !== '' ? seconds : undefined;
}
