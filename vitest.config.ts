import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts'],
        // Object.groupBy for Langium on Node 20, before any test file imports it.
        setupFiles: ['./scripts/polyfills.cjs'],
        globalSetup: ['./tests/global-setup.ts'],
        testTimeout: 30_000,
        pool: 'forks'
    }
});
