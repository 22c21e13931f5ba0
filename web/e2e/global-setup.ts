import { rmSync } from 'node:fs';
import { ensureWebAppBuilt, screenshotDir, startStack } from './support/stack.mjs';

/**
 * Builds the web app if it is missing or older than its sources, starts the real stack on free ports and
 * hands its URLs to the tests through the environment; the returned function stops it after the run.
 */
export default async function globalSetup() {
  // The folder shows the last run only.
  rmSync(screenshotDir, { recursive: true, force: true });
  ensureWebAppBuilt();
  const stack = await startStack();
  process.env.ITQAN_E2E_API_URL = stack.apiUrl;
  process.env.ITQAN_E2E_EMULATOR_URL = stack.emulatorUrl;
  return async () => {
    await stack.stop();
  };
}
