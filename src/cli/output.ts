import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Writes a command's result to the -o file (creating its folder), or to stdout without one. */
export function writeOutput(output: string | undefined, content: string | Buffer): void {
    if (output) {
        mkdirSync(dirname(resolve(output)), { recursive: true });
        writeFileSync(output, content);
    } else {
        process.stdout.write(content);
    }
}
