/** The benchmarks' median: the middle value, the upper of the two for an even count. */
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
