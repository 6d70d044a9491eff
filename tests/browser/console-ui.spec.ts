import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client } from '../../src/index.js'
import { horizontalOverflow, openConsole, screenshotThemes } from './console-support.js'

// What the console promises besides data: the access key stays in session storage, keyboard use, small
// screens, no layout shift, two themes.
let emulator: RunningEmulator

test.beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    console: true,
    accessKeys: ['the-right-key', 'console-access-key'],
  })
  const client = new Client({ endpoint: emulator.url, accessKey: 'the-right-key' })
  const items: Record<string, Record<string, number | string>> = {}
  for (let index = 0; index < 60; index++)
    items[`row-${index}`] = { index, note: `a rather long note number ${index}` }
  await client.putItems({ container: 'users', path: '/ui-table/', items })
  await client.createStream({ container: 'users', path: '/ui-stream', shardCount: 2 })
})

test.afterAll(async () => {
  await emulator?.close()
})

test('connects by keyboard; the access key lives in session storage only', async ({ page }) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(`${emulator.url}/console/`)
  await screenshotThemes(page, 'connect')
  // Tab order: endpoint, access key, Connect.
  await page.locator('#endpoint').focus()
  await page.keyboard.press('Tab')
  await expect(page.locator('#access-key')).toBeFocused()
  await page.keyboard.type('a-wrong-key')
  await page.keyboard.press('Enter')
  await expect(page.locator('.status')).toHaveText(/^401/)
  await page.locator('#access-key').fill('the-right-key')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Connect' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('.containers a').first()).toBeVisible()

  const storage = await page.evaluate(() => ({
    session: JSON.stringify({ ...sessionStorage }),
    local: JSON.stringify({ ...localStorage }),
    cookies: document.cookie,
  }))
  expect(storage.session).toContain('the-right-key')
  expect(storage.local).not.toContain('key')
  expect(storage.cookies).toBe('')
  expect(requests.some((url) => url.includes('right-key') || url.includes('wrong-key'))).toBe(false)
  expect(page.url()).not.toContain('key')

  // Keyboard: Tab from the top reaches a container link, Enter opens it.
  await page.locator('body').focus()
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press('Tab')
    if (
      await page
        .getByRole('link', { name: 'users', exact: true })
        .evaluate((link) => link === document.activeElement)
    )
      break
  }
  await page.keyboard.press('Enter')
  await expect(page.locator('h1')).toHaveText('users/')

  // A reload keeps the session; Disconnect forgets the key.
  await page.reload()
  await expect(page.locator('h1')).toHaveText('users/')
  await page.getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.locator('#access-key')).toHaveValue('')
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain('the-right-key')
})

test('the theme button switches themes and the choice survives a reload', async ({ page }) => {
  await openConsole(page, emulator.url)
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-theme', 'light')
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const light = await background()
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await expect(root).toHaveAttribute('data-theme', 'dark')
  expect(await background()).not.toBe(light)
  await page.reload()
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await expect(page.getByRole('button', { name: 'Light theme' })).toHaveAttribute('aria-pressed', 'true')
})

test('a 400-pixel-wide screen never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 400, height: 800 })
  await openConsole(page, emulator.url)
  expect(await horizontalOverflow(page)).toBe(0)
  for (const [hash, ready] of [
    ['#/directory/users/', 'table.listing tbody tr'],
    ['#/table/users/ui-table/', 'table.items tbody tr'],
    ['#/stream/users/ui-stream/', 'table.shards tbody tr'],
  ] as const) {
    await page.evaluate((next) => (location.hash = next), hash)
    await expect(page.locator(ready).first()).toBeVisible()
    expect(await horizontalOverflow(page), hash).toBe(0)
  }
  await page.evaluate(() => (location.hash = '#/table/users/ui-table/'))
  await page.locator('table.items tbody th button').first().click()
  await expect(page.getByRole('region', { name: /^Item row-/ })).toBeVisible()
  expect(await horizontalOverflow(page)).toBe(0)
  await page.screenshot({ path: new URL('../../docs/console/table-narrow.png', import.meta.url).pathname })
})

test('loading a table shifts no layout', async ({ page }) => {
  await openConsole(page, emulator.url)
  await page.evaluate(() => {
    const shifts: number[] = []
    ;(globalThis as { shifts?: number[] }).shifts = shifts
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number
        hadRecentInput: boolean
      })[]) {
        if (!entry.hadRecentInput) shifts.push(entry.value)
      }
    }).observe({ type: 'layout-shift' })
    location.hash = '#/table/users/ui-table/'
  })
  await expect(page.locator('.status')).toHaveText('Page 1: items 1–50')
  await page.waitForTimeout(300)
  const total = await page.evaluate(() =>
    (globalThis as { shifts?: number[] }).shifts?.reduce((sum, value) => sum + value, 0),
  )
  // Web Vitals call a cumulative layout shift under 0.1 good; the controls above the table never move.
  expect(total).toBeLessThan(0.1)
})
