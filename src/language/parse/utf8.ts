/** Where a text's first byte that is not UTF-8 is: 1-based line and column (UTF-16 units, as diagnostics count), and the byte. */
export interface Utf8Problem {
    line: number;
    column: number;
    byte: number;
}

/**
 * A file system that notes the files it read whose bytes were not all UTF-8 (they read with
 * U+FFFD in place of each bad byte): the Node one, for the server and the CLI.
 */
export interface Utf8Notes {
    utf8ProblemOf(uri: string): Utf8Problem | undefined;
}

export function hasUtf8Notes(fileSystem: object): fileSystem is Utf8Notes {
    return typeof (fileSystem as Partial<Utf8Notes>).utf8ProblemOf === 'function';
}

/** The byte as the messages name it: 0xE9. */
export function byteName(problem: Utf8Problem): string {
    return `0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** The first invalid UTF-8 sequence in `bytes`, or undefined when all of it is UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): Utf8Problem | undefined {
    const at = invalidOffset(bytes);
    if (at === undefined) return undefined;
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: before.length - lineStart + 1, byte: bytes[at] };
}

/** The offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function invalidOffset(bytes: Uint8Array): number | undefined {
    for (let i = 0; i < bytes.length;) {
        const lead = bytes[i];
        const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length) return i;
        for (let k = 1; k < length; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
        // Overlong forms, surrogates and code points past U+10FFFF.
        const second = bytes[i + 1];
        if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
        i += length;
    }
    return undefined;
}
