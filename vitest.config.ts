import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{bot,scenarios,evaluators,cli,test}/**/*.test.ts'],
    // Server and browser tests start real processes; give them room on 2-core machines.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A throw-away PostgreSQL cluster when DATABASE_URL is not set (or one line saying why not).
    globalSetup: ['test/support/postgres-global-setup.ts'],
    // The JSON report gives CI its closing 'N passed, N failed' line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test/artifacts/vitest.json' },
  },
});
