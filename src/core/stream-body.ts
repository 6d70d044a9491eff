import { ValidationError } from './errors.js'

/** A body given as a stream: a web `ReadableStream`, or any async iterable of bytes (a Node `Readable`). */
export type StreamBodyInput = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>

/**
 * The error of a stream body that does not yield the `contentLength` it declared (`message` says how),
 * made here for the transports that check it: the transfer code they load on demand holds no SDK class.
 */
export function contentLengthError(message: string): ValidationError {
  return new ValidationError('contentLength', message)
}

/** Whether `value` is a web `ReadableStream`. */
export function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream
}

/** Whether `value` is an async iterable (a Node `Readable`, an async generator). */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  )
}

/**
 * A web stream over an async iterable of bytes: pulled one chunk at a time (so the source is read no
 * faster than the connection takes it), and cancelling it ends the iteration (a Node `Readable` is then
 * destroyed). Chunks that are not bytes fail the stream with a `ValidationError`.
 */
export function iterableStream(
  source: AsyncIterable<unknown>,
  parameter: string,
): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<unknown> | undefined
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= source[Symbol.asyncIterator]()
        const { done, value } = await iterator.next()
        if (done) {
          controller.close()
          return
        }
        if (!(value instanceof Uint8Array)) {
          const error = new ValidationError(parameter, 'must yield chunks of bytes (Uint8Array)')
          controller.error(error)
          await iterator.return?.()
          return
        }
        controller.enqueue(value)
      },
      async cancel() {
        await (iterator ?? source[Symbol.asyncIterator]()).return?.()
      },
    },
    { highWaterMark: 0 },
  )
}
