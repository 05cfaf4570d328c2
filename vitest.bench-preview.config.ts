import { defineConfig } from 'vitest/config';

/** `npm run bench:preview`: the preview's latency in a real VS Code (a benchmark, not a test). */
export default defineConfig({
    test: {
        include: ['bench/preview-latency.e2e-bench.ts'],
        hookTimeout: 180_000,
        pool: 'forks'
    }
});
