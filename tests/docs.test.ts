import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from './support/workspace.js';

const ROOT = join(import.meta.dirname, '..');

/** Fenced ```svcbp blocks of a Markdown file; a block right after `<!-- invalid -->` shows an error on purpose. */
function svcbpBlocks(file: string): Array<{ code: string; line: number; invalid: boolean }> {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const blocks: Array<{ code: string; line: number; invalid: boolean }> = [];
    const pattern = /(<!-- invalid -->\s*)?```svcbp\n([\s\S]*?)```/g;
    for (const match of text.matchAll(pattern)) {
        blocks.push({ code: match[2], line: text.slice(0, match.index).split('\n').length, invalid: Boolean(match[1]) });
    }
    return blocks;
}

describe.each(['README.md', 'docs/language.md'].filter(file => existsSync(join(ROOT, file))))('the svcbp examples in %s', file => {
    it('has examples', () => {
        expect(svcbpBlocks(file).length).toBeGreaterThan(0);
    });

    it('are valid: no errors or warnings (unless marked invalid)', async () => {
        for (const block of svcbpBlocks(file).filter(b => !b.invalid)) {
            const problems = (await diagnose(block.code)).filter(d => d.severity! <= 2 && d.code !== 'unresolved-import');
            expect(problems.map(d => `${file}:${block.line}: ${d.code} ${d.message}`)).toEqual([]);
        }
    });
});
