import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** Strings with the language's own escapes (\" \\ \n \t); unknown escapes are kept as written. */
export class SvcbpValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') return unquote(input);
        return super.runConverter(rule, input, cstNode);
    }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', t: '\t' };

export function unquote(image: string): string {
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
