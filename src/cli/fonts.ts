import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PdfFonts } from '../render/pdf.js';

export const INTER_FILES = { regular: 'Inter-Regular.ttf', semibold: 'Inter-SemiBold.ttf' } as const;

/**
 * The bundled Inter, in the package's assets/fonts, found upwards from where this code runs: the
 * CLI's chunks in out/cli/, the benchmark's bundle in out/, src/cli/ under vitest.
 */
export function fontsFolder(): string {
    for (let folder = __dirname, up = 0; up < 4; up++, folder = dirname(folder)) {
        const fonts = join(folder, 'assets', 'fonts');
        if (existsSync(join(fonts, INTER_FILES.regular))) return fonts;
    }
    throw new Error(`The bundled Inter is missing: no assets/fonts above ${__dirname}.`);
}

/** Inter's bytes, for the PDF. */
export function interFonts(): PdfFonts {
    return { regular: readFileSync(join(fontsFolder(), INTER_FILES.regular)), semibold: readFileSync(join(fontsFolder(), INTER_FILES.semibold)) };
}

/** Inter as data: URLs, for a one-file HTML page. */
export function interDataUrls(): { regular: string; semibold: string } {
    const { regular, semibold } = interFonts();
    const url = (bytes: Uint8Array) => `data:font/ttf;base64,${Buffer.from(bytes).toString('base64')}`;
    return { regular: url(regular), semibold: url(semibold) };
}

/**
 * A font of this machine's for Japanese, Chinese or Korean, which Inter lacks, found through
 * fontconfig (`fc-list :lang=ja`); undefined when there is none, or no fontconfig.
 */
export function systemWideFont(): Uint8Array | undefined {
    for (const lang of ['ja', 'zh-cn', 'zh-tw', 'ko']) {
        let listing: string;
        try {
            listing = execFileSync('fc-list', [`:lang=${lang}`, 'file'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
        } catch {
            return undefined;
        }
        // TrueType and OpenType files (pdfkit embeds those; a collection would need a face's name).
        const file = listing.split('\n').map(line => line.replace(/:\s*$/, '').trim()).filter(path => /\.(ttf|otf)$/i.test(path)).sort()[0];
        if (file) return readFileSync(file);
    }
    return undefined;
}
