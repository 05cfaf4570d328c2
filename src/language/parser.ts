import { createLangiumParser, type LangiumCoreServices, type LangiumParser } from 'langium';
import type { IToken } from 'chevrotain';

interface HiddenNodeBuilder {
    addHiddenNodes(tokens: IToken[]): void;
}

/**
 * Langium's parser with one fix: before every consumed token, Langium inserts the hidden tokens
 * (comments) that precede it, and when there are none it still looks its position up with
 * `indexOf` among the siblings, which is quadratic in the number of steps of a lane (about 20% of
 * parsing a 20,000-step blueprint). An empty insertion changes nothing, so it is skipped.
 */
export function createSvcbpParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    const builder = (parser as unknown as { nodeBuilder: HiddenNodeBuilder }).nodeBuilder;
    const addHiddenNodes = builder.addHiddenNodes.bind(builder);
    builder.addHiddenNodes = tokens => {
        if (tokens.length > 0) addHiddenNodes(tokens);
    };
    return parser;
}
