import { getEventListeners } from 'node:events'
import { describe, expect, it } from 'vitest'
import { whenAborted } from '../../src/core/abort-signals.js'
import { contentLengthError } from '../../src/core/stream-body.js'
import { ValidationError } from '../../src/index.js'
import { ProgressCounter, type TransferProgress } from '../../src/transport/progress.js'
import { relayStream } from '../../src/transport/relay-stream.js'
import { rejection } from '../support/rejection.js'

/** A source of the given chunks that records what was pulled and why it was cancelled. */
function source(...chunks: Uint8Array[]) {
  const log: string[] = []
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks.shift()
        log.push(chunk ? `pull ${chunk.byteLength}` : 'end')
        if (chunk) controller.enqueue(chunk)
        else controller.close()
      },
      cancel(reason) {
        log.push(`cancel ${String(reason)}`)
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, log }
}

/** The watcher the SDK gives a relay for `signal`. */
const watching = (signal: AbortSignal) => (onAbort: (reason: unknown) => void) => whenAborted(signal, onAbort)

const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill)

/** Reads a stream to its end, recording each chunk's size in `sizes`. */
async function readAll(stream: ReadableStream<Uint8Array>, sizes: number[] = []): Promise<number[]> {
  const reader = stream.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return sizes
    sizes.push(value.byteLength)
  }
}

describe('relayStream', () => {
  it('passes chunks on only as they are read, counting them', async () => {
    const { stream, log } = source(bytes(3), bytes(4))
    const progress: TransferProgress[] = []
    const relayed = relayStream(stream, { counter: new ProgressCounter((p) => progress.push(p), 7) })
    const reader = relayed.getReader()
    expect(log).toEqual([])
    expect((await reader.read()).value?.byteLength).toBe(3)
    expect(log).toEqual(['pull 3'])
    expect(progress).toEqual([{ loaded: 3, total: 7 }])
    reader.releaseLock()
    expect(await readAll(relayed)).toEqual([4])
    expect(progress.at(-1)).toEqual({ loaded: 7, total: 7 })
  })

  it('passes a cancellation to the source', async () => {
    const { stream, log } = source(bytes(3), bytes(4))
    const reader = relayStream(stream, {}).getReader()
    await reader.read()
    await reader.cancel('enough')
    expect(log).toEqual(['pull 3', 'cancel enough'])
  })

  it('holds the bytes completing a declared length until the source ends there', async () => {
    const { stream, log } = source(bytes(6), bytes(4), new Uint8Array(0))
    const reader = relayStream(stream, { length: { bytes: 10, error: contentLengthError } }).getReader()
    expect((await reader.read()).value?.byteLength).toBe(6)
    // The 4 bytes that complete the length come out only once the source has said it ends.
    expect((await reader.read()).value?.byteLength).toBe(4)
    expect(log).toEqual(['pull 6', 'pull 4', 'pull 0', 'end'])
    expect((await reader.read()).done).toBe(true)
  })

  it.each([
    ['more', [bytes(6), bytes(4), bytes(1)], [6], 'yielded more'],
    ['one chunk too long', [bytes(11)], [], 'yielded more'],
    ['fewer', [bytes(6), bytes(3)], [6, 3], 'ended after 9 bytes'],
  ])(
    'fails a source yielding %s bytes than declared with ValidationError, cancelling it',
    async (_, chunks, passed, what) => {
      const { stream, log } = source(...chunks)
      const sizes: number[] = []
      const relayed = relayStream(stream, { length: { bytes: 10, error: contentLengthError } })
      const error = await rejection(readAll(relayed, sizes))
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({
        parameter: 'contentLength',
        message: `Invalid contentLength: declares 10 bytes, but the body stream ${what}`,
      })
      // The last bytes of the declared length never went out when the source turned out too long.
      expect(sizes).toEqual(passed)
      if (what === 'yielded more') expect(log.at(-1)).toMatch(/^cancel ValidationError/)
    },
  )

  it('accepts an empty source declared empty, and refuses any byte of one declared empty', async () => {
    expect(
      await readAll(relayStream(source().stream, { length: { bytes: 0, error: contentLengthError } })),
    ).toEqual([])
    expect(
      await rejection(
        readAll(relayStream(source(bytes(1)).stream, { length: { bytes: 0, error: contentLengthError } })),
      ),
    ).toBeInstanceOf(ValidationError)
  })

  it("fails with the abort's error and cancels the source when the signal aborts, then stops listening", async () => {
    const controller = new AbortController()
    const { stream, log } = source(bytes(3), bytes(4))
    const relayed = relayStream(stream, {
      abort: {
        watch: watching(controller.signal),
        error: (reason) => new Error(`aborted: ${String(reason)}`),
      },
    })
    const reader = relayed.getReader()
    await reader.read()
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    controller.abort('stop')
    expect(await rejection(reader.read())).toEqual(new Error('aborted: stop'))
    expect(log).toEqual(['pull 3', 'cancel stop'])
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
  })

  it('stops listening to the signal once the source ends or is cancelled', async () => {
    const controller = new AbortController()
    const abort = { watch: watching(controller.signal) }
    expect(await readAll(relayStream(source(bytes(2)).stream, { abort }))).toEqual([2])
    await relayStream(source(bytes(2)).stream, { abort }).cancel()
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0)
    // Without an error of its own the relay fails with the signal's reason; an aborted signal fails it at once.
    const aborted = relayStream(source(bytes(2)).stream, {
      abort: { watch: watching(AbortSignal.abort('gone')) },
    })
    expect(await rejection(aborted.getReader().read())).toBe('gone')
  })
})
