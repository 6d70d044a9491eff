import { mkdirSync } from 'node:fs'
import { expect, type Page } from '@playwright/test'

/** Where the suite saves the screenshots the README shows. */
const screenshots = new URL('../../docs/console/', import.meta.url)

/** Opens the console served by the emulator and connects with an access key, as a user does. */
export async function openConsole(page: Page, url: string, hash = ''): Promise<void> {
  await page.goto(`${url}/console/`)
  await expect(page.locator('#endpoint')).toHaveValue(url)
  await page.locator('#access-key').fill('console-access-key')
  await page.getByRole('button', { name: 'Connect' }).click()
  await expect(page.locator('.containers a').first()).toBeVisible()
  if (hash) await page.evaluate((next) => (location.hash = next), hash)
}

/**
 * Saves the page as docs/console/<name>-light.png and <name>-dark.png, switching with the theme button
 * (the page starts light: Playwright's default color scheme) and back.
 */
export async function screenshotThemes(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true })
  const root = page.locator('html')
  await expect(root).toHaveAttribute('data-theme', 'light')
  await page.screenshot({ path: new URL(`${name}-light.png`, screenshots).pathname, fullPage: true })
  await page.getByRole('button', { name: 'Dark theme' }).click()
  await expect(root).toHaveAttribute('data-theme', 'dark')
  await page.screenshot({ path: new URL(`${name}-dark.png`, screenshots).pathname, fullPage: true })
  await page.getByRole('button', { name: 'Light theme' }).click()
}

/** Whether the page scrolls sideways (it must not, down to 400 px). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth),
  )
}
