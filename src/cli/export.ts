import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { buildModels } from '../model/build-model.js';
import type { BlueprintModel } from '../model/types.js';
import { UsageError } from './errors.js';
import { formatText, toCliDiagnostics } from './diagnostics.js';
import { collectFiles, loadWorkspace } from './workspace.js';

export interface ExportOptions {
    format?: string;
    output?: string;
    blueprint?: string;
}

const FORMATS = ['json'];

/**
 * `svcbp export <file> --format json`: the blueprint model. Errors go to stderr (exit 1); the
 * model is still written when it can be built, with broken elements listed under `omitted`.
 */
export async function runExport(paths: string[], options: ExportOptions): Promise<number> {
    if (paths.length !== 1) throw new UsageError('export takes one file: svcbp export <file> --format json');
    const format = options.format ?? 'json';
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format '${format}' for export: use ${FORMATS.join(', ')}.`);
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
    const text = `${JSON.stringify(model, null, 2)}\n`;
    if (options.output) {
        mkdirSync(dirname(resolve(options.output)), { recursive: true });
        writeFileSync(options.output, text);
    } else {
        process.stdout.write(text);
    }
    return errors.length > 0 ? 1 : 0;
}

function pickBlueprint(models: BlueprintModel[], unbuilt: string[], wanted?: string): BlueprintModel | undefined {
    const all = [...models.map(m => m.id), ...unbuilt];
    if (wanted !== undefined) {
        const model = models.find(m => m.id === wanted);
        if (model) return model;
        if (unbuilt.includes(wanted)) {
            process.stderr.write(`The blueprint '${wanted}' has syntax errors; fix them to export it.\n`);
            return undefined;
        }
        throw new UsageError(`No blueprint '${wanted}' in the file. Blueprints: ${all.join(', ') || 'none'}.`);
    }
    if (models.length === 0) {
        process.stderr.write(all.length === 0 ? 'The file declares no blueprint.\n' : 'No blueprint of the file can be built; fix the syntax errors above.\n');
        return undefined;
    }
    if (all.length > 1) process.stderr.write(`The file has ${all.length} blueprints (${all.join(', ')}); exported '${models[0].id}'. Choose one with --blueprint.\n`);
    return models[0];
}
