import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { isBlueprint, type SvcbpFile } from '../generated/ast.js';

/** The command the extension registers; the code lens hands it the file and the blueprint. */
export const OPEN_PREVIEW_COMMAND = 'svcbp.openPreviewToSide';

/** "Open Preview" above each blueprint. */
export class SvcbpCodeLensProvider implements CodeLensProvider {
    provideCodeLens(document: LangiumDocument): MaybePromise<CodeLens[]> {
        const file = document.parseResult.value as SvcbpFile;
        return file.elements.filter(isBlueprint).filter(blueprint => blueprint.name && blueprint.$cstNode).map(blueprint => {
            const start = blueprint.$cstNode!.range.start;
            return {
                range: { start, end: start },
                command: { title: 'Open Preview', command: OPEN_PREVIEW_COMMAND, arguments: [document.uri.toString(), blueprint.name] }
            };
        });
    }
}
