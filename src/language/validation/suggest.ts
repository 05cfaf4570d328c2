/** "Did you mean …?": the closest name by edit distance (adjacent swaps count as one edit). */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    // One edit per three characters; a one- or two-letter name only gets case fixes (`S` → `s`).
    const limit = name.length < 3 ? 0 : Math.max(1, Math.floor(name.length / 3));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (const candidate of candidates) {
        if (candidate === name || Math.abs(candidate.length - name.length) > limit) continue;
        const distance = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, candidate, bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/** Optimal string alignment distance; gives up (returns `cap`) once every path exceeds it. */
export function editDistance(a: string, b: string, cap = Infinity): number {
    let previousPrevious: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, previousPrevious[j - 2] + 1);
            }
            current[j] = value;
            rowMin = Math.min(rowMin, value);
        }
        if (rowMin >= cap) return cap;
        previousPrevious = previous;
        previous = current;
    }
    return previous[b.length];
}
