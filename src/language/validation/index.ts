import type { AstNode, ValidationAcceptor } from 'langium';
import { Property, reflection } from '../generated/ast.js';
import type { SvcbpCoreServices } from '../svcbp-module.js';
import { checkArrows } from './arrows.js';
import { checkLowEmotionHasNote, checkPhasesHaveCustomerAction, checkTouchpointsUsed } from './coverage.js';
import { checkLaneOrder } from './lines.js';
import { checkBlueprintNames, checkTopLevelNames } from './names.js';
import { checkPropertyPlacement, checkPropertyValue, checkUnknownProperty } from './properties.js';
import { checkHasPhase, checkImports, checkPhaseRange, checkUnusedDeclarations } from './references.js';
import { hasUtf8Notes } from '../parse/utf8.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each check takes its own node type
export type Check = (node: any, accept: ValidationAcceptor) => void;

const NONE: Check[] = [];

/** Every check of the language, by the node type it looks at. One small function per check. */
export class SvcbpChecks {
    private readonly byType: Record<string, Check[]>;

    constructor(services: SvcbpCoreServices) {
        const imports = services.imports.ImportResolver;
        const fileSystem = services.shared.workspace.FileSystemProvider;
        const openInEditor = services.shared.workspace.TextDocuments;
        // A file open in the editor was decoded by the editor: what the disk once held says nothing.
        const utf8 = hasUtf8Notes(fileSystem)
            ? { utf8ProblemOf: (uri: string) => (openInEditor?.get(uri) ? undefined : fileSystem.utf8ProblemOf(uri)) }
            : undefined;
        this.byType = {
            SvcbpFile: [checkTopLevelNames, checkImports(imports, utf8), checkUnusedDeclarations(imports)],
            Blueprint: [checkPropertyPlacement, checkBlueprintNames, checkLaneOrder, checkArrows,
                checkPhasesHaveCustomerAction, checkTouchpointsUsed],
            Phase: [checkPropertyPlacement, checkLowEmotionHasNote],
            Lane: [checkPropertyPlacement],
            Step: [checkPropertyPlacement, checkHasPhase, checkPhaseRange, checkLowEmotionHasNote],
            Touchpoint: [checkPropertyPlacement, checkHasPhase],
            Actor: [checkPropertyPlacement],
            System: [checkPropertyPlacement],
            UnknownProperty: [checkUnknownProperty],
        };
        // Every kind of property node shares the property checks: looked up by exact type name.
        for (const type of reflection.getAllSubTypes(Property.$type)) this.byType[type] = [checkPropertyValue];
    }

    /** The checks that apply to a node. */
    for(node: AstNode): Check[] {
        return this.byType[node.$type] ?? NONE;
    }
}
