import type { BlueprintModel } from '../model/types.js';
import { UsageError } from './errors.js';

/**
 * The blueprint a command works on: the one named by --blueprint, else the file's first (saying
 * so when there are more). Undefined, with a message on stderr, when it cannot be built.
 */
export function pickBlueprint(models: BlueprintModel[], unbuilt: string[], wanted?: string): BlueprintModel | undefined {
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
