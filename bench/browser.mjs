/**
 * The browser row: Playwright drives Chromium, which loads the built CDN bundle (`dist/v3io.global.js`)
 * from a page on another origin than the emulator (so every call is a CORS call, as in production) and
 * runs, in the page, GetItem and PutItem batches through the SDK's default transport, through
 * `fetchTransport()` (bare `fetch`), and a raw `fetch` loop sending the same requests
 * (`client.describe`, encoded before timing), all at the browser's own connection limit (6 per host
 * for HTTP/1.1 in Chromium).
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'

/** Chromium's limit of HTTP/1.1 connections per host: the concurrency of every browser variant. */
export const browserConcurrency = 6

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Runs in the page: every variant of every workload, `rounds` times in turn; the best run of each. */
async function inPage({ endpoint, accessKey, operations, rounds, concurrency }) {
  const { v3io } = globalThis
  const container = 'bigdata'
  const keys = 500
  const attributes = (index) => ({
    name: `item-${index}`,
    age: 20 + (index % 50),
    score: index / 7,
    active: index % 2 === 0,
    city: 'Tel Aviv',
  })
  const workloads = [
    {
      name: 'PutItem',
      method: 'putItem',
      operation: v3io.kvOperations.putItem,
      options: (index) => ({
        container,
        path: `bench/browser/k${index % keys}`,
        attributes: attributes(index % keys),
      }),
    },
    {
      name: 'GetItem',
      method: 'getItem',
      operation: v3io.kvOperations.getItem,
      options: (index) => ({ container, path: `bench/browser/k${index % keys}` }),
    },
  ]
  const newClient = (transport) =>
    new v3io.Client({ endpoint, accessKey, maxConnections: concurrency, ...(transport ? { transport } : {}) })
  const clients = { default: newClient(), fetch: newClient(v3io.fetchTransport()) }
  const sdkRun = async (client, workload, count) => {
    const batch = client.createBatch()
    for (let index = 0; index < count; index++) batch[workload.method](workload.options(index))
    await batch.wait()
  }
  const rawRun = async (requests, count) => {
    let next = 0
    const worker = async () => {
      while (next < count) {
        const request = requests[next++ % requests.length]
        const response = await fetch(
          `${endpoint}${request.path}${request.query ? `?${request.query}` : ''}`,
          {
            method: request.method,
            headers: { ...request.headers, 'X-v3io-session-key': accessKey },
            body: request.body,
          },
        )
        await response.arrayBuffer()
        if (response.status >= 300) throw new Error(`raw request failed with ${response.status}`)
      }
    }
    await Promise.all(Array.from({ length: concurrency }, worker))
  }
  const rows = []
  for (const workload of workloads) {
    const requests = Array.from({ length: keys }, (_, index) =>
      clients.default.describe(workload.operation, workload.options(index)),
    )
    const run = (variant, count) =>
      variant === 'raw' ? rawRun(requests, count) : sdkRun(clients[variant], workload, count)
    const variants = ['raw', 'default', 'fetch']
    for (const variant of variants) await run(variant, keys)
    const best = { raw: 0, default: 0, fetch: 0 }
    for (let round = 0; round < rounds; round++)
      for (const variant of variants) {
        const started = performance.now()
        await run(variant, operations)
        best[variant] = Math.max(best[variant], operations / ((performance.now() - started) / 1000))
      }
    rows.push({ workload: workload.name, ...best })
  }
  return { rows, userAgent: navigator.userAgent }
}

/** Measures the browser row; `undefined` (with the reason logged) when Chromium is not available. */
export async function browserRows({ endpoint, accessKey, operations, rounds, log }) {
  let chromium
  try {
    ;({ chromium } = await import('playwright-core'))
  } catch (error) {
    log(`browser row skipped: playwright-core is not installed (${error.message})`)
    return undefined
  }
  // The CDN script and the files it imports on demand from beside itself (ky, the XML parser, the
  // stream reading engine).
  const scripts = new Map()
  for (const name of ['v3io.global.js', 'v3io.ky.js', 'v3io.xml-parser.js', 'v3io.reading-engine.js'])
    scripts.set(`/${name}`, await readFile(new URL(`../dist/${name}`, import.meta.url)))
  const page = createServer((request, response) => {
    const script = scripts.get(request.url ?? '')
    if (script) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script)
    else
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><script src="/v3io.global.js"></script>')
  })
  await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve))
  let browser
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumFlags })
    const tab = await browser.newPage()
    await tab.goto(`http://localhost:${page.address().port}/`)
    const result = await tab.evaluate(inPage, {
      endpoint,
      accessKey,
      operations,
      rounds,
      concurrency: browserConcurrency,
    })
    return { ...result, operations }
  } catch (error) {
    log(`browser row skipped: ${error.message.split('\n')[0]}`)
    return undefined
  } finally {
    await browser?.close()
    await new Promise((resolve) => page.close(resolve))
  }
}

// Run alone (`npm run build && node bench/browser.mjs [operations]`): the browser row only, against an
// emulator in this process, printed as ratios; `npm run bench` runs it as part of the whole report.
if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) {
  const { startEmulator } = await import('../dist/emulator/index.js')
  const emulator = await startEmulator({ port: 0 })
  try {
    const operations = Number(process.argv[2] ?? 1000)
    const result = await browserRows({
      endpoint: emulator.url,
      accessKey: 'bench-access-key',
      operations,
      rounds: 3,
      log: console.log,
    })
    for (const row of result?.rows ?? [])
      console.log(
        `${row.workload}: raw fetch ${row.raw.toFixed(0)}/s, fetchTransport ${row.fetch.toFixed(0)}/s, default ${row.default.toFixed(0)}/s; default ÷ bare fetch ${(row.default / row.fetch).toFixed(2)}, bare fetch ÷ raw ${(row.fetch / row.raw).toFixed(2)}`,
      )
  } finally {
    await emulator.close()
  }
}
