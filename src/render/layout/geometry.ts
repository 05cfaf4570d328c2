/**
 * Pixels of the grid: where each column, row and gutter starts, from their sizes. Routing uses
 * one with the gutters at their base size; placing uses the final one, gutters widened for the
 * arrows they carry. Channel coordinates follow the doubled numbering of route-types.ts.
 */
import { M } from './metrics.js';
import { keepShape } from './keep-shape.js';

export interface GridSizes {
    columnWidths: number[];
    /** One more than the columns: left of each column, and right of the last. */
    columnGutters: number[];
    rowHeights: number[];
    rowGutters: number[];
}

export class Geometry {
    readonly columnX: number[] = [];
    readonly gutterX: number[] = [];
    readonly rowY: number[] = [];
    readonly gutterY: number[] = [];
    readonly right: number;
    readonly bottom: number;

    /**
     * `touchpointCentre`: where the line of interaction crosses the touchpoint row, below its top
     * (the largest circle's radius and a little).
     */
    constructor(readonly sizes: GridSizes, readonly left: number, readonly top: number, private readonly touchpointRow: number, private readonly centre = M.touchpointRadius + 3) {
        let x = left;
        sizes.columnGutters.forEach((gutter, g) => {
            this.gutterX.push(x);
            x += gutter;
            if (g < sizes.columnWidths.length) {
                this.columnX.push(x);
                x += sizes.columnWidths[g];
            }
        });
        this.right = x;
        let y = top;
        sizes.rowGutters.forEach((gutter, h) => {
            this.gutterY.push(y);
            y += gutter;
            if (h < sizes.rowHeights.length) {
                this.rowY.push(y);
                y += sizes.rowHeights[h];
            }
        });
        this.bottom = y;
        keepShape(this);
    }

    /** x of a vertical channel: a column gutter's middle (even) or a column's centre (odd). */
    channelX(v: number): number {
        const i = v >> 1;
        return v % 2 === 0 ? this.gutterX[i] + this.sizes.columnGutters[i] / 2 : this.columnX[i] + this.sizes.columnWidths[i] / 2;
    }

    /** y of a horizontal channel: a row gutter's middle (even) or the run through a row (odd). */
    channelY(h: number): number {
        const i = h >> 1;
        if (h % 2 === 0) return this.gutterY[i] + this.sizes.rowGutters[i] / 2;
        return this.rowY[i] + (i === this.touchpointRow ? this.touchpointCentre() : M.rowChannel);
    }

    /** Where the line of interaction crosses the touchpoint row, below the row's top. */
    touchpointCentre(): number {
        return this.centre;
    }

    /** Right edge of a column. */
    columnRight(c: number): number {
        return this.columnX[c] + this.sizes.columnWidths[c];
    }

    /** Middle of the gutter above row h (h = rows: below the last). */
    gutterMiddle(h: number): number {
        return this.gutterY[h] + this.sizes.rowGutters[h] / 2;
    }
}
