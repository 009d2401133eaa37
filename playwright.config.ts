import { defineConfig } from '@playwright/test';

/** Debian's Chromium (Playwright's own browser download is not available here). */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  // The core runs in a worker thread behind the bridge as in the app: its test build is made once per run.
  globalSetup: './tests/host/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  outputDir: 'test-results',
  use: {
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    trace: 'retain-on-failure',
    // No fades: a screen is checked (axe, screenshots) as it finally looks; the theme honours it.
    reducedMotion: 'reduce',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testMatch: /e2e-web\/.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=pl'],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /e2e-electron\/.*\.spec\.ts/,
    },
  ],
});
