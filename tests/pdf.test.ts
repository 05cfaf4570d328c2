/**
 * PDF export, opened and looked at with Debian's poppler-utils (scripts/install-chromium.sh
 * installs them): page count and size for each option, the fonts embedded, the text extractable,
 * and the pages rendered to pixels.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { svcbp, tempProject } from './support/cli.js';
import { decodePng } from './support/png.js';

const dir = tempProject();
beforeAll(() => {
    // The drawing fitted to one page, which several tests open.
    expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'fit.pdf'], dir).status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pdfinfo = (file: string) => execFileSync('pdfinfo', [join(dir, file)], { encoding: 'utf8' });
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(pdfinfo(file))![1]);
/** Every page's size in points, rounded. */
const sizes = (file: string) => execFileSync('pdfinfo', ['-f', '1', '-l', String(pages(file)), join(dir, file)], { encoding: 'utf8' })
    .split('\n').filter(line => /^Page\s+\d+ size:/.test(line)).map(line => /size:\s+([\d.]+) x ([\d.]+)/.exec(line)!.slice(1).map(n => Math.round(Number(n))).join('x'));

describe('svcbp render -o out.pdf', () => {
    it('fits the drawing on one page of its own size, by default', () => {
        const svg = svcbp(['render', 'examples/restaurant.svcbp'], dir).stdout;
        const [width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);
        expect(sizes('fit.pdf')).toEqual([`${Math.round(width * 0.75)}x${Math.round(height * 0.75)}`]);
    });

    it('tiles the drawing over paper pages after a cover page, in the orientation that needs fewer pages unless told', () => {
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'a4.pdf', '--page', 'a4'], dir).status).toBe(0);
        const a4 = sizes('a4.pdf');
        expect(a4.length).toBeGreaterThan(2);
        expect(new Set(a4)).toEqual(new Set(['842x595']));
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'a4-portrait.pdf', '--page', 'a4', '--orientation', 'portrait'], dir).status).toBe(0);
        expect(new Set(sizes('a4-portrait.pdf'))).toEqual(new Set(['595x842']));
        expect(pages('a4-portrait.pdf')).toBeGreaterThanOrEqual(pages('a4.pdf'));
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'a0.pdf', '--page', 'a0'], dir).status).toBe(0);
        // A drawing smaller than the paper: the cover and one page.
        expect(pages('a0.pdf')).toBe(2);
        const text = execFileSync('pdftotext', [join(dir, 'a4.pdf'), '-'], { encoding: 'utf8' });
        expect(text).toMatch(/pages to tape together: \d rows? × \d columns?/);
        expect(text).toMatch(/row 1, column 1 of \d × \d/);
        expect(text).toContain('Persona: Ana, booking dinner for two on a Friday');
    });

    it('embeds Inter and keeps the text selectable', () => {
        const fonts = execFileSync('pdffonts', [join(dir, 'fit.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
        expect(fonts.map(line => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Inter-Regular', 'Inter-SemiBold']);
        for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, with a Unicode map
        const text = execFileSync('pdftotext', [join(dir, 'fit.pdf'), '-'], { encoding: 'utf8' });
        for (const title of ['Restaurant visit', 'Cook starters and mains', 'Card terminal', 'Total 1h31min']) expect(text).toContain(title);
    });

    it('sets Japanese text in a font of the machine (Inter has none), and the Latin around it in Inter', () => {
        // scripts/install-chromium.sh installs fonts-droid-fallback, a CJK font without Latin letters.
        const ryokan = join(import.meta.dirname, 'fixtures/realistic/ryokan-stay.svcbp');
        expect(svcbp(['render', ryokan, '-o', 'ryokan.pdf'], dir)).toMatchObject({ status: 0, stderr: '' });
        const fonts = execFileSync('pdffonts', [join(dir, 'ryokan.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map(line => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
        expect(fonts).toHaveLength(3);
        expect(fonts).toEqual(expect.arrayContaining(['Inter-Regular', 'Inter-SemiBold']));
        const text = execFileSync('pdftotext', [join(dir, 'ryokan.pdf'), '-'], { encoding: 'utf8' });
        for (const words of ['温泉旅館での記念日の一泊', 'Persona: 佐藤美咲さん（34歳）', '予約と事前のご要望']) expect(text).toContain(words);
        // Tiled: the cover page and the page labels, which pdfkit sets itself, take the same font.
        expect(svcbp(['render', ryokan, '-o', 'ryokan-a4.pdf', '--page', 'a4'], dir).status).toBe(0);
        const cover = execFileSync('pdftotext', ['-f', '1', '-l', '2', join(dir, 'ryokan-a4.pdf'), '-'], { encoding: 'utf8' });
        for (const words of ['温泉旅館での記念日の一泊\n', 'Persona: 佐藤美咲さん（34歳）', '温泉旅館での記念日の一泊 · row 1, column 1 of']) expect(cover).toContain(words);
    });

    it('takes a face of a font collection for Chinese text (fonts-wqy-microhei)', () => {
        writeFileSync(join(dir, 'zh.svcbp'), 'blueprint b "中文服务 test" {\n  phase p "阶段"\n  lane c "顾客" customer { step s "打电话给客服" in p }\n}\n');
        expect(svcbp(['render', 'zh.svcbp', '-o', 'zh.pdf'], dir)).toMatchObject({ status: 0, stderr: '' });
        expect(execFileSync('pdffonts', [join(dir, 'zh.pdf')], { encoding: 'utf8' })).toMatch(/\+WenQuanYiMicroHei\s+CID TrueType/);
        const text = execFileSync('pdftotext', [join(dir, 'zh.pdf'), '-'], { encoding: 'utf8' });
        for (const words of ['中文服务 test', '打电话给客服']) expect(text).toContain(words);
    });

    it('says so when the machine has no font for the Japanese text, and still writes the PDF', () => {
        const ryokan = join(import.meta.dirname, 'fixtures/realistic/ryokan-stay.svcbp');
        // Without fontconfig on the PATH, no font can be found.
        const run = spawnSync(process.execPath, [join(import.meta.dirname, '../out/cli.cjs'), 'render', ryokan, '-o', 'ryokan-bare.pdf'], { cwd: dir, encoding: 'utf8', env: { ...process.env, PATH: '/nonexistent' } });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('svcbp: The blueprint has Japanese, Chinese or Korean text, which Inter lacks, and this machine has no font for it (fc-list :lang=ja finds none): that text is missing from the PDF. Install one (Debian: fonts-noto-cjk).\n');
        expect(pages('ryokan-bare.pdf')).toBe(1);
    });

    it('draws the page: coloured lanes and dark text, not a blank or a black page', () => {
        execFileSync('pdftoppm', ['-png', '-r', '60', '-singlefile', join(dir, 'fit.pdf'), join(dir, 'fit')]);
        const { width, height, data } = decodePng(readFileSync(join(dir, 'fit.png')));
        let ink = 0;
        let black = 0;
        let tinted = 0;
        for (let i = 0; i < width * height; i++) {
            const [r, g, b] = [data[i * 4], data[i * 4 + 1], data[i * 4 + 2]];
            if (r + g + b < 60) black++;
            if (r + g + b < 450) ink++;
            else if (Math.max(r, g, b) - Math.min(r, g, b) > 6 && r + g + b > 600) tinted++;
        }
        // Text and lines are ink but a small part of the page; the lane bands are light, tinted and large.
        expect(ink / (width * height)).toBeGreaterThan(0.01);
        expect(black / (width * height)).toBeLessThan(0.02);
        expect(tinted / (width * height)).toBeGreaterThan(0.2);
    });

    it('refuses an unknown paper or orientation, and page options for other formats', () => {
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'x.pdf', '--page', 'b5'], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining("Unknown page 'b5'") });
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'x.pdf', '--page', 'a4', '--orientation', 'sideways'], dir).status).toBe(2);
        expect(svcbp(['render', 'examples/restaurant.svcbp', '-o', 'x.svg', '--page', 'a4'], dir)).toMatchObject({ status: 2, stderr: 'svcbp: --page and --orientation are for PDF: name the output .pdf.\n' });
    });
});
