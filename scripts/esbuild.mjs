// Bundles the CLI (which also serves the language server), the VS Code extension and its server,
// and the benchmark into out/ as CommonJS, with the Node 20 polyfill in front of everything.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const polyfills = readFileSync(new URL('./polyfills.cjs', import.meta.url), 'utf8');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
// The CLI's chunks are named by their content: clear the old ones.
rmSync('out/cli', { recursive: true, force: true });

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    minify: !watch && !process.env.SVCBP_NO_MINIFY,
    logLevel: 'warning',
    define: { SVCBP_VERSION: JSON.stringify(version) },
    // A native module, and a file the HTML export reads as it is: from node_modules at run time.
    external: ['@resvg/resvg-js', 'svg-pan-zoom'],
    // pdfkit's CommonJS build: its ES build finds its data from import.meta.url, which a CommonJS
    // bundle does not have. svcbp never uses the data (the 14 standard fonts, an ICC profile for
    // PDF/A): every text is set in the bundled Inter.
    alias: { pdfkit: './node_modules/pdfkit/js/pdfkit.js' }
};

// Langium's core imports the whole LSP protocol for its cancellation token, events and one error;
// the CLI's bundle gives it those from their own small files, so `check` does not load the rest.
const langiumCoreProtocol = {
    name: 'langium-core-protocol',
    setup(plugin) {
        plugin.onResolve({ filter: /^vscode-languageserver-protocol$/ }, ({ importer }) =>
            /node_modules[\\/]langium[\\/]lib[\\/](utils|workspace)[\\/]/.test(importer) ? { path: resolve('src/cli/langium-protocol.ts') } : undefined);
    }
};

await Promise.all([
    // The command: a small launcher, and the CLI as ES modules split into chunks, so `--version`
    // loads a few kilobytes and `check` neither the renderer nor the spreadsheet libraries.
    build({ ...common, entryPoints: ['src/cli/launch.cts'], outfile: 'out/cli.cjs', banner: { js: `#!/usr/bin/env node\n${polyfills}` } }),
    build({
        ...common, format: 'esm', splitting: true, entryPoints: { main: 'src/cli/main.ts' }, outdir: 'out/cli',
        outExtension: { '.js': '.mjs' }, chunkNames: 'chunk-[hash]', plugins: [langiumCoreProtocol],
        // CommonJS packages inside call require() and read __filename; code of ours asks for __dirname.
        banner: { js: "import { createRequire as __svcbpRequire } from 'node:module'; import { dirname as __svcbpDirname } from 'node:path'; import { fileURLToPath as __svcbpPath } from 'node:url'; const require = __svcbpRequire(import.meta.url); const __filename = __svcbpPath(import.meta.url); const __dirname = __svcbpDirname(__filename);" }
    }),
    build({ ...common, entryPoints: ['src/extension/main.ts'], outfile: 'out/extension.cjs', external: ['vscode'] }),
    // The extension's PDF export, on its own so activation does not load pdfkit.
    build({ ...common, entryPoints: ['src/render/pdf.ts'], outfile: 'out/pdf.cjs' }),
    build({ ...common, entryPoints: ['src/language/server/server-main.ts'], outfile: 'out/server.cjs', banner: { js: polyfills } }),
    // The preview page: a browser bundle (svg-pan-zoom inside); Mermaid is copied as it is and
    // loaded only when a Journey or Flow view opens.
    build({ ...common, platform: 'browser', format: 'iife', target: 'chrome120', external: [], entryPoints: ['webview/preview.ts'], outfile: 'out/webview/preview.js' }),
    build({ ...common, entryPoints: ['bench/core.ts'], outfile: 'out/bench.cjs', banner: { js: polyfills }, sourcemap: false, external: [...common.external, 'playwright-core'] }),
    build({ ...common, entryPoints: ['bench/drawing.ts'], outfile: 'out/bench-drawing.cjs', banner: { js: polyfills }, sourcemap: false })
]);
mkdirSync('out/webview', { recursive: true });
copyFileSync('webview/preview.css', 'out/webview/preview.css');
// The drawing's text is measured in Inter; the preview sets it in the same font.
mkdirSync('out/webview/fonts', { recursive: true });
for (const font of ['Inter-Regular.ttf', 'Inter-SemiBold.ttf', 'OFL.txt']) copyFileSync(`assets/fonts/${font}`, `out/webview/fonts/${font}`);
copyFileSync('node_modules/mermaid/dist/mermaid.min.js', 'out/webview/mermaid.min.js');
// The HTML export inlines the pan/zoom library (the CLI reads it from node_modules).
copyFileSync('node_modules/svg-pan-zoom/dist/svg-pan-zoom.min.js', 'out/webview/svg-pan-zoom.min.js');
