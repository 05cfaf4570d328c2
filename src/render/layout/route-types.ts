/** The routing stage's terms, shared by its modules. */

/** An arrow to route: its model id and its two ends (step or touchpoint ids). */
export interface GridArrow {
    id: string;
    from: string;
    to: string;
}

export type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * A straight run of a route along one channel of the grid. Channels are numbered on a doubled
 * grid: on the horizontal axis even numbers are column gutters and odd ones column centres; on the
 * vertical axis even numbers are row gutters and odd ones the runs through a row. `from`/`to`
 * are positions along the channel on the other axis, in the same numbering.
 */
export interface Run {
    horizontal: boolean;
    channel: number;
    from: number;
    to: number;
    /**
     * Which way the route turns at each end, across the channel: -1 before it, +1 after it, 0 it
     * ends there. A run's end at a node lies half a step inside the node's side (x.5).
     */
    turnFrom: -1 | 0 | 1;
    turnTo: -1 | 0 | 1;
    /** Set by the nudging stage: this run's track among `tracks` side by side, near side first. */
    track: number;
    tracks: number;
    /** The touchpoint the run ends at, if any: the runs beside it squeeze to stay on its circle. */
    touchpoint?: string;
    /** Set by the nudging stage: the radius of the smallest such circle among the runs beside it, or 0. */
    squeeze: number;
}

export interface AbstractRoute {
    id: string;
    from: string;
    to: string;
    startSide: Side;
    endSide: Side;
    /** Runs from the source to the target. */
    runs: Run[];
}
