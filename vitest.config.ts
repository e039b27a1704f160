import { defineConfig } from 'vitest/config';
import swc from 'unplugin-swc';
import { resolve } from 'node:path';

// One config for the unit tiers (libs, api services, chart builders) and the
// integration tier in test/ (real PostgreSQL / PGlite) and the browser tier
// (Chromium driving the built dashboard).
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  resolve: {
    alias: {
      '@app/scoring': resolve(__dirname, 'libs/scoring/src/index.ts'),
      '@app/contracts': resolve(__dirname, 'libs/contracts/src/index.ts'),
      '@app/charts': resolve(__dirname, 'libs/charts/src/index.ts'),
      '@app/periods': resolve(__dirname, 'libs/periods/src/index.ts'),
    },
  },
  test: {
    include: ['libs/*/src/**/*.test.ts', 'apps/api/src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/lint/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
