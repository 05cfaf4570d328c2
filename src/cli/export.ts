import { resolve } from 'node:path';
import { buildModels } from '../model/build-model.js';
import { toMarkdown } from '../render/markdown.js';
import { toSheet } from '../render/sheet.js';
import { writeSheet } from './sheets.js';
import { toMermaidFlowchart, toMermaidJourney } from '../render/mermaid.js';
import { pickBlueprint } from './pick-blueprint.js';
import { writeOutput } from './output.js';
import { UsageError } from './errors.js';
import { formatText, toCliDiagnostics } from './diagnostics.js';
import { collectFiles, loadWorkspace } from './workspace.js';

export interface ExportOptions {
    format?: string;
    output?: string;
    blueprint?: string;
    diagram?: string;
}

const FORMATS = ['json', 'mermaid', 'markdown', 'csv', 'xlsx'];
const DIAGRAMS = ['flow', 'journey'];

/**
 * `svcbp export <file> --format json|mermaid|markdown|csv|xlsx`: the blueprint model, a Mermaid diagram
 * (`--diagram flow|journey`) or a Markdown page. Errors go to stderr (exit 1); the
 * model is still written when it can be built, with broken elements listed under `omitted`.
 */
export async function runExport(paths: string[], options: ExportOptions): Promise<number> {
    if (paths.length !== 1) throw new UsageError('export takes one file: svcbp export <file> --format json');
    const format = options.format ?? 'json';
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format '${format}' for export: use ${FORMATS.join(', ')}.`);
    const diagram = options.diagram ?? 'flow';
    if (!DIAGRAMS.includes(diagram)) throw new UsageError(`Unknown diagram '${diagram}': use ${DIAGRAMS.join(' or ')} (with --format mermaid).`);
    const [file] = collectFiles(paths);
    if (options.output && resolve(options.output) === file) throw new UsageError('The output would overwrite the source file; choose another -o.');
    const { documents } = await loadWorkspace([file]);
    const document = documents[0];
    const diagnostics = toCliDiagnostics(document);
    const errors = diagnostics.filter(d => d.severity === 'error');
    for (const error of errors) process.stderr.write(`${formatText(error)}\n`);

    const result = buildModels(document);
    const model = pickBlueprint(result.blueprints, result.unbuilt.map(u => u.id), options.blueprint);
    if (!model) return 1;
    if (format === 'csv' || format === 'xlsx') {
        await writeSheet(toSheet(model), format, options.output, model.title);
        // A grid has no place for arrows: say what the sheet leaves out.
        if (model.arrows.length) process.stderr.write(`The sheet has the phases, lanes, steps and touchpoints; the ${model.arrows.length} arrows do not fit a grid and are left out.\n`);
        return errors.length > 0 ? 1 : 0;
    }
    const text = format === 'json' ? `${JSON.stringify(model, null, 2)}\n`
        : format === 'markdown' ? toMarkdown(model)
        : diagram === 'journey' ? toMermaidJourney(model) : toMermaidFlowchart(model);
    writeOutput(options.output, text);
    return errors.length > 0 ? 1 : 0;
}
