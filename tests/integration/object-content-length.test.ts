import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  Client,
  fetchTransport,
  kyTransport,
  type TransferProgress,
  type Transport,
  ValidationError,
} from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// putObject({ body: stream, contentLength }): the stream goes out with Content-Length instead of chunked,
// upload progress has a total, and a stream yielding more or fewer bytes than declared fails the call
// with a ValidationError while the stored object stays as it was (docs/decisions-io.md, IO-1), through
// each transport against the emulator over HTTP.

const node = nodeHttpTransport()
const transports: [string, () => Transport][] = [
  ['nodeHttpTransport', () => node],
  ['fetchTransport', () => fetchTransport()],
  ['kyTransport', () => kyTransport()],
]

/** A stream of the given chunk sizes, chunk `n` filled with `n + 1`. */
function chunks(...sizes: number[]): ReadableStream<Uint8Array> {
  let next = 0
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = sizes[next]
      if (size === undefined) return controller.close()
      next += 1
      controller.enqueue(new Uint8Array(size).fill(next))
    },
  })
}

// The framing on the wire, seen by a server that records each request's headers.
let recorder: Server
let recorded: IncomingHttpHeaders[] = []
beforeAll(async () => {
  recorder = createServer((request, response) => {
    recorded.push(request.headers)
    request.resume()
    request.on('end', () => response.end())
  })
  await new Promise<void>((resolve) => recorder.listen(0, '127.0.0.1', resolve))
})
afterAll(async () => {
  node.destroy()
  await new Promise((resolve) => recorder.close(resolve))
})

describe.each(transports)('putObject with contentLength through %s', (_, transport) => {
  const fixture = useEmulator()
  const container = 'bigdata'
  const client = () => fixture.newClient({ transport: transport() })

  it('sends Content-Length instead of chunked framing (and chunked without it)', async () => {
    recorded = []
    const endpoint = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`
    const recording = new Client({ endpoint, accessKey: 'k', transport: transport() })
    await recording.putObject({ container, path: 'declared', body: chunks(1000, 234), contentLength: 1234 })
    await recording.putObject({ container, path: 'undeclared', body: chunks(1000, 234) })
    expect(recorded.map((headers) => [headers['content-length'], headers['transfer-encoding']])).toEqual([
      ['1234', undefined],
      [undefined, 'chunked'],
    ])
  })

  it('stores the stream and reports upload progress against the declared total', async () => {
    const path = uniquePath('declared')
    const progress: TransferProgress[] = []
    const response = await client().putObject({
      container,
      path,
      body: chunks(100_000, 100_000, 100_000),
      contentLength: 300_000,
      onUploadProgress: (each) => progress.push(each),
    })
    expect(response.statusCode).toBe(200)
    expect(progress.at(-1)).toEqual({ loaded: 300_000, total: 300_000 })
    expect(progress.every((each) => each.total === 300_000)).toBe(true)
    const stored = (await client().getObject({ container, path })).body
    expect(stored.byteLength).toBe(300_000)
    expect([stored[0], stored[100_000], stored[299_999]]).toEqual([1, 2, 3])
    const empty = uniquePath('declared-empty')
    await client().putObject({ container, path: empty, body: chunks(), contentLength: 0 })
    expect((await client().getObject({ container, path: empty })).body.byteLength).toBe(0)
  })

  it.each([
    ['more bytes than declared', [60_000, 40_000, 1], 'yielded more'],
    ['one chunk past the declared length', [100_001], 'yielded more'],
    ['fewer bytes than declared', [60_000, 39_999], 'ended after 99999 bytes'],
    ['no bytes', [], 'ended after 0 bytes'],
  ])(
    'fails a stream of %s once, with a ValidationError, and leaves the object as it was',
    async (_, sizes, what) => {
      const path = uniquePath('mismatch')
      await client().putObject({ container, path, body: 'the previous content' })
      let attempts = 0
      const counting = fixture.newClient({
        transport: transport(),
        hooks: { beforeRequest: () => void attempts++ },
      })
      const error = await rejection(
        counting.putObject({ container, path, body: chunks(...sizes), contentLength: 100_000 }),
      )
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({
        parameter: 'contentLength',
        message: `Invalid contentLength: declares 100000 bytes, but the body stream ${what}`,
      })
      expect(attempts).toBe(1)
      expect((await client().getObject({ container, path })).text()).toBe('the previous content')
    },
  )
})
