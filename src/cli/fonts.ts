import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PdfFonts, WideFont } from '../render/pdf.js';
import { fontDataUrls, INTER_FILES } from '../render/html.js';

let found: string | undefined;

/**
 * The bundled Inter, in the package's assets/fonts, found upwards from where this code runs: the
 * CLI's chunks in out/cli/, the benchmark's bundle in out/, src/cli/ under vitest.
 */
export function fontsFolder(): string {
    for (let folder = __dirname, up = 0; !found && up < 4; up++, folder = dirname(folder)) {
        const fonts = join(folder, 'assets', 'fonts');
        if (existsSync(join(fonts, INTER_FILES.regular))) found = fonts;
    }
    if (!found) throw new Error(`The bundled Inter is missing: no assets/fonts above ${__dirname}.`);
    return found;
}

/** Inter's bytes, for the PDF. */
export function interFonts(): PdfFonts {
    return { regular: readFileSync(join(fontsFolder(), INTER_FILES.regular)), semibold: readFileSync(join(fontsFolder(), INTER_FILES.semibold)) };
}

/** Inter as data: URLs, for a one-file HTML page. */
export function interDataUrls(): { regular: string; semibold: string } {
    return fontDataUrls(interFonts());
}

/** A font collection's file: a face in it is chosen by its PostScript name. */
const COLLECTION = /\.(ttc|otc)$/i;

/**
 * A font of this machine's for the Japanese, Chinese or Korean text of a drawing, which Inter
 * lacks, found through fontconfig: one that covers the language the text looks like (Hangul:
 * Korean, kana: Japanese, else Chinese), in its regular style where there is one. TrueType,
 * OpenType and collections (a collection's face by its PostScript name). Undefined when there is
 * none, or no fontconfig.
 */
export function systemWideFont(text: string): WideFont | undefined {
    const languages = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/.test(text) ? ['ko', 'ja', 'zh-cn', 'zh-tw']
        : /[\u3040-\u30ff]/.test(text) ? ['ja', 'zh-cn', 'zh-tw', 'ko'] : ['zh-cn', 'zh-tw', 'ja', 'ko'];
    for (const language of languages) {
        for (const pattern of [`:lang=${language}:style=Regular`, `:lang=${language}`]) {
            let listing: string;
            try {
                listing = execFileSync('fc-list', ['-f', '%{file}\t%{postscriptname}\n', pattern], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
            } catch {
                return undefined;
            }
            const faces = listing.split('\n').map(line => line.split('\t')).filter(([file]) => /\.(ttf|otf|ttc|otc)$/i.test(file ?? ''))
                // Single fonts before collections, then by path: the same choice on every run.
                .sort(([a], [b]) => Number(COLLECTION.test(a!)) - Number(COLLECTION.test(b!)) || a!.localeCompare(b!));
            const [file, face] = faces[0] ?? [];
            if (file) return { bytes: readFileSync(file), face: COLLECTION.test(file) ? face : undefined };
        }
    }
    return undefined;
}
