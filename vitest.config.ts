import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the compiled CLI, so compile it from the current sources first.
    globalSetup: ['test/setup/compile.ts'],
    // The usual summary, then every skipped test with the reason it was skipped.
    reporters: ['default', './test/support/skip-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
