// The vitest configuration StrykerJS uses: only test/mutation-suite.ts, the fast
// core unit tests in one file (see there).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/mutation-suite.ts'],
    testTimeout: 60_000,
  },
});
