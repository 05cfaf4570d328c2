import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, offline (flags from ../shared/notes/TOOLCHAIN.md); Playwright gives
 * it a fresh temporary profile. Never downloads a browser. Its home is a temporary folder too
 * (Chromium writes `~/.config/chromium` and dconf's cache whatever the profile), removed when the
 * browser closes.
 */
export async function launchChromium(): Promise<Browser> {
    const home = mkdtempSync(join(tmpdir(), 'svcbp-chromium-'));
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), XDG_CACHE_HOME: join(home, 'cache') },
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'
        ]
    });
    browser.on('disconnected', () => rmSync(home, { recursive: true, force: true }));
    return browser;
}
