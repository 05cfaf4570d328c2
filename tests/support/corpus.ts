/**
 * The drawing corpus: the normative examples and the realistic blueprints of
 * tests/fixtures/realistic/ (40–150 steps, every style, several scripts), loaded from disk the way
 * the CLI loads them. Tests and `npm run bench:drawing` measure the drawing on all of it.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadWorkspace } from '../../src/cli/workspace.js';
import { buildModels } from '../../src/model/build-model.js';
import type { BlueprintModel } from '../../src/model/types.js';

/** The project's folder: the nearest one with a package.json from where the tests or the bench run. */
function projectFolder(): string {
    let folder = process.cwd();
    while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
    return folder;
}

export const PROJECT = projectFolder();
export const REALISTIC = join(PROJECT, 'tests/fixtures/realistic');

/** Every corpus file (imported-only files such as common/ declarations left out), relative to the project. */
export function corpusFiles(): string[] {
    const examples = readdirSync(join(PROJECT, 'examples')).filter(name => name.endsWith('.svcbp')).map(name => `examples/${name}`);
    const realistic = readdirSync(REALISTIC).filter(name => name.endsWith('.svcbp')).map(name => relative(PROJECT, join(REALISTIC, name)));
    return [...examples.sort(), ...realistic.sort()];
}

export interface CorpusBlueprint { file: string; model: BlueprintModel }

/** Every blueprint of every corpus file (a file may hold a sub-process beside its main blueprint). */
export async function corpusBlueprints(): Promise<CorpusBlueprint[]> {
    const files = corpusFiles();
    const { documents } = await loadWorkspace(files.map(file => join(PROJECT, file)));
    return documents.flatMap((document, i) => buildModels(document).blueprints.map(model => ({ file: files[i], model })));
}
