import { defineConfig } from '@playwright/test'

/**
 * Browser tests run in Debian's Chromium (Playwright's own browser downloads are not available here);
 * `scripts/ensure-chromium.mjs` installs it. The page under test loads the CDN build from `dist/`.
 */
export default defineConfig({
  testDir: 'tests/browser',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  reporter: [['list']],
  workers: 1,
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
})
