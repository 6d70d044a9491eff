import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import {
  fetchTransport,
  HttpResponseError,
  kyTransport,
  type TransferProgress,
  type Transport,
  ValidationError,
} from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// Stream bodies, streamed downloads and progress, through each transport the SDK ships, against the
// emulator over HTTP (docs/decisions-io.md).

/** `size` bytes of a repeating, position-dependent pattern, so that a misplaced chunk shows. */
function pattern(size: number, seed = 0): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let index = 0; index < size; index++) bytes[index] = (index * 31 + seed) & 0xff
  return bytes
}

/** A web stream of `bytes` in chunks of `chunk` bytes, counting the chunks pulled. */
function chunked(
  bytes: Uint8Array,
  chunk: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let offset = 0
  let pulls = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1
      if (offset >= bytes.byteLength) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + chunk))
      offset += chunk
    },
  })
  return { stream, pulled: () => pulls }
}

/** Whether two byte arrays are equal (vitest's deep equality is far too slow on megabytes). */
function same(actual: Uint8Array | undefined, expected: Uint8Array): boolean {
  return (
    actual !== undefined && Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(expected)
  )
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const node = nodeHttpTransport()
const transports: [string, () => Transport][] = [
  ['nodeHttpTransport', () => node],
  ['fetchTransport', () => fetchTransport()],
  ['kyTransport', () => kyTransport()],
]
afterAll(() => node.destroy())

describe.each(transports)('object transfers through %s', (_, transport) => {
  const fixture = useEmulator()
  const client = () => fixture.newClient({ transport: transport() })
  const container = 'bigdata'

  it('puts a ReadableStream body (chunked, pulled as sent) and reads it back', async () => {
    const path = uniquePath('stream-put')
    const bytes = pattern(1024 * 1024 + 17)
    const { stream, pulled } = chunked(bytes, 64 * 1024)
    const response = await client().putObject({ container, path, body: stream })
    expect(response.statusCode).toBe(200)
    expect(pulled()).toBeGreaterThan(16)
    expect(same((await client().getObject({ container, path })).body, bytes)).toBe(true)
  })

  it("puts a Node Readable and an async generator's chunks", async () => {
    const path = uniquePath('readable-put')
    const parts = [pattern(1000, 1), pattern(70_000, 2), pattern(5, 3)]
    await client().putObject({ container, path, body: Readable.from(parts) })
    const whole = Buffer.concat(parts)
    expect(same((await client().getObject({ container, path })).body, whole)).toBe(true)
    async function* generated() {
      yield new TextEncoder().encode('hello, ')
      yield new TextEncoder().encode('stream')
    }
    await client().putObject({ container, path, body: generated(), append: true })
    const appended = (await client().getObject({ container, path, offset: whole.byteLength })).text()
    expect(appended).toBe('hello, stream')
  })

  it('puts an empty stream as an empty object', async () => {
    const path = uniquePath('empty-stream')
    await client().putObject({ container, path, body: new ReadableStream({ start: (c) => c.close() }) })
    expect((await client().getObject({ container, path })).body.byteLength).toBe(0)
  })

  it('fails a stream whose chunks are not bytes, once, and stores nothing', async () => {
    const path = uniquePath('bad-stream')
    let attempts = 0
    async function* text() {
      yield new TextEncoder().encode('fine')
      yield 'not bytes' as unknown as Uint8Array
    }
    const error = await rejection(
      fixture
        .newClient({ transport: transport(), hooks: { beforeRequest: () => void attempts++ } })
        .putObject({ container, path, body: text() }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({
      parameter: 'body',
      message: 'Invalid body: must yield chunks of bytes (Uint8Array)',
    })
    expect(attempts).toBe(1)
    expect((await client().getObject({ container, path, raiseForStatus: 'never' })).statusCode).toBe(404)
  })

  it('streams a download: the content in output, nothing buffered in body, no maxObjectBytes', async () => {
    const path = uniquePath('stream-get')
    const bytes = pattern(1024 * 1024 + 3, 9)
    await client().putObject({ container, path, body: bytes })
    const limited = fixture.newClient({ transport: transport(), maxObjectBytes: 1024 })
    const response = await limited.getObject({ container, path, stream: true })
    expect(response.statusCode).toBe(200)
    expect(response.body.byteLength).toBe(0)
    expect(response.output).toBeInstanceOf(ReadableStream)
    expect(same(await readAll(response.output as ReadableStream<Uint8Array>), bytes)).toBe(true)
    const ranged = await client().getObject({ container, path, offset: 10, numBytes: 5, stream: true })
    expect(await readAll(ranged.output as ReadableStream<Uint8Array>)).toEqual(bytes.slice(10, 15))
  })

  it('raises a missing object with stream: true like any other call, naming the platform message', async () => {
    const path = uniquePath('stream-missing')
    const error = await rejection(client().getObject({ container, path, stream: true }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as Error).message).toBe(
      `GetObject GET ${fixture.emulator.url}/${container}/${path} failed with status 404: No such file or directory (error code -2)`,
    )
  })

  it('releases the connection when a streamed download is cancelled', async () => {
    const path = uniquePath('stream-cancel')
    await client().putObject({ container, path, body: pattern(4 * 1024 * 1024) })
    const single = fixture.newClient({ transport: transport(), maxConnections: 1, timeout: 5000 })
    for (let round = 0; round < 3; round++) {
      const { output } = await single.getObject({ container, path, stream: true })
      const reader = (output as ReadableStream<Uint8Array>).getReader()
      const first = await reader.read()
      expect(first.value?.byteLength).toBeGreaterThan(0)
      await reader.cancel()
    }
    expect((await single.getObject({ container, path, numBytes: 3 })).body).toEqual(pattern(3))
  })

  it('reports upload and download progress, ending at the total', async () => {
    const path = uniquePath('progress')
    const bytes = pattern(1024 * 1024 + 1)
    const uploads: TransferProgress[] = []
    await client().putObject({ container, path, body: bytes, onUploadProgress: (p) => uploads.push(p) })
    expect(uploads.length).toBeGreaterThan(2)
    expect(uploads.at(-1)).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength })
    expect(uploads.every((p, i) => i === 0 || p.loaded >= (uploads[i - 1] as TransferProgress).loaded)).toBe(
      true,
    )

    const downloads: TransferProgress[] = []
    const response = await client().getObject({
      container,
      path,
      onDownloadProgress: (p) => downloads.push(p),
    })
    expect(same(response.body, bytes)).toBe(true)
    expect(downloads.length).toBeGreaterThan(1)
    expect(downloads.at(-1)).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength })

    const streamed: TransferProgress[] = []
    const { output } = await client().getObject({
      container,
      path,
      stream: true,
      onDownloadProgress: (p) => streamed.push(p),
    })
    expect(streamed.reduce((most, p) => Math.max(most, p.loaded), 0)).toBeLessThan(bytes.byteLength)
    await readAll(output as ReadableStream<Uint8Array>)
    expect(streamed.at(-1)).toEqual({ loaded: bytes.byteLength, total: bytes.byteLength })
  })

  it('reports the progress of a stream upload without a total', async () => {
    const path = uniquePath('stream-progress')
    const uploads: TransferProgress[] = []
    const { stream } = chunked(pattern(300_000), 100_000)
    await client().putObject({ container, path, body: stream, onUploadProgress: (p) => uploads.push(p) })
    expect(uploads.at(-1)).toEqual({ loaded: 300_000, total: undefined })
  })

  it('keeps a throwing progress callback from breaking the transfer', async () => {
    const path = uniquePath('progress-throws')
    const fail = () => {
      throw new Error('broken display')
    }
    await client().putObject({ container, path, body: pattern(200_000), onUploadProgress: fail })
    const response = await client().getObject({ container, path, onDownloadProgress: fail })
    expect(same(response.body, pattern(200_000))).toBe(true)
  })
})
