/** Reads an 8-bit RGBA PNG (as resvg writes them) into pixels, so tests can look at what was drawn. */
import { inflateSync } from 'node:zlib';

export interface Pixels { width: number; height: number; data: Uint8Array }

export function decodePng(png: Buffer): Pixels {
    let offset = 8;
    let width = 0;
    let height = 0;
    const chunks: Buffer[] = [];
    while (offset < png.length) {
        const length = png.readUInt32BE(offset);
        const type = png.toString('latin1', offset + 4, offset + 8);
        const body = png.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') {
            width = body.readUInt32BE(0);
            height = body.readUInt32BE(4);
            if (body[8] !== 8 || body[9] !== 6) throw new Error('only 8-bit RGBA PNGs');
        }
        if (type === 'IDAT') chunks.push(body);
        offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(chunks));
    const stride = width * 4;
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let x = 0; x < stride; x++) {
            const left = x >= 4 ? data[y * stride + x - 4] : 0;
            const up = y > 0 ? data[(y - 1) * stride + x] : 0;
            const corner = x >= 4 && y > 0 ? data[(y - 1) * stride + x - 4] : 0;
            let value = line[x];
            if (filter === 1) value += left;
            else if (filter === 2) value += up;
            else if (filter === 3) value += (left + up) >> 1;
            else if (filter === 4) {
                const p = left + up - corner;
                const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
                value += pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
            }
            data[y * stride + x] = value & 0xff;
        }
    }
    return { width, height, data };
}

/** Whether the pixel is dark (an arrow's ink on a light background). */
export function isDark(pixels: Pixels, x: number, y: number): boolean {
    const i = (Math.round(y) * pixels.width + Math.round(x)) * 4;
    return pixels.data[i] + pixels.data[i + 1] + pixels.data[i + 2] < 3 * 110 && pixels.data[i + 3] > 128;
}
