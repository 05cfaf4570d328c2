/**
 * Keeps the last instance of each of the layout's classes alive. V8 holds the hidden class an
 * object reaches by its fields (and the optimised code built for it) only as long as some object
 * has it; without one left over, every layout after a full garbage collection starts again from
 * unoptimised code (measured: layout + SVG of 1,000 steps 4× slower after a collection). The cost
 * is the memory of the last layout's search structures.
 */
const kept = new Map<unknown, object>();

export function keepShape(instance: object): void {
    kept.set(instance.constructor, instance);
}
