import { parseArgs } from 'node:util';
import { DIAGNOSTIC_CODES } from '../language/diagnostic-codes.js';
import { startServer } from '../language/main.js';
import { runCheck } from './check.js';
import { UsageError } from './errors.js';
import { runExport } from './export.js';
import { runRender } from './render.js';
import { runDiff } from './diff.js';
import { quietWhenThePipeCloses } from './pipes.js';
import { DRAWING_PARTS } from '../render/drawing-parts.js';
import { runFormat } from './format.js';

declare const SVCBP_VERSION: string;

const HELP = `svcbp — service blueprints as code

Usage:
  svcbp check [paths…] [--format text|json|github|sarif] [--checks code=severity,…] [--hints]
      Check .svcbp files (folders are searched recursively). Exit 1 when there is an error.
      Hints (faded text in the editor) are shown with --hints. github: workflow-command annotations
      for GitHub Actions; sarif: a SARIF 2.1.0 log for code scanning.
  svcbp export <file> [--format json|mermaid|markdown] [--diagram flow|journey] [-o out] [--blueprint id]
      Print or write the blueprint model (JSON), a Mermaid flowchart or journey, or a Markdown page.
  svcbp render <file> [-o out.svg|out.png|out.html] [--theme light|dark|high-contrast] [--blueprint id]
               [--hide part,…]
      Draw the blueprint: SVG (stdout without -o), PNG, or a self-contained HTML page with pan and zoom.
      --hide leaves parts out: ${DRAWING_PARTS.join(', ')}.
  svcbp render --compare <before> <after> [-o out.svg|out.png|out.html] [--blueprint before,after]
      Draw the after blueprint with what changed marked: added, changed, and removed ones ghosted.
  svcbp diff <before> <after> | <file> --against <revision> [--format text|json|markdown] [-o out]
             [--blueprint id | before,after]
      What changes, in words. Exit 0 without changes, 1 with changes, 2 for usage or I/O problems.
  svcbp format [paths…] [--check]
      Format files in the canonical layout; --check lists the files that would change (exit 1).
  svcbp lsp --stdio
      Start the language server on stdin/stdout, for any LSP editor.

Options:
  -h, --help       this text
  -v, --version    the version

Severities: error, warning, info, hint, off (only non-error checks can be changed).
Checks: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}.
A svcbp.json next to the files (or in a folder above) can set them too: { "checks": { "touchpoint-unused": "off" } }.
`;

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
        process.stdout.write(`${typeof SVCBP_VERSION === 'string' ? SVCBP_VERSION : 'dev'}\n`);
        return 0;
    }
    switch (command) {
        case 'check': {
            const { values, positionals } = parse(rest, { format: { type: 'string' }, checks: { type: 'string' }, hints: { type: 'boolean' } });
            return runCheck(positionals, values as { format?: string; checks?: string; hints?: boolean });
        }
        case 'export': {
            const { values, positionals } = parse(rest, {
                format: { type: 'string' }, output: { type: 'string', short: 'o' }, blueprint: { type: 'string' }, diagram: { type: 'string' }
            });
            return runExport(positionals, values as { format?: string; output?: string; blueprint?: string; diagram?: string });
        }
        case 'render': {
            const { values, positionals } = parse(rest, {
                output: { type: 'string', short: 'o' }, theme: { type: 'string' }, blueprint: { type: 'string' }, hide: { type: 'string' }, compare: { type: 'boolean' }
            });
            return runRender(positionals, values as { output?: string; theme?: string; blueprint?: string; hide?: string; compare?: boolean });
        }
        case 'diff': {
            const { values, positionals } = parse(rest, {
                format: { type: 'string' }, output: { type: 'string', short: 'o' }, blueprint: { type: 'string' }, against: { type: 'string' }
            });
            return runDiff(positionals, values as { format?: string; output?: string; blueprint?: string; against?: string });
        }
        case 'format': {
            const { values, positionals } = parse(rest, { check: { type: 'boolean' } });
            return runFormat(positionals, values as { check?: boolean });
        }
        case 'lsp':
            // vscode-languageserver reads the transport (--stdio, --node-ipc, --socket=N) from argv.
            if (!rest.some(arg => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
                throw new UsageError('lsp needs a transport: svcbp lsp --stdio');
            }
            startServer();
            return new Promise<number>(() => { /* runs until the client exits it */ });
        default:
            throw new UsageError(`Unknown command '${command}'. Run svcbp --help.`);
    }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse(args: string[], options: Options) {
    try {
        return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    } catch (error) {
        throw new UsageError((error as Error).message);
    }
}

quietWhenThePipeCloses();
main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    error => {
        if (error instanceof UsageError) {
            process.stderr.write(`svcbp: ${error.message}\n`);
        } else {
            process.stderr.write(`svcbp: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
        }
        process.exitCode = 2;
    }
);
