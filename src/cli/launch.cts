/**
 * The `svcbp` command (out/cli.cjs). It answers `--version` itself; otherwise it turns on V8's
 * compile cache where Node has it (module.enableCompileCache, Node 22.8+), so later runs skip
 * compiling what the command loads, and starts the CLI: ES modules split by esbuild so each
 * command loads only its own code (out/cli/).
 */
import { join } from 'node:path';
import * as nodeModule from 'node:module';

declare const SVCBP_VERSION: string;
type CacheApi = { enableCompileCache?: (directory?: string) => unknown };

if (process.argv.length === 3 && (process.argv[2] === '--version' || process.argv[2] === '-v')) {
    // Tools probe for the version: answered before any module of the CLI is loaded.
    process.stdout.write(`${SVCBP_VERSION}\n`);
} else {
    // Kept in the package (out/.compile-cache), not in the temp folder or the user's home; a
    // user's NODE_COMPILE_CACHE wins. An unwritable folder only means no cache.
    (nodeModule as CacheApi).enableCompileCache?.(process.env.NODE_COMPILE_CACHE ? undefined : join(__dirname, '.compile-cache'));
    // A path held in a variable: esbuild leaves it as an import of the file beside the bundle.
    const cli = './cli/main.mjs';
    void import(cli);
}
