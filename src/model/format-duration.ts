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
