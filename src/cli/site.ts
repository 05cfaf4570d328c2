/**
 * `svcbp site <folder> -o <out>`: a static site of every blueprint in a folder, self-contained
 * (it works from file:// and any static host, nothing fetched from outside): an index with a
 * thumbnail, the figures and a search over titles, steps, actors, systems and channels; a page per
 * blueprint with the zoomable drawing (the HTML export's page) and its fail points, notes and
 * links; an index of actors and systems. A rebuild parses only the files that changed (their text
 * or what they import) and redraws only the pages that changed, by a cache in the output folder
 * (site-cache.ts).
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { LangiumDocument } from 'langium';
import { buildModels } from '../model/build-model.js';
import { formatDuration } from '../model/format-duration.js';
import type { BlueprintModel } from '../model/types.js';
import { escapeXml } from '../render/escape.js';
import { fontFaces, INTER_FILES, pageStart, toHtml } from '../render/html.js';
import { renderSvg } from '../render/index.js';
import { PALETTES } from '../render/theme.js';
import type { SvcbpFile } from '../language/generated/ast.js';
import { UsageError } from './errors.js';
import { collectFiles, loadWorkspace } from './workspace.js';
import { importTarget } from '../language/link/imports.js';
import { digestsOnce, sha256, readCache, reusable, writeCache, type CachedFile, type SiteCache } from './site-cache.js';
import { fontsFolder } from './fonts.js';

export interface SiteOptions { output?: string }

interface Entry { file: string; slug: string; model: BlueprintModel; hash: string }

declare const SVCBP_VERSION: string;
/** Which svcbp drew a page: after an upgrade every page is drawn again. */
const SITE_BUILDER = typeof SVCBP_VERSION === 'string' ? SVCBP_VERSION : 'dev';
const SITE_FONTS = { regular: `fonts/${INTER_FILES.regular}`, semibold: `fonts/${INTER_FILES.semibold}` };

export async function runSite(paths: string[], options: SiteOptions): Promise<number> {
    if (!options.output) throw new UsageError('site needs an output folder: svcbp site <folder> -o <out>');
    if (paths.length > 1) throw new UsageError('site takes one folder: svcbp site <folder> -o <out>');
    const root = resolve(paths[0] ?? '.');
    const out = resolve(options.output);
    const files = collectFiles([root]).filter(file => !file.startsWith(`${out}/`));
    const cache = readCache(out, root, SITE_BUILDER);
    const next: SiteCache = { version: cache.version, builder: SITE_BUILDER, root, files: {}, pages: {} };
    // Only files whose text or imports changed are parsed; the others' models come from the cache.
    const fileDigest = digestsOnce();
    const changed = files.filter(file => {
        const kept = reusable(cache.files[file], fileDigest, file);
        if (kept) next.files[file] = kept;
        return !kept;
    });
    const { documents } = changed.length > 0 ? await loadWorkspace(changed) : { documents: [] };
    for (const document of documents) next.files[document.uri.fsPath] = cacheEntryOf(document, fileDigest);
    const entries = files.flatMap(path => entriesOf(path, next.files[path], root));

    mkdirSync(join(out, 'fonts'), { recursive: true });
    // Inter once for every page (the drawings are measured in it), beside them: no request leaves the folder.
    for (const file of Object.values(INTER_FILES)) copyFileSync(join(fontsFolder(), file), join(out, 'fonts', file));
    const panZoomScript = readFileSync(require.resolve('svg-pan-zoom/dist/svg-pan-zoom.min.js'), 'utf8');
    let drawn = 0;
    for (const entry of entries) {
        // The page shows its blueprint and links to others by title: both go into its key (a cache
        // of another svcbp is not read at all).
        const side = panel(entry, entries);
        const key = sha256(`${entry.hash}\n${side}`);
        next.pages[entry.slug] = key;
        if (cache.pages[entry.slug] === key && existsSync(join(out, `${entry.slug}.html`))) continue;
        const svg = renderSvg(entry.model, { theme: 'light', embedColours: true });
        writeFileSync(join(out, `${entry.slug}.svg`), svg);
        writeFileSync(join(out, `${entry.slug}.html`), toHtml(svg, { title: entry.model.title, panZoomScript, background: PALETTES.light.background, panel: side, fonts: SITE_FONTS }));
        drawn++;
    }
    writeFileSync(join(out, 'index.html'), indexPage(entries));
    writeFileSync(join(out, 'actors.html'), actorsPage(entries));
    writeCache(out, next);
    const read = Object.keys(next.files).length;
    process.stdout.write(`${entries.length} blueprint${entries.length === 1 ? '' : 's'} from ${read} file${read === 1 ? '' : 's'}; ${drawn} page${drawn === 1 ? '' : 's'} drawn, the others unchanged. Open ${relative(process.cwd(), join(out, 'index.html')) || 'index.html'}.\n`);
    return 0;
}

/** A freshly parsed file as the cache keeps it: its digest, its imports' digests, its models. */
function cacheEntryOf(document: LangiumDocument<SvcbpFile>, fileDigest: (path: string) => string | undefined): CachedFile {
    // Resolved as the language resolves them; an import without a path resolves to nothing.
    const imports = document.parseResult.value.imports.filter(imported => imported.path).map(imported => importTarget(document.uri, imported.path).fsPath);
    return {
        digest: fileDigest(document.uri.fsPath),
        imports: imports.map(imported => ({ path: imported, digest: fileDigest(imported) })),
        models: buildModels(document).blueprints
    };
}

function entriesOf(path: string, cached: CachedFile | undefined, root: string): Entry[] {
    if (!cached) return []; // not read: refused (see workspace.ts), reported there
    const file = relative(root, path).split('\\').join('/');
    // The file's text and the texts it imports: a change to either redraws its pages.
    const hash = [cached.digest, ...cached.imports.map(imported => imported.digest ?? 'missing')].join(' ');
    return cached.models.map(model => ({ file, slug: slugOf(file, model.id), model, hash }));
}

function slugOf(file: string, id: string): string {
    return `${file.replace(/\.svcbp$/, '')}--${id}`.replace(/[^A-Za-z0-9_-]+/g, '_');
}

const e = (text: string | undefined) => escapeXml(text ?? '');

function figures(model: BlueprintModel): string {
    const t = model.totals;
    return `${formatDuration(t.durationSeconds)} · ${t.steps} steps · ${t.touchpoints} touchpoints · ${t.failPoints} fail points · ${t.painPoints} pains`;
}

function panel(entry: Entry, all: Entry[]): string {
    const { model } = entry;
    const steps = model.lanes.flatMap(lane => lane.steps);
    const list = (title: string, items: string[]) => items.length ? `<h2>${e(title)}</h2><ul>${items.map(item => `<li>${item}</li>`).join('')}</ul>` : '';
    const notes = (pick: (o: { fails: string[]; pains: string[]; opportunities: string[]; metrics: string[] }) => string[]) =>
        [...model.phases.flatMap(p => pick(p).map(text => `${e(text)} <small>(${e(p.title)})</small>`)), ...steps.flatMap(s => pick(s).map(text => `${e(text)} <small>(${e(s.title)})</small>`)), ...model.touchpoints.flatMap(t => pick(t).map(text => `${e(text)} <small>(${e(t.title)})</small>`))];
    const page = (target: Entry) => `<a href="${e(target.slug)}.html">${e(target.model.title)}</a>`;
    const linked = steps.flatMap(step => step.link ? all.filter(other => other.model.id === step.link!.blueprint && (other.file === entry.file || other.model.uri === step.link!.uri)) : []);
    const sameFile = all.filter(other => other !== entry && other.file === entry.file);
    const pair = all.filter(other => other !== entry && isPair(entry.model, other.model));
    return `<p><a href="index.html">← All blueprints</a> · <a href="actors.html">Actors and systems</a></p>`
        + `<h1>${e(model.title)}</h1><p>${[model.persona && `Persona: ${e(model.persona)}`, model.status && `Status: ${e(model.status)}`, e(figures(model))].filter(Boolean).join('<br>')}</p>`
        + (model.description ? `<p>${e(model.description)}</p>` : '')
        + list('Fail points', notes(o => o.fails)) + list('Pains', notes(o => o.pains)) + list('Opportunities', notes(o => o.opportunities)) + list('Metrics', notes(o => o.metrics))
        + list('Links', [...new Set([...linked, ...pair, ...sameFile])].map(page))
        + `<p><small>${e(entry.file)}</small></p>`;
}

/** An as-is blueprint and its to-be: the same title but for "(to-be)" / "to-be" words, or the same file name with -to-be. */
function isPair(a: BlueprintModel, b: BlueprintModel): boolean {
    const base = (model: BlueprintModel) => model.title.toLowerCase().replace(/\((as-is|to-be)\)|\b(as-is|to-be)\b/g, '').replace(/\s+/g, ' ').trim();
    return a.status !== undefined && b.status !== undefined && a.status !== b.status && base(a) === base(b);
}

const PAGE_STYLE = `html{font:14px/1.45 Inter,system-ui,sans-serif;color:#1f2328;background:#f6f8fa}body{margin:0 auto;max-width:1200px;padding:24px}
h1{font-size:24px;margin:0 0 12px}a{color:#0969da}#search{font:inherit;width:100%;max-width:480px;padding:8px 10px;border:1px solid #818b98;border-radius:6px;margin:0 0 16px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:14px}.card{background:#fff;border:1px solid #d1d9e0;border-radius:8px;padding:12px}
.card img{width:100%;height:150px;object-fit:contain;background:#fff;border-bottom:1px solid #eaeef2;margin-bottom:8px}.card h2{font-size:15px;margin:0 0 4px}.meta{color:#59636e;font-size:12px}
[hidden]{display:none!important}table{border-collapse:collapse;background:#fff}td,th{border:1px solid #d1d9e0;padding:6px 10px;text-align:left;vertical-align:top}`;

function shell(title: string, body: string, script = ''): string {
    return `${pageStart(title, "img-src 'self' file: data:; font-src 'self'", `${fontFaces(SITE_FONTS)}\n<style>${PAGE_STYLE}</style>`)}
<body>
${body}
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

function indexPage(entries: Entry[]): string {
    const cards = entries.map((entry, index) => {
        const m = entry.model;
        return `<article class="card" data-index="${index}"><a href="${e(entry.slug)}.html"><img src="${e(entry.slug)}.svg" alt="${e(m.title)}"></a>`
            + `<h2><a href="${e(entry.slug)}.html">${e(m.title)}</a></h2><div class="meta">${[m.persona && `Persona: ${e(m.persona)}`, m.status && `Status: ${e(m.status)}`, e(figures(m)), e(entry.file)].filter(Boolean).join('<br>')}</div></article>`;
    }).join('\n');
    // What the search looks in, one text per blueprint; as JSON inside a script element, with '<' escaped.
    const haystacks = entries.map(({ model: m }) => [m.title, m.persona, ...m.lanes.flatMap(l => [l.title, ...l.steps.map(s => s.title)]), ...m.touchpoints.flatMap(t => [t.title, t.channel]),
        ...m.actors.map(a => a.title), ...m.systems.map(s => s.title), ...m.actors.map(a => a.id), ...m.systems.map(s => s.id)].filter(Boolean).join('\n').toLowerCase());
    const data = JSON.stringify(haystacks).replace(/</g, '\\u003c');
    const body = `<h1>Service blueprints</h1><p><a href="actors.html">Actors and systems</a> · ${entries.length} blueprints</p>
<input id="search" type="search" placeholder="Search titles, steps, actors, systems, channels" aria-label="Search">
<p id="none" hidden>No blueprint matches.</p>
<div class="cards">
${cards}
</div>
<script type="application/json" id="haystacks">${data}</script>`;
    const script = `(function(){var hay=JSON.parse(document.getElementById('haystacks').textContent);var input=document.getElementById('search');var cards=document.querySelectorAll('.card');
input.addEventListener('input',function(){var q=input.value.toLowerCase().trim();var shown=0;cards.forEach(function(card){var hit=!q||hay[Number(card.dataset.index)].indexOf(q)>=0;card.hidden=!hit;if(hit)shown++;});document.getElementById('none').hidden=shown>0;});})();`;
    return shell('Service blueprints', body, script);
}

function actorsPage(entries: Entry[]): string {
    // A set per row: a system used by every step of 200 blueprints has 20,000 uses.
    const rows = new Map<string, { kind: string; title: string; uses: Set<string> }>();
    const add = (kind: string, id: string, title: string, use: string) => {
        const key = `${kind}:${id}`;
        const row = rows.get(key) ?? { kind, title, uses: new Set<string>() };
        row.uses.add(use);
        rows.set(key, row);
    };
    for (const entry of entries) {
        const { model } = entry;
        const link = (label: string) => `<a href="${e(entry.slug)}.html">${e(model.title)}</a>${label ? `: ${e(label)}` : ''}`;
        const actorTitle = (id: string) => model.actors.find(a => a.id === id)?.title ?? id;
        const systemTitle = (id: string) => model.systems.find(s => s.id === id)?.title ?? id;
        for (const lane of model.lanes) {
            if (lane.actor) add('Actor', lane.actor, actorTitle(lane.actor), link(`the lane '${lane.title}'`));
            for (const step of lane.steps) {
                if (step.actor && step.actor !== lane.actor) add('Actor', step.actor, actorTitle(step.actor), link(step.title));
                for (const system of step.systems) add('System', system, systemTitle(system), link(step.title));
            }
        }
        for (const touchpoint of model.touchpoints) for (const system of touchpoint.systems) add('System', system, systemTitle(system), link(touchpoint.title));
    }
    const sorted = [...rows.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.title.localeCompare(b.title));
    const body = `<h1>Actors and systems</h1><p><a href="index.html">← All blueprints</a></p>
<table><thead><tr><th>Kind</th><th>Name</th><th>Where it takes part</th></tr></thead><tbody>
${sorted.map(row => `<tr><td>${e(row.kind)}</td><td>${e(row.title)}</td><td>${[...row.uses].join('<br>')}</td></tr>`).join('\n')}
</tbody></table>`;
    return shell('Actors and systems', body);
}
