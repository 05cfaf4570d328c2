import { describe, expect, it } from 'vitest';
import { examplesWorkspace } from './support/workspace.js';

const EXAMPLES = ['restaurant.svcbp', 'restaurant-to-be.svcbp', 'restaurant-actors.svcbp', 'grocery-canvas.svcbp', 'common/platform.svcbp'];

describe('the normative examples', () => {
    it('parse, link and validate with zero diagnostics', async () => {
        const workspace = examplesWorkspace();
        await workspace.build(...EXAMPLES);
        for (const file of EXAMPLES) {
            expect(workspace.diagnostics(file).map(d => `${file}:${d.range.start.line + 1} ${d.code} ${d.message}`)).toEqual([]);
        }
    });
});
