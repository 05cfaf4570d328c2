/**
 * Nudging: runs that share a stretch of a channel are drawn side by side, a track apart, in an
 * order that keeps them from crossing where they leave the channel (as libavoid's nudging does):
 * a run whose route continues on the near side at both ends goes nearest that side, the wider
 * of two such runs outside the narrower, and a run that enters from one side and leaves on the
 * other is ordered by where it does. Returns how many tracks each channel needs.
 */
import type { AbstractRoute, Run } from './route-types.js';

export interface Nudged {
    /** Most runs side by side, per vertical channel and per horizontal channel (doubled numbering). */
    verticalTracks: Map<number, number>;
    horizontalTracks: Map<number, number>;
    /** The runs drawn side by side, group by group. */
    groups: Run[][];
}

interface Entry { run: Run; low: number; high: number; turnLow: number; turnHigh: number; order: number }

/** Gives each run its track among the runs beside it, and counts the tracks each channel needs. */
export function nudge(routes: AbstractRoute[]): Nudged {
    const channels = new Map<string, Entry[]>();
    let order = 0;
    for (const route of routes) {
        for (const run of route.runs) {
            const forward = run.from <= run.to;
            const entry: Entry = {
                run,
                low: Math.min(run.from, run.to),
                high: Math.max(run.from, run.to),
                turnLow: forward ? run.turnFrom : run.turnTo,
                turnHigh: forward ? run.turnTo : run.turnFrom,
                order: order++
            };
            const key = `${run.horizontal ? 'h' : 'v'}${run.channel}`;
            const list = channels.get(key);
            if (list) list.push(entry);
            else channels.set(key, [entry]);
        }
    }
    const verticalTracks = new Map<number, number>();
    const horizontalTracks = new Map<number, number>();
    const groups: Run[][] = [];
    for (const entries of channels.values()) {
        const { horizontal, channel } = entries[0].run;
        const tracks = horizontal ? horizontalTracks : verticalTracks;
        entries.sort((a, b) => a.low - b.low || a.high - b.high || a.order - b.order);
        let group: Entry[] = [];
        let reach = -Infinity;
        const flush = () => {
            if (group.length === 0) return;
            group.sort(compareAcross);
            group.forEach((entry, i) => {
                entry.run.track = i;
                entry.run.tracks = group.length;
            });
            groups.push(group.map(entry => entry.run));
            tracks.set(channel, Math.max(tracks.get(channel) ?? 0, group.length));
            group = [];
        };
        for (const entry of entries) {
            // Runs that touch at a junction are drawn apart too, so inclusive.
            if (entry.low > reach) flush();
            group.push(entry);
            reach = Math.max(reach, entry.high);
        }
        flush();
    }
    return { verticalTracks, horizontalTracks, groups };
}

/** Order across the channel, from its near side (top or left) to its far side. */
function compareAcross(a: Entry, b: Entry): number {
    const sideA = a.turnLow + a.turnHigh;
    const sideB = b.turnLow + b.turnHigh;
    if (sideA !== sideB) return sideA - sideB;
    if (a.turnLow === -1 && a.turnHigh === -1) return (a.high - a.low) - (b.high - b.low) || a.order - b.order; // both near: narrower nearer
    if (a.turnLow === 1 && a.turnHigh === 1) return (b.high - b.low) - (a.high - a.low) || a.order - b.order; // both far: wider nearer
    if (a.turnLow === -1 && a.turnHigh === 1 && b.turnLow === -1 && b.turnHigh === 1) return b.low - a.low || b.high - a.high || a.order - b.order;
    if (a.turnLow === 1 && a.turnHigh === -1 && b.turnLow === 1 && b.turnHigh === -1) return a.low - b.low || a.high - b.high || a.order - b.order;
    // Mixed ends (one run ends at a port): by where they enter, the near-side turn first.
    return a.turnLow - b.turnLow || a.low - b.low || a.order - b.order;
}
