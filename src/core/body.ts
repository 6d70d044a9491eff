import type { RequestBody } from './descriptor.js'
import { ValidationError } from './errors.js'
import { assertWellFormed } from './path.js'
import { isAsyncIterable, isReadableStream, iterableStream, type StreamBodyInput } from './stream-body.js'

/**
 * Bytes an object body may be given as. Strings are sent as UTF-8. A stream (a web `ReadableStream`,
 * or an async iterable of bytes such as a Node `Readable`) is sent as it is read, never buffered
 * whole where the runtime can stream uploads (docs/decisions-io.md).
 */
export type BodyInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob | StreamBodyInput

const textEncoder = new TextEncoder()

/**
 * Converts a caller's body to what the transport sends. Strings become UTF-8 bytes (so that fetch adds
 * no `text/plain` content type); buffers become `Uint8Array` views without copying.
 */
export function toRequestBody(body: BodyInput | undefined, parameter = 'body'): RequestBody {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body
  const bytes = toBytes(body, parameter)
  if (bytes !== undefined) return bytes
  if (isReadableStream(body)) {
    if (body.locked) throw new ValidationError(parameter, 'is a ReadableStream that is already being read')
    return body
  }
  if (isAsyncIterable(body)) return iterableStream(body, parameter)
  throw new ValidationError(
    parameter,
    'must be a string, Uint8Array, ArrayBuffer, typed array, Blob, ReadableStream or async iterable of bytes',
  )
}

/**
 * Bytes from text (UTF-8; lone surrogates are a validation error), a `Uint8Array`, an `ArrayBuffer` or
 * any typed-array view (without copying); `undefined` for anything else.
 */
export function toBytes(value: unknown, parameter: string): Uint8Array | undefined {
  if (typeof value === 'string') {
    assertWellFormed(value, parameter)
    return textEncoder.encode(value)
  }
  if (value instanceof Uint8Array) return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  return undefined
}
