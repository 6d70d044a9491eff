import type { RequestBody } from './descriptor.js'
import { ValidationError } from './errors.js'
import { assertWellFormed } from './path.js'

/** Bytes an object body may be given as. Strings are sent as UTF-8. */
export type BodyInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob

const textEncoder = new TextEncoder()

/**
 * Converts a caller's body to what the transport sends. Strings become UTF-8 bytes (so that fetch adds
 * no `text/plain` content type); buffers become `Uint8Array` views without copying.
 */
export function toRequestBody(body: BodyInput | undefined, parameter = 'body'): RequestBody {
  if (body === undefined || body === null) return new Uint8Array(0)
  if (typeof body === 'string') {
    assertWellFormed(body, parameter)
    return textEncoder.encode(body)
  }
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  if (typeof Blob !== 'undefined' && body instanceof Blob) return body
  throw new ValidationError(parameter, 'must be a string, Uint8Array, ArrayBuffer, typed array or Blob')
}
