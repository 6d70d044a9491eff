import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'

// Issue 11's large objects and diagnostics in Chromium, through the CDN build against the emulator on
// another origin (a CORS call, preflighted: the X-v3io-client header must be allowed).
let emulator: RunningEmulator
let page: Server
let pageUrl: string

const html = `<!doctype html><html><head><meta charset="utf-8"><title>v3io transfers</title>
<script src="/cdn/v3io.global.js"></script></head><body></body></html>`
const cdnFiles = [
  'v3io.global.js',
  'v3io.ky.js',
  'v3io.xml-parser.js',
  'v3io.response-decoding.js',
  'v3io.fetch-transfer.js',
  'v3io.request-log.js',
  'v3io.attempt-hooks.js',
]

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0 })
  const files = new Map(
    cdnFiles.map((name) => [`/cdn/${name}`, readFileSync(new URL(`../../dist/${name}`, import.meta.url))]),
  )
  page = createServer((request, response) => {
    const file = files.get(request.url ?? '')
    if (file) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(file)
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(html)
  })
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://localhost:${(page.address() as AddressInfo).port}/`
})

test.afterAll(async () => {
  await emulator?.close()
  await new Promise((resolve) => page?.close(resolve))
})

test('uploads and downloads with progress, streams in both directions', async ({ page: browser }) => {
  await browser.goto(pageUrl)
  const size = 3 * 1024 * 1024 + 5
  const result = await browser.evaluate(
    async ({ endpoint, size }) => {
      const { v3io } = globalThis as unknown as { v3io: typeof import('../../src/index.js') }
      const lines: string[] = []
      const client = new v3io.Client({
        endpoint,
        accessKey: 'browser-access-key',
        logger: { debug: (line: string) => lines.push(line) },
      })
      const bytes = new Uint8Array(size)
      for (let index = 0; index < size; index++) bytes[index] = (index * 7) & 0xff
      const same = (actual: Uint8Array) => actual.length === size && actual.every((b, i) => b === bytes[i])
      const uploads: { loaded: number; total: number | undefined }[] = []
      const put = await client.putObject({
        container: 'bigdata',
        path: '/browser-big',
        body: bytes,
        onUploadProgress: (progress) => uploads.push(progress),
      })
      const downloads: { loaded: number; total: number | undefined }[] = []
      const got = await client.getObject({
        container: 'bigdata',
        path: '/browser-big',
        onDownloadProgress: (progress) => downloads.push(progress),
      })
      // A stream body: Chromium cannot stream it over HTTP/1.1, so the SDK reads it first.
      let offset = 0
      const source = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= size) return controller.close()
          controller.enqueue(bytes.slice(offset, offset + 500_000))
          offset += 500_000
        },
      })
      const streamUploads: { loaded: number; total: number | undefined }[] = []
      await client.putObject({
        container: 'bigdata',
        path: '/browser-streamed',
        body: source,
        onUploadProgress: (progress) => streamUploads.push(progress),
      })
      const streamed = await client.getObject({
        container: 'bigdata',
        path: '/browser-streamed',
        stream: true,
      })
      const reader = (streamed.output as ReadableStream<Uint8Array>).getReader()
      const chunks: Uint8Array[] = []
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        chunks.push(value)
      }
      const joined = new Uint8Array(await new Blob(chunks as BlobPart[]).arrayBuffer())
      return {
        put: put.statusCode,
        uploadLast: uploads.at(-1),
        uploadCount: uploads.length,
        downloadLast: downloads.at(-1),
        downloadCount: downloads.length,
        downloaded: same(got.body),
        streamUploadLast: streamUploads.at(-1),
        streamUploadCount: streamUploads.length,
        streamedBody: streamed.body.length,
        streamedChunks: chunks.length > 1,
        streamedSame: same(joined),
        logged: lines.length,
        firstLine: lines[0],
      }
    },
    { endpoint: emulator.url, size },
  )
  expect(result).toMatchObject({
    put: 200,
    uploadLast: { loaded: size, total: size },
    downloadLast: { loaded: size, total: size },
    downloaded: true,
    streamUploadLast: { loaded: size },
    streamedBody: 0,
    streamedChunks: true,
    streamedSame: true,
    logged: 4,
  })
  expect(result.downloadCount).toBeGreaterThan(1)
  expect(result.streamUploadCount).toBeGreaterThan(1)
  expect(result.uploadCount).toBeGreaterThanOrEqual(2)
  expect(result.firstLine).toMatch(
    /^v3io PutObject PUT http:\/\/127\.0\.0\.1:\d+\/bigdata\/browser-big → 200 in/,
  )
})

test('sends X-v3io-client through the CORS preflight, and a header a hook added', async ({
  page: browser,
}) => {
  await browser.goto(pageUrl)
  const sent: Record<string, string | undefined>[] = []
  browser.on('request', (request) => {
    if (request.url().includes('/bigdata/hooked') && request.method() === 'PUT')
      sent.push({ client: request.headers()['x-v3io-client'], key: request.headers()['x-v3io-session-key'] })
  })
  const status = await browser.evaluate(async (endpoint) => {
    const { v3io } = globalThis as unknown as { v3io: typeof import('../../src/index.js') }
    const client = new v3io.Client({
      endpoint,
      authenticate: false,
      hooks: {
        beforeRequest: (request) => {
          request.headers['X-v3io-session-key'] = 'added-by-a-hook'
        },
      },
    })
    return (await client.putObject({ container: 'bigdata', path: '/hooked', body: 'x' })).statusCode
  }, emulator.url)
  expect(status).toBe(200)
  expect(sent).toEqual([{ client: expect.stringMatching(/^v3io-js\/\d+\.\d+\.\d+/), key: 'added-by-a-hook' }])
})

test("a stream's contentLength, and a caller's signal cancelling a streamed download and a stream upload", async ({
  page: browser,
}) => {
  await browser.goto(pageUrl)
  const result = await browser.evaluate(async (endpoint) => {
    const { v3io } = globalThis as unknown as { v3io: typeof import('../../src/index.js') }
    const client = new v3io.Client({ endpoint, accessKey: 'browser-access-key' })
    const container = 'bigdata'
    /** A stream of the given chunk sizes; with `stall`, it then waits for more that never come. */
    const chunks = (sizes: number[], stall = false) => {
      const state = { cancelled: undefined as unknown, pulled: 0 }
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            const size = sizes[state.pulled]
            if (size === undefined) {
              if (stall) return new Promise<void>(() => undefined)
              return controller.close()
            }
            state.pulled += 1
            controller.enqueue(new Uint8Array(size).fill(state.pulled))
          },
          cancel(reason) {
            state.cancelled = String(reason)
          },
        },
        { highWaterMark: 0 },
      )
      return { stream, state }
    }
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => undefined,
        (error: Error & { parameter?: string }) => ({
          validation: error instanceof v3io.ValidationError,
          aborted: error instanceof v3io.RequestAbortedError,
          parameter: error.parameter,
          message: error.message,
        }),
      )

    // contentLength: the declared total in the progress, and a stream too long stores nothing.
    const progress: { loaded: number; total: number | undefined }[] = []
    await client.putObject({
      container,
      path: '/browser-declared',
      body: chunks([400_000, 100_000]).stream,
      contentLength: 500_000,
      onUploadProgress: (each) => progress.push(each),
    })
    const declared = (await client.getObject({ container, path: '/browser-declared' })).body.length
    const tooLong = await failure(
      client.putObject({
        container,
        path: '/browser-declared',
        body: chunks([400_000, 100_000, 1]).stream,
        contentLength: 500_000,
      }),
    )
    const afterTooLong = (await client.getObject({ container, path: '/browser-declared' })).body.length

    // A streamed download, cancelled by the caller's signal after its headers arrived.
    await client.putObject({ container, path: '/browser-abort', body: new Uint8Array(4 * 1024 * 1024) })
    const downloading = new AbortController()
    const { output } = await client.getObject({
      container,
      path: '/browser-abort',
      stream: true,
      signal: downloading.signal,
    })
    const reader = (output as ReadableStream<Uint8Array>).getReader()
    const first = (await reader.read()).value?.length ?? 0
    downloading.abort(new Error('closed by the user'))
    const download = await failure(
      (async () => {
        for (;;) if ((await reader.read()).done) return
      })(),
    )

    // A stream upload in flight (Chromium reads it whole before sending), cancelled by the caller's signal.
    const uploading = new AbortController()
    const stalled = chunks([100_000, 100_000], true)
    const upload = client.putObject({
      container,
      path: '/browser-upload-abort',
      body: stalled.stream,
      signal: uploading.signal,
    })
    while (stalled.state.pulled < 2) await new Promise((resolve) => setTimeout(resolve, 10))
    uploading.abort(new Error('upload cancelled'))
    const uploadFailure = await failure(upload)
    const stored = await client.getObject({
      container,
      path: '/browser-upload-abort',
      raiseForStatus: 'never',
    })
    return {
      lastProgress: progress.at(-1),
      totals: [...new Set(progress.map((each) => each.total))],
      declared,
      tooLong,
      afterTooLong,
      first,
      download,
      upload: uploadFailure,
      sourceCancelled: stalled.state.cancelled,
      stored: stored.statusCode,
    }
  }, emulator.url)
  expect(result).toEqual({
    lastProgress: { loaded: 500_000, total: 500_000 },
    totals: [500_000],
    declared: 500_000,
    tooLong: {
      validation: true,
      aborted: false,
      parameter: 'contentLength',
      message: 'Invalid contentLength: declares 500000 bytes, but the body stream yielded more',
    },
    afterTooLong: 500_000,
    first: expect.any(Number),
    download: {
      validation: false,
      aborted: true,
      parameter: undefined,
      message: `GetObject GET ${emulator.url}/bigdata/browser-abort was aborted`,
    },
    upload: {
      validation: false,
      aborted: true,
      parameter: undefined,
      message: `PutObject PUT ${emulator.url}/bigdata/browser-upload-abort was aborted`,
    },
    sourceCancelled: 'Error: upload cancelled',
    stored: 404,
  })
  expect(result.first).toBeGreaterThan(0)
})
