import type { parseArgs } from 'node:util';
import { DIAGNOSTIC_CODES } from '../language/validation/diagnostic-codes.js';
import { DRAWING_PARTS } from '../render/drawing-parts.js';
import { UsageError } from './errors.js';
import { PAPER } from '../render/paper.js';

export type OptionSpecs = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

/**
 * A subcommand: its help and how it runs. main.ts answers `-h`/`--help` for every command of
 * this table before anything runs, so a new command gets its help, and touches nothing when
 * asked for it, by being listed here. Each command loads what it needs only when it runs
 * (`import()`), so `--version` and `--help` start without the language services or the renderer.
 */
export interface Command {
    /** The synopsis, as `svcbp --help` lists it. */
    usage: string;
    /** What it does, in a line or three. */
    summary: string;
    /** The rest of its own help: its options, exit codes. */
    details: string;
    /** Its options for `parseArgs`; undefined when the arguments are not ours (lsp). */
    options?: OptionSpecs;
    run(positionals: string[], values: Record<string, unknown>, args: string[]): Promise<number>;
}

export const SETTINGS_HELP = `Severities: error, warning, info, hint, off (only non-error checks can be changed).
Checks: ${Object.keys(DIAGNOSTIC_CODES).join(', ')}.
A svcbp.json next to the files (or in a folder above) can set them too: { "checks": { "touchpoint-unused": "off" } }.`;

export const COMMANDS: Record<string, Command> = {
    check: {
        usage: 'svcbp check [paths…] [--format text|json|github|sarif] [--checks code=severity,…] [--hints]',
        summary: `Check .svcbp files (folders are searched recursively). Exit 1 when there is an error.
Hints (faded text in the editor) are shown with --hints. github: workflow-command annotations
for GitHub Actions; sarif: a SARIF 2.1.0 log for code scanning.`,
        details: `Options:
  --format text|json|github|sarif  one line per problem and a summary (text, the default), a JSON array,
                                   GitHub Actions annotations, or a SARIF 2.1.0 log
  --checks code=severity,…         the severity of checks for this run; wins over svcbp.json
  --hints                          also report hints, such as unused-declaration

Without a path, the current folder is checked. Exit codes: 0 no error (warnings are fine),
1 at least one error, 2 a usage or I/O problem.

${SETTINGS_HELP}`,
        options: { format: { type: 'string' }, checks: { type: 'string' }, hints: { type: 'boolean' } },
        run: async (positionals, values) => (await import('./check.js')).runCheck(positionals, values as { format?: string; checks?: string; hints?: boolean })
    },
    export: {
        usage: 'svcbp export <file> [--format json|mermaid|markdown|csv|xlsx] [--diagram flow|journey] [-o out] [--blueprint id]',
        summary: 'Print or write the blueprint model (JSON), a Mermaid flowchart or journey, a Markdown page, or a spreadsheet.',
        details: `Options:
  --format json|mermaid|markdown|csv|xlsx  what to write (default json: the blueprint model); csv and xlsx
                                  write the sheet shape svcbp import reads (arrows do not fit a grid)
  --diagram flow|journey          with --format mermaid: the flowchart (default) or the journey
  -o, --output <file>             write to this file (its folder is made) instead of stdout
  --blueprint <id>                the blueprint to export when the file has several (default: the first)

The model is written even when some references are broken (they are listed under "omitted"),
and the exit code is then 1. The source file is never overwritten.`,
        options: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, blueprint: { type: 'string' }, diagram: { type: 'string' } },
        run: async (positionals, values) => (await import('./export.js')).runExport(positionals, values as { format?: string; output?: string; blueprint?: string; diagram?: string })
    },
    render: {
        usage: `svcbp render <file> [-o out.svg|out.png|out.html|out.pdf] [--theme light|dark|high-contrast] [--blueprint id]
               [--hide part,…] [--page fit|paper] [--orientation portrait|landscape]
  svcbp render --compare <before> <after> [-o out.svg|out.png|out.html|out.pdf] [--blueprint before,after]`,
        summary: `Draw the blueprint: SVG (stdout without -o), PNG, a self-contained HTML page with pan and zoom, or PDF.
--hide leaves parts out: ${DRAWING_PARTS.join(', ')}.
--compare draws the after blueprint with what changed marked: added, changed, and removed ones ghosted.`,
        details: `Options:
  -o, --output <file>               out.svg, out.png, out.html or out.pdf (without it: SVG on stdout)
  --theme light|dark|high-contrast  the colours (default light)
  --blueprint <id>                  the blueprint to draw when the file has several (default: the first);
                                    with --compare, before,after when their ids differ
  --hide part,…                     parts to leave out: ${DRAWING_PARTS.join(', ')}
  --compare                         two files: draw the second marked with what changed from the first
  --page fit|paper                  PDF: one page the size of the drawing (fit, the default), or the
                                    drawing at its size tiled over pages of ${Object.keys(PAPER).join(', ')}
  --orientation portrait|landscape  PDF: the paper's orientation (default: the one with fewer pages)`,
        options: {
            output: { type: 'string', short: 'o' }, theme: { type: 'string' }, blueprint: { type: 'string' }, hide: { type: 'string' }, compare: { type: 'boolean' },
            page: { type: 'string' }, orientation: { type: 'string' }
        },
        run: async (positionals, values) => (await import('./render.js')).runRender(positionals, values as { output?: string; theme?: string; blueprint?: string; hide?: string; compare?: boolean; page?: string; orientation?: string })
    },
    diff: {
        usage: `svcbp diff <before> <after> | <file> --against <revision> [--format text|json|markdown] [-o out]
             [--blueprint id | before,after]`,
        summary: 'What changes, in words. Exit 0 without changes, 1 with changes, 2 for usage or I/O problems.',
        details: `Options:
  --against <revision>          compare the file with its version at a git revision (e.g. HEAD, main)
  --format text|json|markdown   in words (default), as JSON, or as a Markdown page
  -o, --output <file>           write to this file instead of stdout
  --blueprint <id>              the blueprint on both sides, or before,after when their ids differ`,
        options: { format: { type: 'string' }, output: { type: 'string', short: 'o' }, blueprint: { type: 'string' }, against: { type: 'string' } },
        run: async (positionals, values) => (await import('./diff.js')).runDiff(positionals, values as { format?: string; output?: string; blueprint?: string; against?: string })
    },
    site: {
        usage: 'svcbp site [folder] -o <out>',
        summary: 'Build a static site of every blueprint in a folder: an index with search, a page per blueprint, actors and systems.',
        details: `The site works from file:// and from any static host, with nothing fetched from outside: an
index of every blueprint (title, persona, status, a thumbnail, its figures; search by title, step,
actor, system and channel), a page per blueprint with the zoomable drawing, its fail points,
pains, opportunities and metrics, and its links (link steps, blueprints of the same file, as-is
and to-be pairs), and a page of actors and systems with the blueprints and steps they take part in.
A rebuild redraws only the pages of files that changed (a manifest in the output folder says).

Options:
  -o, --output <folder>   where to write the site (made if missing)`,
        options: { output: { type: 'string', short: 'o' } },
        run: async (positionals, values) => (await import('./site.js')).runSite(positionals, values as { output?: string })
    },
    import: {
        usage: 'svcbp import <sheet.csv|sheet.xlsx> [-o file.svcbp] [--name title]',
        summary: 'Turn a spreadsheet blueprint (phases as columns, lanes as rows, one cell per step) into a .svcbp file.',
        details: `The first row names the phases; each further row is a lane, named in the first cell ("Customer
actions", "Frontstage", "Backstage", "Support processes", "Physical evidence", or any name with
the kind in brackets: "Kitchen (backstage)"), with a step a line in each cell. A "Touchpoints" row
becomes touchpoints, "Duration" and "Emotion" rows phase properties; a cell merged over phases is a
step over them. CSV with , ; or tab separators and a BOM, or the first worksheet of an .xlsx.

Options:
  -o, --output <file>   write the .svcbp here (default: stdout)
  --name <title>        the blueprint's title (default: from the sheet's file name)

Exit codes: 0 every row placed, 1 a row could not be placed (named on stderr), 2 usage or I/O.`,
        options: { output: { type: 'string', short: 'o' }, name: { type: 'string' } },
        run: async (positionals, values) => (await import('./sheets.js')).runImport(positionals, values as { output?: string; name?: string })
    },
    format: {
        usage: 'svcbp format [paths…] [--check]',
        summary: 'Format files in the canonical layout; --check lists the files that would change (exit 1).',
        details: `Only the white space between tokens changes: strings, comments and what they mean stay as
they are. Without a path, the current folder is formatted. Files with syntax errors, or with
bytes that are not UTF-8, are left alone and named (the exit code is then 1).

Options:
  --check   write nothing; list the files that would change and exit 1 when there are any`,
        options: { check: { type: 'boolean' } },
        run: async (positionals, values) => (await import('./format.js')).runFormat(positionals, values as { check?: boolean })
    },
    lsp: {
        usage: 'svcbp lsp --stdio',
        summary: 'Start the language server on stdin/stdout, for any LSP editor.',
        details: `Transports: --stdio, --node-ipc, --socket=<port>, --pipe=<name>. The server runs until the
editor ends it: diagnostics, completion, hover, definitions, references, rename, formatting,
quick fixes.`,
        run: async (_positionals, _values, args) => {
            // vscode-languageserver reads the transport (--stdio, --node-ipc, --socket=N) from argv.
            if (!args.some(arg => arg === '--stdio' || arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))) {
                throw new UsageError('lsp needs a transport: svcbp lsp --stdio');
            }
            (await import('../language/server/main.js')).startServer();
            return new Promise<number>(() => { /* runs until the client exits it */ });
        }
    }
};
