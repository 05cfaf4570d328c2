/**
 * The `svcbp` command (out/cli.cjs). It only starts the CLI: V8's compile cache first, where Node
 * has it (module.enableCompileCache, Node 22.8+), so later runs skip compiling what the command loads; then the CLI itself, an
 * ES module split by esbuild so each command loads only its own code (out/cli/).
 */
import { join } from 'node:path';
import * as nodeModule from 'node:module';

type CacheApi = { enableCompileCache?: (directory?: string) => unknown };
// Kept in the package (out/.compile-cache), not in the temp folder or the user's home; a user's
// NODE_COMPILE_CACHE wins. An unwritable folder only means no cache.
(nodeModule as CacheApi).enableCompileCache?.(process.env.NODE_COMPILE_CACHE ? undefined : join(__dirname, '.compile-cache'));

// A path held in a variable: esbuild leaves it as an import of the file beside the bundle.
const cli = './cli/main.mjs';
import(cli);
