import { Cancellation, DocumentState } from 'langium';
import { describe, expect, it } from 'vitest';
import { TestWorkspace, uriOf } from './support/workspace.js';

describe('the document builder', () => {
    it('tells a request waiting for a state that the document reached it, even when that build is being cancelled', async () => {
        const workspace = new TestWorkspace().write('a.svcbp', 'blueprint b { phase p lane c "C" customer { step s in p } }');
        const { DocumentBuilder, LangiumDocuments } = workspace.services.shared.workspace;
        const document = await LangiumDocuments.getOrCreateDocument(uriOf('a.svcbp'));
        const build = new Cancellation.CancellationTokenSource();
        // The editor's next change arrives just as the document is linked: the build is cancelled there.
        DocumentBuilder.onDocumentPhase(DocumentState.Linked, () => build.cancel());
        // A hover asked for the document before: it waits for the document to be linked.
        let answered = false;
        void DocumentBuilder.waitUntil(DocumentState.Linked, document.uri).then(() => { answered = true; });
        await DocumentBuilder.build([document], { validation: true }, build.token).catch(() => undefined);
        expect(document.state).toBeGreaterThanOrEqual(DocumentState.Linked);
        // Later builds skip a phase the document has reached: this was the only chance to answer.
        await new Promise(resolve => setTimeout(resolve, 20));
        expect(answered).toBe(true);
    });
});
