import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, offline (flags from ../shared/notes/TOOLCHAIN.md); Playwright gives
 * it a fresh temporary profile. Never downloads a browser.
 */
export async function launchChromium(): Promise<Browser> {
    return chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'
        ]
    });
}
