import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, normalize } from 'node:path'
import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'

// The page imports the package's ESM build (dist/index.js) and calls the emulator on another port: another
// origin of the same site, as a dashboard beside its gateway. The browser keeps the session cookie.
let emulator: RunningEmulator
let page: Server
let pageUrl: string
let emulatorUrl: string

const dist = new URL('../../dist/', import.meta.url)
const html =
  '<!doctype html><html><head><meta charset="utf-8"><title>v3io control plane</title></head><body></body></html>'

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0, users: { alice: 'wonderland' }, accessKeys: ['startup-key'] })
  emulatorUrl = `http://localhost:${emulator.port}`
  page = createServer((request, response) => {
    const path = normalize(request.url ?? '/')
    if (path.startsWith('/dist/') && extname(path) === '.js') {
      try {
        const file = readFileSync(new URL(path.slice('/dist/'.length), dist))
        response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file)
      } catch {
        response.writeHead(404).end()
      }
      return
    }
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
  })
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await emulator?.close()
  await new Promise((resolve) => page?.close(resolve))
})

test('logs in with a password; the browser keeps the cookie when requests include credentials', async ({
  page: browser,
}) => {
  await browser.goto(pageUrl)
  const result = await browser.evaluate(async (endpoint) => {
    const sdk = await import('/dist/index.js' as string)
    const withCredentials: typeof fetch = (input, init) => fetch(input, { ...init, credentials: 'include' })
    const cp = new sdk.controlplane.Client({
      endpoint,
      username: 'alice',
      password: 'wonderland',
      transport: sdk.fetchTransport(withCredentials),
    })
    const self = await cp.self()
    const created = await cp.createContainer({ name: 'from-a-browser' })
    const names = (await cp.listContainers()).output.containers.map(
      (container: { name: string }) => container.name,
    )
    await cp.deleteContainer({ id: created.output.id })
    // An access key cannot travel: `Cookie` is a forbidden header, and without credentials there is no session.
    const keyed = new sdk.controlplane.Client({
      endpoint,
      accessKey: 'startup-key',
      transport: sdk.fetchTransport(),
    })
    const refused = await keyed.self().then(
      () => 'accepted',
      (error: { statusCode?: number; name: string }) => `${error.name} ${error.statusCode}`,
    )
    return {
      username: self.output.username,
      created: created.statusCode,
      names,
      refused,
      cookie: document.cookie,
    }
  }, emulatorUrl)
  expect(result).toEqual({
    username: 'alice',
    created: 201,
    names: ['bigdata', 'from-a-browser', 'users'],
    refused: 'ControlPlaneError 401',
    // HttpOnly, and the emulator's: never readable by the page.
    cookie: '',
  })
})
