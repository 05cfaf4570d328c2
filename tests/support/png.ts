/** Reads an 8-bit RGBA or RGB PNG (as resvg and pdftoppm write them) into RGBA pixels, so tests can look at what was drawn. */
import { inflateSync } from 'node:zlib';

export interface Pixels { width: number; height: number; data: Uint8Array }

export function decodePng(png: Buffer): Pixels {
    let offset = 8;
    let width = 0;
    let height = 0;
    let channels = 4;
    const chunks: Buffer[] = [];
    while (offset < png.length) {
        const length = png.readUInt32BE(offset);
        const type = png.toString('latin1', offset + 4, offset + 8);
        const body = png.subarray(offset + 8, offset + 8 + length);
        if (type === 'IHDR') {
            width = body.readUInt32BE(0);
            height = body.readUInt32BE(4);
            if (body[8] !== 8 || (body[9] !== 6 && body[9] !== 2)) throw new Error('only 8-bit RGBA or RGB PNGs');
            channels = body[9] === 6 ? 4 : 3;
        }
        if (type === 'IDAT') chunks.push(body);
        offset += 12 + length;
    }
    const raw = inflateSync(Buffer.concat(chunks));
    const stride = width * channels;
    const rows = new Uint8Array(width * height * channels);
    for (let y = 0; y < height; y++) {
        const filter = raw[y * (stride + 1)];
        const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
        for (let x = 0; x < stride; x++) {
            const left = x >= channels ? rows[y * stride + x - channels] : 0;
            const up = y > 0 ? rows[(y - 1) * stride + x] : 0;
            const corner = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
            let value = line[x];
            if (filter === 1) value += left;
            else if (filter === 2) value += up;
            else if (filter === 3) value += (left + up) >> 1;
            else if (filter === 4) {
                const p = left + up - corner;
                const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
                value += pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
            }
            rows[y * stride + x] = value & 0xff;
        }
    }
    if (channels === 4) return { width, height, data: rows };
    const data = new Uint8Array(width * height * 4);
    for (let i = 0; i < width * height; i++) data.set([rows[i * 3], rows[i * 3 + 1], rows[i * 3 + 2], 255], i * 4);
    return { width, height, data };
}

/** Whether the pixel is dark (an arrow's ink on a light background). */
export function isDark(pixels: Pixels, x: number, y: number): boolean {
    const i = (Math.round(y) * pixels.width + Math.round(x)) * 4;
    return pixels.data[i] + pixels.data[i + 1] + pixels.data[i + 2] < 3 * 110 && pixels.data[i + 3] > 128;
}
