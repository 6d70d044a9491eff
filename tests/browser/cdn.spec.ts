import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'

// The page and the emulator listen on different ports: different origins, so every call is a CORS call.
let emulator: RunningEmulator
let page: Server
let pageUrl: string

// The script lives under /cdn/, as on unpkg, beside the files it imports on demand (ky with the first
// request, the XML parser with the first listing): a classic script resolves import() against its own
// URL, so serving them under /cdn/ only also proves that they are not looked up beside the page.
const html = `<!doctype html><html><head><meta charset="utf-8"><title>v3io CDN</title>
<script src="/cdn/v3io.global.js"></script></head><body><pre id="out"></pre></body></html>`
const cdnFiles = [
  'v3io.global.js',
  'v3io.ky.js',
  'v3io.xml-parser.js',
  'v3io.reading-engine.js',
  'v3io.response-decoding.js',
]
const served: string[] = []

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
  const files = new Map(
    cdnFiles.map((name) => [`/cdn/${name}`, readFileSync(new URL(`../../dist/${name}`, import.meta.url))]),
  )
  page = createServer((request, response) => {
    const file = files.get(request.url ?? '')
    if (file) {
      served.push(request.url ?? '')
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file)
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
    }
  })
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await emulator?.close()
  await new Promise((resolve) => page?.close(resolve))
})

test('the CDN build defines the global v3io with the dataplane namespace', async ({ page: browser }) => {
  await browser.goto(pageUrl)
  const shape = await browser.evaluate(() => {
    const sdk = (globalThis as unknown as { v3io: Record<string, unknown> }).v3io
    return {
      client: typeof sdk.Client,
      dataplane: (sdk.dataplane as { Client: unknown }).Client === sdk.Client,
      never: (sdk.RaiseForStatus as { never: string }).never,
      nodeGlobals: [
        typeof (globalThis as { process?: unknown }).process,
        typeof (globalThis as { Buffer?: unknown }).Buffer,
      ],
    }
  })
  expect(shape).toEqual({
    client: 'function',
    dataplane: true,
    never: 'never',
    nodeGlobals: ['undefined', 'undefined'],
  })
})

test('runs the seed object example against the emulator on another origin', async ({ page: browser }) => {
  const messages: string[] = []
  browser.on('console', (message) => messages.push(message.text()))
  await browser.goto(pageUrl)
  const result = await browser.evaluate(async (endpoint) => {
    const { v3io } = globalThis as unknown as { v3io: typeof import('../../src/index.js') }
    const client = new v3io.dataplane.Client({ endpoint, accessKey: 'browser-access-key' })
    const containers = await client.getContainers()
    await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
    const response = await client.getObject({ container: 'users', path: '/my-object' })
    const text = new TextDecoder().decode(response.body)
    console.log(text)
    const head = await client.headObject({ container: 'users', path: '/my-object' })
    const ranged = await client.getObject({ container: 'users', path: '/my-object', offset: 7, numBytes: 5 })
    await client.deleteObject({ container: 'users', path: '/my-object' })
    const error = await client
      .getObject({ container: 'users', path: '/my-object' })
      .catch((caught: unknown) => caught)
    return {
      containers: containers.output.containers.map((container) => container.name),
      text,
      size: head.output.size,
      verifier: head.headers.get('X-v3io-transaction-verifier') !== null,
      ranged: [ranged.statusCode, new TextDecoder().decode(ranged.body), ranged.headers.get('content-range')],
      error: [
        error instanceof v3io.HttpResponseError,
        (error as { statusCode: number }).statusCode,
        (error as { errorMessage: string }).errorMessage,
      ],
    }
  }, emulator.url)
  expect(result).toEqual({
    containers: ['bigdata', 'users'],
    text: 'hello, there',
    size: 12,
    verifier: true,
    ranged: [206, 'there', 'bytes 7-11/12'],
    error: [true, 404, 'No such file or directory'],
  })
  expect(messages).toContain('hello, there')
})

test('runs the seed key-value and stream examples in the browser', async ({ page: browser }) => {
  await browser.goto(pageUrl)
  const result = await browser.evaluate(async (endpoint) => {
    const { v3io } = globalThis as unknown as { v3io: typeof import('../../src/index.js') }
    const client = new v3io.Client({ endpoint, accessKey: 'browser-access-key' })
    const people = {
      bob: { age: 42, feature: 'mustache' },
      linda: { age: 41, feature: 'singing' },
      louise: { age: 9 },
    }
    for (const [key, attributes] of Object.entries(people))
      await client.putItem({ container: 'users', path: `/bobs-burgers/${key}`, attributes })
    const adults: string[] = []
    const cursor = client.newItemsCursor({
      container: 'users',
      path: '/bobs-burgers/',
      attributeNames: ['__name', 'age'],
      filterExpression: v3io.expr`age > ${15}`,
    })
    for await (const item of cursor) adults.push(String(item.__name))
    await client.createStream({ container: 'users', path: '/browser-stream', shardCount: 2 })
    await client.putRecords({
      container: 'users',
      path: '/browser-stream',
      records: [
        { shardId: 1, data: 'first shard record #1' },
        { shardId: 1, data: new Uint8Array([0, 255, 128]) },
      ],
    })
    const seek = await client.seekShard({
      container: 'users',
      path: '/browser-stream/1',
      seekType: 'EARLIEST',
    })
    const read = await client.getRecords({
      container: 'users',
      path: '/browser-stream/1',
      location: seek.output.location,
    })
    await client.deleteStream({ container: 'users', path: '/browser-stream' })
    await client.deleteTable({ container: 'users', path: '/bobs-burgers' })
    return {
      adults: adults.sort(),
      records: read.output.records.map((record) => Array.from(record.data)),
      first: new TextDecoder().decode(read.output.records[0]?.data),
    }
  }, emulator.url)
  expect(result).toEqual({
    adults: ['bob', 'linda'],
    records: [Array.from(new TextEncoder().encode('first shard record #1')), [0, 255, 128]],
    first: 'first shard record #1',
  })
})

test('fetched ky, the XML parser and the response decoders from beside the script when needed', () => {
  // The pages above sent requests, read JSON answers and listed containers, so each loaded those on-demand files; they
  // also deleted a stream and a table, which the reading engine does.
  expect([...new Set(served)].filter((url) => url !== '/cdn/v3io.global.js').sort()).toEqual([
    '/cdn/v3io.ky.js',
    '/cdn/v3io.reading-engine.js',
    '/cdn/v3io.response-decoding.js',
    '/cdn/v3io.xml-parser.js',
  ])
})
