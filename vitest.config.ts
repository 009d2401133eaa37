import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The core runs in a worker thread in the tests as in the app: its test build is made once per run.
    globalSetup: ['tests/host/global-setup.ts'],
  },
});
