import { CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isActor, isBlueprint, isSvcbpFile, isSystem } from '../generated/ast.js';
import { localActorsAndSystems, namespaceMembers } from '../link/blueprint-contents.js';

const NAME = /^[A-Za-z_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

/** Langium's rename (every use, across files), refused with a reason when the new name cannot work. */
export class SvcbpRenameProvider extends DefaultRenameProvider {
    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName;
        if (!NAME.test(newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${newName}' is not a valid name: start with a letter or _, then letters, digits, _ or -, not ending with -.`);
        }
        const target = this.targetAt(document, params);
        const clash = target && sameScope(target).find(node => node !== target && node.name === newName);
        if (clash) throw new ResponseError(LSPErrorCodes.RequestFailed, `'${newName}' is already taken here (a ${clash.$type.toLowerCase()}); choose another name.`);
        return super.rename(document, params);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }
}

/** The declarations that share the target's namespace (see the scoping rules). */
function sameScope(target: AstNode): Array<AstNode & { name: string }> {
    const container = target.$container;
    if (isSvcbpFile(container)) return container.elements;
    if (isBlueprint(container) && (isActor(target) || isSystem(target))) return localActorsAndSystems(container);
    let blueprint: AstNode | undefined = target;
    while (blueprint && !isBlueprint(blueprint)) blueprint = blueprint.$container;
    return isBlueprint(blueprint) ? namespaceMembers(blueprint) : [];
}
