import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

/**
 * Strings with the language's own escapes (\" \\ \n \t); unknown escapes are kept as written.
 * Every name, string, number and duration of a file passes through here: the rule behind each
 * grammar element is found once, and text that stays text is passed on as it is (Langium's
 * converter upper-cases the rule's name on every call, 50,000 strings in a 5,000-step file).
 */
export class SvcbpValueConverter extends DefaultValueConverter {
    /** Per grammar element: the rule its value comes from, or null when the value is the text itself. */
    private readonly rules = new Map<GrammarAST.AbstractElement, GrammarAST.AbstractRule | null>();
    /** Per rule: whether its value is its text (a rule that returns a string, or no type). */
    private readonly textRules = new Map<GrammarAST.AbstractRule, boolean>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const rule = this.ruleOf(cstNode.grammarSource);
        return rule ? this.runConverter(rule, input, cstNode) : input;
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING': return unquote(input);
            case 'ID': return ValueConverter.convertID(input);
            case 'INT': return ValueConverter.convertInt(input);
        }
        let isText = this.textRules.get(rule);
        if (isText === undefined) {
            const type = GrammarUtils.getRuleType(rule)?.toLowerCase();
            isText = type === undefined || type === 'string';
            this.textRules.set(rule, isText);
        }
        return isText ? input : super.runConverter(rule, input, cstNode);
    }

    private ruleOf(feature: GrammarAST.AbstractElement | undefined): GrammarAST.AbstractRule | null {
        if (!feature) return null;
        let rule = this.rules.get(feature);
        if (rule === undefined) {
            // As Langium's converter: a cross-reference converts by its terminal, a rule call by its rule.
            const terminal = GrammarAST.isCrossReference(feature) ? GrammarUtils.getCrossReferenceTerminal(feature) : feature;
            const call = terminal && GrammarAST.isRuleCall(terminal) ? terminal : undefined;
            if (call && !call.rule.ref) throw new Error('This cst node was not parsed by a rule.');
            rule = call?.rule.ref ?? null;
            this.rules.set(feature, rule);
        }
        return rule;
    }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

export function unquote(image: string): string {
    // The common case: a closed string without escapes is its inside.
    if (image.length >= 2 && image.indexOf('\\') < 0 && image.indexOf('"', 1) === image.length - 1) {
        return image.slice(1, -1);
    }
    let result = '';
    for (let i = 1; i < image.length; i++) {
        const char = image[i];
        if (char === '"') break;
        if (char === '\\' && i + 1 < image.length) {
            const next = image[++i];
            result += ESCAPES[next] ?? `\\${next}`;
        } else {
            result += char;
        }
    }
    return result;
}

/** The inverse: a value written back as a string literal. */
export function quote(value: string): string {
    return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
