import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { buildModels } from '../src/model/build-model.js';
import { isBlueprint, isPhase, type SvcbpFile } from '../src/language/generated/ast.js';
import { phaseIndex } from '../src/language/link/blueprint-contents.js';
import { astNodes, referenceSites } from '../src/language/link/ast-walk.js';
import { EXAMPLES, TestWorkspace, codes } from './support/workspace.js';

/** Everything a consumer can see of a parsed, linked, validated document. */
function snapshot(document: LangiumDocument<SvcbpFile>) {
    const root = document.parseResult.value;
    const leaves = CstUtils.streamCst(root.$cstNode!).filter((node): node is LeafCstNode => !('content' in node)).map(leaf => {
        const { start, end } = leaf.range;
        return `${leaf.offset}+${leaf.length} ${start.line}:${start.character}-${end.line}:${end.character} ${leaf.tokenType.name}${leaf.hidden ? ' hidden' : ''}`;
    }).toArray();
    const ast = AstUtils.streamAst(root).map(node => `${node.$type} ${(node as AstNode & { name?: string }).name ?? ''} ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}] ${rangeText(node)}`).toArray();
    const diagnostics = (document.diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).sort();
    // The hand-written walks, which an incremental re-parse patches instead of redoing.
    const walkedNodes = astNodes(root).map(node => `${node.$type} ${rangeText(node)}`);
    const sites = referenceSites(root).map(site => `${site.container.$type} ${site.property}[${site.index ?? ''}] ${site.reference.$refText} ${rangeText(site.container)}`);
    return { text: root.$cstNode!.root.fullText, leaves, ast, walkedNodes, sites, diagnostics, model: JSON.stringify(buildModels(document)) };
}

function rangeText(node: AstNode): string {
    const range = node.$cstNode?.range;
    return range ? `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}` : '-';
}

async function fresh(text: string) {
    const workspace = new TestWorkspace().write('main.svcbp', text);
    const [document] = await workspace.build('main.svcbp');
    return snapshot(document);
}

/** Edits a person makes: type a character, a space or a line break, delete one, rename a word. */
function edits(text: string, every: number): Array<(t: string) => string> {
    const result: Array<(t: string) => string> = [];
    for (let at = 3; at < text.length - 3; at += every) {
        result.push(t => t.slice(0, at) + 'x' + t.slice(at));
        result.push(t => t.slice(0, at) + t.slice(at + 1));
        result.push(t => t.slice(0, at) + '\n  ' + t.slice(at));
        result.push(t => t.slice(0, at) + ' ' + t.slice(at));
    }
    for (const match of text.matchAll(/"[^"\n]{3,}"/g)) {
        result.push(t => t.slice(0, match.index! + 1) + 'Renamed, with a longer title' + t.slice(match.index! + match[0].length - 1));
    }
    return result;
}

describe('incremental re-parsing', () => {
    const restaurant = readFileSync(join(EXAMPLES, 'restaurant.svcbp'), 'utf8');

    it('gives what a full parse gives, for every kind of edit across the restaurant example', async () => {
        let incremental = 0;
        for (const edit of edits(restaurant, 31)) {
            const workspace = new TestWorkspace().write('main.svcbp', restaurant);
            const [document] = await workspace.build('main.svcbp');
            const before = document.parseResult;
            const text = edit(restaurant);
            await workspace.change('main.svcbp', text);
            if (workspace.document('main.svcbp').parseResult === before) incremental++;
            expect(snapshot(workspace.document('main.svcbp'))).toEqual(await fresh(text));
        }
        // The cheap path must actually be taken for edits inside statements.
        expect(incremental).toBeGreaterThan(50);
    });

    it('stays equal over a sequence of edits, each on top of the last', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', restaurant);
        await workspace.build('main.svcbp');
        let text = restaurant;
        const steps = [
            (t: string) => t.replace('step book "Book a table online" in reserve', 'step book "Book a table online, for four" in reserve'),
            (t: string) => t.replace('in order..dine {', 'in order..dine {\n      pain "Slow on Fridays"'),
            (t: string) => t.replace('cook -> pass -> serve -> eat', 'cook -> pass\n  -> serve -> eat "plated"'),
            (t: string) => t.replace('touchpoint atTable "Server at the table" in order', 'touchpoint atTable "Server at the table" in dine'),
            (t: string) => t.replace('step pass "Check plates against the ticket" in dine', 'step pass "Check plates" in dine { fail "Wrong table" }'),
            (t: string) => t.replace('phase order "Order" {', 'phase order "Order the food" {'),
            (t: string) => t.replace('cook -> pass', 'cok -> pass'),
            (t: string) => t.replace('cok -> pass', 'cook -> pass')
        ];
        for (const step of steps) {
            const next = step(text);
            expect(next).not.toBe(text);
            text = next;
            await workspace.change('main.svcbp', text);
            expect(snapshot(workspace.document('main.svcbp'))).toEqual(await fresh(text));
        }
    });

    it('keeps derived per-parse data right for a statement replaced in place (phase positions)', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', restaurant);
        const [document] = await workspace.build('main.svcbp');
        const blueprint = document.parseResult.value.elements.find(isBlueprint)!;
        expect(phaseIndex(blueprint.members.filter(isPhase)[2])).toBe(2);
        const tree = document.parseResult;
        await workspace.change('main.svcbp', restaurant.replace('phase order "Order"', 'phase order "Order food"'));
        expect(document.parseResult).toBe(tree);
        const replaced = blueprint.members.filter(isPhase)[2];
        expect(replaced.title).toBe('Order food');
        expect(phaseIndex(replaced)).toBe(2);
    });

    it('derives nothing from a tree that was changed in place since, even when the text comes back (edit, cancelled builds, undo)', async () => {
        const text = 'blueprint b {\n  phase p\n  lane c customer {\n    step s "S" in p\n  }\n  touchpoint t "T" in p\n  s -> t "x"\n}\n';
        const workspace = new TestWorkspace().write('main.svcbp', text);
        const [document] = await workspace.build('main.svcbp');
        const factory = workspace.services.shared.workspace.LangiumDocumentFactory;
        // Each of these is parsed in place and its build cancelled before anything reads the tree.
        for (const edit of [text.replace('"x"', '"xy"'), text.replace('"x"', '"xy"').replace('"T"', '"TT"'), text.replace('"x"', '"xy"')]) {
            workspace.write('main.svcbp', edit);
            await factory.update(document, CancellationToken.None);
        }
        await workspace.change('main.svcbp', text);
        expect(workspace.document('main.svcbp').parseResult).toBe(document.parseResult);
        expect(snapshot(workspace.document('main.svcbp'))).toEqual(await fresh(text));
        expect(codes(workspace.document('main.svcbp').diagnostics ?? [])).toEqual([]);
    });

    it('relinks everything when two edits were parsed before one link (a cancelled build)', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', restaurant);
        const [document] = await workspace.build('main.svcbp');
        const factory = workspace.services.shared.workspace.LangiumDocumentFactory;
        // Two edits parsed in a row without linking between them, as a cancelled build leaves them.
        const renamed = restaurant.replace('step cook "Cook starters and mains"', 'step cooking "Cook starters and mains"');
        workspace.write('main.svcbp', renamed);
        await factory.update(document, CancellationToken.None);
        const both = renamed.replace('phase dine "Dine"', 'phase dine "Dinner"');
        workspace.write('main.svcbp', both);
        await workspace.change('main.svcbp', both);
        expect(snapshot(workspace.document('main.svcbp'))).toEqual(await fresh(both));
    });

    it('falls back to a full parse when an edit breaks a statement or crosses its edge', async () => {
        const workspace = new TestWorkspace().write('main.svcbp', restaurant);
        const [document] = await workspace.build('main.svcbp');
        const before = document.parseResult;
        for (const text of [
            restaurant.replace('step plan "Set covers per time slot" in reserve', 'step plan "Set covers per time slot" in'),
            restaurant.replace('  }\n\n  lane kitchen', '\n\n  lane kitchen'),
            restaurant.replace('step plan "Set covers per time slot" in reserve', 'step plan "Set covers" in reserve step extra in reserve')
        ]) {
            await workspace.change('main.svcbp', text);
            expect(workspace.document('main.svcbp').parseResult).not.toBe(before);
            expect(snapshot(workspace.document('main.svcbp'))).toEqual(await fresh(text));
            await workspace.change('main.svcbp', restaurant);
        }
    });
});
