import { afterAll, describe, expect, it } from 'vitest'
import { fetchTransport, kyTransport, RequestAbortedError, type Transport } from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// A caller's signal cancels a streamed download after its headers arrived, and a stream upload in flight
// (its source is cancelled), through each transport, against the emulator over HTTP
// (docs/decisions-io.md, IO-8).

const node = nodeHttpTransport()
const transports: [string, () => Transport][] = [
  ['nodeHttpTransport', () => node],
  ['fetchTransport', () => fetchTransport()],
  ['kyTransport', () => kyTransport()],
]
afterAll(() => node.destroy())

/** A source that yields `chunks` chunks of 64 KiB, then waits for more that never come; `cancelled` settles with its reason. */
function stalling(chunks: number) {
  let pulled = 0
  let onCancel: (reason: unknown) => void = () => undefined
  const cancelled = new Promise<unknown>((resolve) => {
    onCancel = resolve
  })
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= chunks) return new Promise<void>(() => undefined)
        pulled += 1
        controller.enqueue(new Uint8Array(64 * 1024).fill(pulled))
      },
      cancel: (reason) => onCancel(reason),
    },
    { highWaterMark: 0 },
  )
  return { stream, cancelled, pulled: () => pulled }
}

/** Resolves once `condition` holds, checking every 10 ms (fails the test after `timeout` ms). */
async function until(condition: () => boolean, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition never held')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(transports)('a caller signal on object transfers through %s', (_, transport) => {
  const fixture = useEmulator()
  const container = 'bigdata'

  it('cancels a streamed download after its headers: the reader gets RequestAbortedError, the socket closes', async () => {
    const path = uniquePath('abort-download')
    await fixture.client.putObject({ container, path, body: new Uint8Array(8 * 1024 * 1024).fill(7) })
    const client = fixture.newClient({ transport: transport() })
    // Connections the server has seen close (undici opens a spare one when it drops a connection).
    const closed = () => fixture.emulator.connections.opened - fixture.emulator.connections.open
    const controller = new AbortController()
    const { output } = await client.getObject({ container, path, stream: true, signal: controller.signal })
    const reader = (output as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    expect(first.value?.[0]).toBe(7)
    const closedBefore = closed()
    const reason = new Error('the user closed the page')
    controller.abort(reason)
    const error = await rejection(
      (async () => {
        for (;;) if ((await reader.read()).done) return
      })(),
    )
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(error).toMatchObject({
      operation: 'GetObject',
      reason,
      cause: reason,
      message: `GetObject GET ${fixture.emulator.url}/${container}/${path} was aborted`,
    })
    // The server sees its connection close: the SDK dropped it rather than leaving it half read.
    await until(() => closed() === closedBefore + 1)
    // A signal that aborts after the stream was read to its end changes nothing.
    const late = new AbortController()
    const whole = await client.getObject({ container, path, numBytes: 10, stream: true, signal: late.signal })
    const bytes = new Uint8Array(await new Response(whole.output).arrayBuffer())
    late.abort()
    expect(bytes).toEqual(new Uint8Array(10).fill(7))
  })

  it('cancels a stream upload in flight: the call fails RequestAbortedError, the source is cancelled, nothing is written', async () => {
    const path = uniquePath('abort-upload')
    const client = fixture.newClient({ transport: transport() })
    const source = stalling(3)
    const controller = new AbortController()
    const call = client.putObject({ container, path, body: source.stream, signal: controller.signal })
    await until(() => source.pulled() === 3)
    const reason = new Error('upload cancelled by the user')
    controller.abort(reason)
    const error = await rejection(call)
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(error).toMatchObject({ operation: 'PutObject', reason })
    await source.cancelled
    const stored = await client.getObject({ container, path, raiseForStatus: 'never' })
    expect(stored.statusCode).toBe(404)
  })
})
