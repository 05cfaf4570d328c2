/**
 * Where a `}` is probably missing, by indentation: a `}` indented less than the line that opened
 * its block closes an outer block's worth of text (`step s … {`, its properties, then the lane's
 * `}`), so the brace that is missing belongs just before it. The parser notices only later, at
 * the next statement of the outer block; the diagnostic belongs here.
 */
export function missingBraceBefore(text: string, beforeOffset: number): { line: number; openedOn: number } | undefined {
    const lines = text.split('\n');
    const indent = (line: number) => /^[ \t]*/.exec(lines[line])![0].replace(/\t/g, '    ').length;
    const stack: number[] = [];
    let found: { line: number; openedOn: number } | undefined;
    let line = 0;
    for (let i = 0; i < Math.min(beforeOffset, text.length); i++) {
        const char = text[i];
        if (char === '\n') line++;
        else if (char === '"') i = skipString(text, i);
        else if (char === '/' && text[i + 1] === '/') i = text.indexOf('\n', i) - 1 < 0 ? text.length : text.indexOf('\n', i) - 1;
        else if (char === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 1;
            for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
            i = stop;
        } else if (char === '{') stack.push(line);
        else if (char === '}') {
            const opened = stack.pop();
            if (opened !== undefined && indent(line) < indent(opened) && /^\s*\}\s*$/.test(lines[line])) found = { line, openedOn: opened };
        }
    }
    // Only inside the block the parser found unclosed (the innermost one still open).
    const open = stack[stack.length - 1];
    return found && open !== undefined && found.line > open ? found : undefined;
}

function skipString(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        if (text[i] === '\\') i++;
        else if (text[i] === '"' || text[i] === '\n') return text[i] === '\n' ? i - 1 : i;
    }
    return text.length;
}
