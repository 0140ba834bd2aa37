// vitest config for the long fuzz run only (scripts/fuzz.mjs); `npm test` never picks it up.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/fuzz/fuzz.long.ts', 'test/fuzz/hostile.property.test.ts'],
    // Progress lines go straight to the terminal instead of being buffered per test.
    disableConsoleIntercept: true,
    testTimeout: 24 * 60 * 60 * 1000,
  },
});
