import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BLUEPRINT_TEMPLATES } from '../src/language/lsp/blueprint-templates.js';
import { buildModels } from '../src/model/build-model.js';
import { renderSvg } from '../src/render/index.js';
import { TestWorkspace } from './support/workspace.js';

/** The text a user gets by accepting every placeholder as it is (what New Blueprint… inserts). */
function expand(body: string): string {
    return body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/^ *\$0\n/m, '').replace(/\$0/g, '');
}

describe('the blueprint templates (completion and svcbp: New Blueprint…)', () => {
    it('offers the three kinds of blueprint the issue names', () => {
        expect(BLUEPRINT_TEMPLATES.map(template => template.name)).toEqual(['classic lanes', 'actor lanes', 'digital canvas with sections']);
    });

    for (const template of BLUEPRINT_TEMPLATES) {
        it(`${template.name}: a valid, formatted blueprint that draws every element`, async () => {
            const text = expand(template.body);
            const workspace = new TestWorkspace().write('new.svcbp', text);
            const [document] = await workspace.build('new.svcbp');
            expect(document.diagnostics).toEqual([]);
            const edits = await workspace.services.Svcbp.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 2, insertSpaces: true } });
            expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(text);
            const [model] = buildModels(document).blueprints;
            expect(model.omitted).toEqual([]);
            expect(model.arrows.length).toBeGreaterThan(3);
            expect(renderSvg(model)).toContain(`data-id="${model.lanes[0].steps[0].id}"`);
        });
    }
});
