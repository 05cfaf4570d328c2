import { execFileSync } from 'node:child_process';
import { basename, dirname, join, relative } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { buildModels } from '../model/build-model.js';
import { diffModels } from '../model/diff.js';
import type { BlueprintModel } from '../model/types.js';
import { diffMarkdown, diffText } from '../render/diff-text.js';
import type { SvcbpFile } from '../language/generated/ast.js';
import { UsageError } from './errors.js';
import { formatText, toCliDiagnostics } from './diagnostics.js';
import { writeOutput } from './output.js';
import { pickBlueprint } from './pick-blueprint.js';
import { collectFiles, loadWorkspace } from './workspace.js';

export interface DiffOptions {
    format?: string;
    output?: string;
    blueprint?: string;
    against?: string;
}

const FORMATS = ['text', 'json', 'markdown'];

/**
 * `svcbp diff <before> <after>` or `svcbp diff <file> --against <revision>`: what changes, in
 * words, JSON or Markdown. Exit 0 without changes, 1 with, 2 for usage or I/O problems.
 */
export async function runDiff(paths: string[], options: DiffOptions): Promise<number> {
    const format = options.format ?? 'text';
    if (!FORMATS.includes(format)) throw new UsageError(`Unknown format '${format}' for diff: use ${FORMATS.join(', ')}.`);
    // --blueprint id for both sides, or --blueprint before,after when their ids differ.
    const [beforeId, afterId = beforeId] = options.blueprint?.split(',').map(id => id.trim()) ?? [];
    const ids = { before: beforeId || undefined, after: afterId || undefined };
    const sides = options.against !== undefined ? await againstRevision(paths, options.against, ids) : await twoFiles(paths, ids);
    if (!sides) return 2;
    const diff = diffModels(sides.before.model, sides.after.model);
    const output = format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : format === 'markdown' ? diffMarkdown(diff, sides.before.name, sides.after.name) : diffText(diff);
    writeOutput(options.output, output);
    return diff.changes.length === 0 ? 0 : 1;
}

interface Side { model: BlueprintModel; name: string }

interface Ids { before?: string; after?: string }

async function twoFiles(paths: string[], ids: Ids): Promise<{ before: Side; after: Side } | undefined> {
    if (paths.length !== 2) throw new UsageError('diff takes two files: svcbp diff <before.svcbp> <after.svcbp>, or one with --against <revision>.');
    const files = paths.map(path => collectFiles([path])[0]);
    const { documents } = await loadWorkspace(files);
    const before = sideOf(documents[0], paths[0], ids.before);
    const after = sideOf(documents[1] ?? documents[0], paths[1], ids.after);
    return before && after ? { before, after } : undefined;
}

/** The file now against its text at a git revision (`git show revision:path`), with its imports as they are now. */
async function againstRevision(paths: string[], revision: string, ids: Ids): Promise<{ before: Side; after: Side } | undefined> {
    if (paths.length !== 1) throw new UsageError('diff --against takes one file: svcbp diff <file> --against <revision>.');
    const [file] = collectFiles(paths);
    const text = gitShow(file, revision);
    const { services, documents } = await loadWorkspace([file]);
    const uri = URI.file(join(dirname(file), `.${basename(file)}@${revision.replace(/[^\w.-]/g, '_')}.svcbp`));
    const old = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri) as LangiumDocument<SvcbpFile>;
    services.shared.workspace.LangiumDocuments.addDocument(old);
    await services.shared.workspace.DocumentBuilder.build([old], { validation: true });
    const before = sideOf(old, `${paths[0]} at ${revision}`, ids.before);
    const after = sideOf(documents[0], paths[0], ids.after);
    return before && after ? { before, after } : undefined;
}

function gitShow(file: string, revision: string): string {
    const run = (args: string[]) => execFileSync('git', args, { cwd: dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    let root: string;
    try {
        root = run(['rev-parse', '--show-toplevel']).trim();
    } catch {
        throw new UsageError(`${file} is not in a git repository, so there is no revision to compare it with.`);
    }
    const path = relative(root, file).split('\\').join('/');
    try {
        return run(['show', `${revision}:${path}`]);
    } catch (error) {
        const detail = String((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0];
        throw new UsageError(`Cannot read ${path} at the revision '${revision}'${detail ? `: ${detail}` : ''}.`);
    }
}

function sideOf(document: LangiumDocument<SvcbpFile>, name: string, blueprint: string | undefined): Side | undefined {
    for (const error of toCliDiagnostics(document).filter(d => d.severity === 'error')) process.stderr.write(`${formatText(error)}\n`);
    const result = buildModels(document);
    const model = pickBlueprint(result.blueprints, result.unbuilt.map(u => u.id), blueprint);
    return model ? { model, name } : undefined;
}
