import type { LangiumSharedServices } from 'langium/lsp';
import type { SvcbpServices } from './svcbp-module.js';

/**
 * Keeps the check severities in step with the editor's `svcbp.checks` setting and with
 * `svcbp.json` files, and re-validates every document when either changes.
 */
export function watchCheckSettings(shared: LangiumSharedServices, services: SvcbpServices): void {
    const settings = services.checks.CheckSettings;
    const configuration = shared.workspace.ConfigurationProvider;
    const revalidateAll = () => {
        const uris = shared.workspace.LangiumDocuments.all.map(doc => doc.uri).toArray();
        return shared.workspace.DocumentBuilder.update(uris, []);
    };
    const logProblems = () => {
        for (const problem of settings.problems.splice(0)) shared.lsp.Connection?.console.warn(problem);
    };
    configuration.onConfigurationSectionUpdate(({ section, configuration: value }) => {
        if (section !== 'svcbp') return;
        settings.setOverrides((value as { checks?: unknown } | undefined)?.checks ?? {}, 'svcbp.checks setting');
        logProblems();
        void revalidateAll();
    });
    void configuration.ready.then(async () => {
        const checks = await configuration.getConfiguration('svcbp', 'checks');
        if (checks === undefined) return;
        settings.setOverrides(checks, 'svcbp.checks setting');
        logProblems();
        await revalidateAll();
    });
    shared.workspace.DocumentBuilder.onUpdate(changed => {
        if (changed.some(uri => uri.path.endsWith('/svcbp.json'))) {
            settings.clearConfigFiles();
            void revalidateAll();
        }
    });
}
