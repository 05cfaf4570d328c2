import { defineConfig } from 'vitest/config';

/** The end-to-end suites: a real VS Code (code-server) in headless Chromium, one at a time. */
export default defineConfig({
    test: {
        include: ['tests/e2e/**/*.e2e.ts'],
        testTimeout: 60_000,
        hookTimeout: 180_000,
        fileParallelism: false,
        pool: 'forks'
    }
});
