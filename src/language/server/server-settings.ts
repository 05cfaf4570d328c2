import type { LangiumSharedServices } from 'langium/lsp';
import type { SvcbpCoreServices } from '../svcbp-module.js';

/**
 * Keeps the check severities in step with the editor's `svcbp.checks` setting and with
 * `svcbp.json` files, and re-validates every document when either changes.
 */
export function watchCheckSettings(shared: LangiumSharedServices, services: SvcbpCoreServices): void {
    const settings = services.checks.CheckSettings;
    const configuration = shared.workspace.ConfigurationProvider;
    // Through the workspace lock, like every other build: a second build beside the one running
    // (the start-up build, as the settings arrive) would link documents the other is resetting.
    const revalidateAll = () => shared.workspace.WorkspaceLock.write(token => {
        const uris = shared.workspace.LangiumDocuments.all.map(doc => doc.uri).toArray();
        return shared.workspace.DocumentBuilder.update(uris, [], token);
    });
    const logProblems = () => {
        for (const problem of settings.problems.splice(0)) shared.lsp.Connection?.console.warn(problem);
    };
    let applied = JSON.stringify({});
    /** Takes the setting's checks; answers whether they changed what the checks report. */
    const apply = (checks: unknown): boolean => {
        const key = JSON.stringify(checks ?? {});
        if (key === applied) return false;
        applied = key;
        settings.setOverrides(checks ?? {}, 'svcbp.checks setting');
        logProblems();
        return true;
    };
    configuration.onConfigurationSectionUpdate(({ section, configuration: value }) => {
        if (section === 'svcbp' && apply((value as { checks?: unknown } | undefined)?.checks)) void revalidateAll();
    });
    void configuration.ready.then(async () => {
        if (apply(await configuration.getConfiguration('svcbp', 'checks'))) await revalidateAll();
    });
    shared.workspace.DocumentBuilder.onUpdate(changed => {
        if (changed.some(uri => uri.path.endsWith('/svcbp.json'))) {
            settings.clearConfigFiles();
            void revalidateAll();
        }
    });
}
