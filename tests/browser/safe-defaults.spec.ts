import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium, expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'

// A page on another site (evil.example, resolved to 127.0.0.1 by this browser only) against an
// emulator started like `npx v3io-emulator`: no access keys, no origin list (docs/emulator-safety.md).
let emulator: RunningEmulator
let site: Server
let browser: Browser

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
  await fetch(`${emulator.url}/bigdata/secret`, { method: 'PUT', body: 'the secret' })
  site = createServer((_, response) =>
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html>'),
  )
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP evil.example 127.0.0.1'],
  })
})

test.afterAll(async () => {
  await browser?.close()
  await emulator?.close()
  await new Promise((resolve) => site?.close(resolve))
})

test('a page on another site can neither read nor write the emulator', async () => {
  const page = await browser.newPage()
  await page.goto(`http://evil.example:${(site.address() as AddressInfo).port}/`)
  const outcome = await page.evaluate(async (endpoint) => {
    const attempt = async (init: RequestInit & { path: string }) => {
      try {
        const response = await fetch(`${endpoint}${init.path}`, { ...init, credentials: 'include' })
        return `status ${response.status}: ${await response.text()}`
      } catch (error) {
        return `refused: ${(error as Error).name}`
      }
    }
    return {
      read: await attempt({ path: '/bigdata/secret' }),
      write: await attempt({ path: '/bigdata/planted', method: 'PUT', body: 'x' }),
      // A "simple" request goes out without a preflight; its answer is opaque to the page.
      simpleWrite: await fetch(`${endpoint}/bigdata/planted-simple`, {
        method: 'POST',
        body: 'x',
        mode: 'no-cors',
        credentials: 'include',
      }).then((response) => response.type),
    }
  }, emulator.url)
  expect(outcome).toEqual({ read: 'refused: TypeError', write: 'refused: TypeError', simpleWrite: 'opaque' })
  // A PUT needs a preflight, which is refused; the simple POST reached the emulator and was refused.
  expect((await fetch(`${emulator.url}/bigdata/planted`)).status).toBe(404)
  expect((await fetch(`${emulator.url}/bigdata/planted-simple`)).status).toBe(404)
})

test('a rebound DNS name reaching the emulator directly is refused by the Host check', async () => {
  const page = await browser.newPage()
  const response = await page.goto(`http://evil.example:${emulator.port}/bigdata/secret`)
  expect(response?.status()).toBe(403)
  expect(await response?.json()).toEqual({
    ErrorCode: -1,
    ErrorMessage: 'Operation not permitted: host not allowed',
  })
})
