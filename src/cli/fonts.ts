import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfFonts } from '../render/pdf.js';

/** The bundled Inter: assets/ two folders above the CLI's modules in out/cli/ (and above src/cli/). */
export function fontsFolder(): string {
    return join(__dirname, '..', '..', 'assets', 'fonts');
}

export const INTER_FILES = { regular: 'Inter-Regular.ttf', semibold: 'Inter-SemiBold.ttf' } as const;

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
