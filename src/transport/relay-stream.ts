import type { BodyAbort, ProgressCounter } from './progress.js'

/** What a {@link relayStream} does besides passing the chunks on. */
export interface Relay {
  /** Counts the bytes the reader takes. */
  readonly counter?: ProgressCounter | undefined
  /** Cancels the source, and fails the relay with the abort's error, when its signal aborts. */
  readonly abort?: BodyAbort | undefined
  /**
   * The exact number of bytes the source must yield (a stream upload's declared `contentLength`). A
   * source that yields more or fewer fails the relay with the error `length.error` makes of a message
   * (a `ValidationError` naming `contentLength`), and the bytes that complete the declared length are
   * held back until the source is known to end there: a server that received them all would store the
   * object, so a source found too long afterwards must never have sent them.
   */
  readonly length?: DeclaredLength | undefined
}

/** A length a stream must have, and the error of one that has not. */
export interface DeclaredLength {
  readonly bytes: number
  readonly error: (message: string) => unknown
}

// This module, part of the on-demand fetch-transfer chunk, imports nothing the SDK's entry holds (a copy
// would be a second class for `instanceof`, and a shared chunk costs the entry): whoever relays passes
// the signal's watcher and the error factories in.
const ignore = () => undefined

/**
 * `source` passed on chunk by chunk, pulled only when the reader asks (back-pressure and cancellation
 * pass straight through), with the {@link Relay}'s counting, cancelling and length checking.
 */
export function relayStream(source: ReadableStream<Uint8Array>, relay: Relay): ReadableStream<Uint8Array> {
  const { counter, abort } = relay
  const length = relay.length?.bytes
  const reader = source.getReader()
  let over = false
  let stopListening: () => void = ignore
  let passed = 0
  let held: Uint8Array | undefined
  // The source is cancelled with the caller's reason when the signal aborted, else with the error.
  const fail = (controller: ReadableStreamDefaultController<Uint8Array>, error: unknown, reason = error) => {
    over = true
    stopListening()
    controller.error(error)
    reader.cancel(reason).catch(ignore)
  }
  const pass = (controller: ReadableStreamDefaultController<Uint8Array>, chunk: Uint8Array) => {
    counter?.add(chunk.byteLength)
    controller.enqueue(chunk)
  }
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (abort)
          stopListening = abort.watch((reason) =>
            fail(controller, abort.error ? abort.error(reason) : reason, reason),
          )
      },
      async pull(controller) {
        for (;;) {
          const { done, value } = await reader.read()
          if (over) return
          if (done) {
            if (length !== undefined && passed < length)
              return fail(controller, mismatch(relay, `ended after ${passed} bytes`))
            if (held) pass(controller, held)
            over = true
            stopListening()
            controller.close()
            return
          }
          passed += value.byteLength
          if (length === undefined || passed < length) return pass(controller, value)
          if (passed > length) return fail(controller, mismatch(relay, 'yielded more'))
          // The declared length is complete: hold the last bytes until the source ends.
          if (value.byteLength > 0) held = value
        }
      },
      cancel(reason) {
        over = true
        stopListening()
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}

function mismatch({ length }: Relay, what: string): unknown {
  return length?.error(`declares ${length.bytes} bytes, but the body stream ${what}`)
}
