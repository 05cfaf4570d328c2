import { DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { SvcbpFile } from './generated/ast.js';
import { referenceSites } from './ast-walk.js';

/** Langium's linker, fed from the grammar's known reference sites instead of a generic AST walk. */
export class SvcbpLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const sites = referenceSites(document.parseResult.value as SvcbpFile);
        for (let i = 0; i < sites.length; i++) {
            if (i % 1000 === 0) await interruptAndCheck(cancelToken!);
            this.doLink(sites[i], document);
        }
    }
}
