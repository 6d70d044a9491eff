import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client } from '../../src/index.js'
import { openConsole } from './console-support.js'

// The console gets the SDK from the CDN build the emulator serves under /_console/ (docs/console.md):
// offline (nothing outside the emulator's origin is reachable here), under the page's CSP, and the SDK's
// on-demand files (the XML parser for listings, the transfer code for uploads) load the same way.
let emulator: RunningEmulator

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0, console: true })
  const client = new Client({ endpoint: emulator.url, accessKey: 'any' })
  await client.putObject({ container: 'users', path: '/scripts-dir/a.txt', body: 'a' })
})

test.afterAll(async () => {
  await emulator?.close()
})

test('loads the SDK and its on-demand files from the emulator only, with no CSP violation', async ({
  page,
}) => {
  const origin = new URL(emulator.url).origin
  const foreign: string[] = []
  await page.route('**/*', (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue()
    foreign.push(route.request().url())
    return route.abort('internetdisconnected')
  })
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    )
  })

  await openConsole(page, emulator.url)
  await page.locator('.containers a', { hasText: 'users' }).click()
  await page.getByRole('link', { name: 'scripts-dir/' }).click()
  await expect(page.getByRole('link', { name: 'a.txt' })).toBeVisible()

  expect(scripts[0]).toBe('/_console/v3io.global.js')
  expect(scripts).toContain('/_console/v3io.xml-parser.js')
  expect(scripts.every((path) => path.startsWith('/_console/v3io.'))).toBe(true)
  expect(errors).toEqual([])
  expect(foreign).toEqual([])
})

test('says so when the SDK cannot be loaded, instead of showing an empty page', async ({ page }) => {
  await page.route('**/_console/v3io.global.js', (route) => route.abort('internetdisconnected'))
  await page.goto(`${emulator.url}/console/`)
  await expect(page.locator('body')).toContainText('could not load the SDK')
})
