import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Two cores here and on CI: Docker builds and tmux sessions do not like a crowd.
    maxWorkers: 2,
    minWorkers: 1,
    reporters: ['default', ['json', { outputFile: '.test-results/vitest.json' }]],
  },
});
