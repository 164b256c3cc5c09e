import { defineConfig } from 'vitest/config';

// One config for the UI build (addon-ui → dist/ui, content-hashed, served under /ui/) and for vitest.
export default defineConfig({
  root: 'addon-ui',
  base: '/ui/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    manifest: true,
    target: 'es2020',
    cssCodeSplit: true,
    rollupOptions: { input: { panel: 'addon-ui/src/main.tsx' } },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/helpers/summary-reporter.ts'],
  },
});
