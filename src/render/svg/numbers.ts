/** Numbers with at most one decimal, so the output is stable and small. */
export function n(value: number): string {
    return String(Math.round(value * 10) / 10);
}
