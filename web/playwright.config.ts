import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: Debian's Chromium (headless) against the real stack that e2e/global-setup.ts starts
 * (PostgreSQL, LiveKit emulator, the API serving the built web app). `npm run e2e`.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  globalSetup: './e2e/global-setup.ts',
  // One browser at a time: the machine has two cores and the API, the emulator and PostgreSQL need them too.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    // baseURL comes from the stack (see e2e/fixtures.ts); the browser is the system's Chromium.
    browserName: 'chromium',
    headless: true,
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
        // Media must play without a user gesture in a headless run.
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
  },
});
