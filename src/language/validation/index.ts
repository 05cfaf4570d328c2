import type { ValidationChecks } from 'langium';
import type { SvcbpAstType } from '../generated/ast.js';
import type { SvcbpServices } from '../svcbp-module.js';
import { checkArrows } from './arrows.js';
import { checkLowEmotionHasNote, checkPhasesHaveCustomerAction, checkTouchpointsUsed } from './coverage.js';
import { checkLaneOrder } from './lines.js';
import { checkBlueprintNames, checkTopLevelNames } from './names.js';
import { checkPropertyPlacement, checkPropertyValue } from './properties.js';
import { checkImports, checkPhaseRange, checkUnusedDeclarations } from './references.js';

/** Every check of the language, by the node type it looks at. One small function per check. */
export function registerValidationChecks(services: SvcbpServices): void {
    const imports = services.imports.ImportResolver;
    const checks: ValidationChecks<SvcbpAstType> = {
        SvcbpFile: [checkTopLevelNames, checkImports(imports), checkUnusedDeclarations(imports)],
        Blueprint: [checkPropertyPlacement, checkBlueprintNames, checkLaneOrder, checkArrows,
            checkPhasesHaveCustomerAction, checkTouchpointsUsed],
        Phase: [checkPropertyPlacement, checkLowEmotionHasNote],
        Lane: [checkPropertyPlacement],
        Step: [checkPropertyPlacement, checkPhaseRange, checkLowEmotionHasNote],
        Touchpoint: [checkPropertyPlacement],
        Actor: [checkPropertyPlacement],
        System: [checkPropertyPlacement],
        Property: [checkPropertyValue]
    };
    services.validation.ValidationRegistry.register(checks);
}
