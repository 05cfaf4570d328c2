import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import { firstInvalidUtf8, type Utf8Notes, type Utf8Problem } from '../../src/language/parse/utf8.js';

/** Files kept in memory, for tests and the benchmark: what NodeFileSystem does, without a disk. */
export class MemoryFileSystem implements FileSystemProvider, Utf8Notes {
    private readonly files = new Map<string, string>();
    private readonly notUtf8 = new Map<string, Utf8Problem>();

    /** A file's text, or its bytes, read as the Node file system reads them (U+FFFD for a bad byte, noted). */
    write(path: string, content: string | Uint8Array): URI {
        const uri = URI.file(path);
        const problem = typeof content === 'string' ? undefined : firstInvalidUtf8(content);
        if (problem) this.notUtf8.set(uri.toString(), problem);
        else this.notUtf8.delete(uri.toString());
        this.files.set(uri.toString(), typeof content === 'string' ? content : Buffer.from(content).toString('utf8'));
        return uri;
    }

    utf8ProblemOf(uri: string): Utf8Problem | undefined {
        return this.notUtf8.get(uri);
    }

    delete(path: string): void {
        this.files.delete(URI.file(path).toString());
    }

    private isDirectory(uri: URI): boolean {
        const prefix = uri.toString().replace(/\/?$/, '/');
        return [...this.files.keys()].some(key => key.startsWith(prefix));
    }

    statSync(uri: URI): FileSystemNode {
        if (this.files.has(uri.toString())) return { isFile: true, isDirectory: false, uri };
        if (this.isDirectory(uri)) return { isFile: false, isDirectory: true, uri };
        throw new Error(`ENOENT: ${uri.path}`);
    }
    async stat(uri: URI): Promise<FileSystemNode> { return this.statSync(uri); }
    existsSync(uri: URI): boolean { return this.files.has(uri.toString()) || this.isDirectory(uri); }
    async exists(uri: URI): Promise<boolean> { return this.existsSync(uri); }
    readFileSync(uri: URI): string {
        const text = this.files.get(uri.toString());
        if (text === undefined) throw new Error(`ENOENT: ${uri.path}`);
        return text;
    }
    async readFile(uri: URI): Promise<string> { return this.readFileSync(uri); }
    readBinarySync(uri: URI): Uint8Array { return new TextEncoder().encode(this.readFileSync(uri)); }
    async readBinary(uri: URI): Promise<Uint8Array> { return this.readBinarySync(uri); }
    /** Direct children: the files in the folder and its subfolders (once each). */
    readDirectorySync(uri: URI): FileSystemNode[] {
        const prefix = uri.toString().replace(/\/?$/, '/');
        const children = new Set<string>();
        for (const key of this.files.keys()) {
            if (!key.startsWith(prefix)) continue;
            const rest = key.slice(prefix.length);
            children.add(prefix + rest.split('/')[0]);
        }
        return [...children].sort().map(child => this.statSync(URI.parse(child)));
    }
    async readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.readDirectorySync(uri); }
}
