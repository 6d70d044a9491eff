import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'

/** Bytes a record's `data` or `clientInfo` may be given as; strings are sent as UTF-8. */
export type RecordBytesInput = string | Uint8Array | ArrayBuffer | ArrayBufferView

const textEncoder = new TextEncoder()

/** The bytes of a record field: strings as UTF-8, buffers and views without copying. */
export function toRecordBytes(value: unknown, parameter: string): Uint8Array {
  if (typeof value === 'string') {
    assertWellFormed(value, parameter)
    return textEncoder.encode(value)
  }
  if (value instanceof Uint8Array) return value
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  throw new ValidationError(parameter, 'must be a string, Uint8Array, ArrayBuffer or typed array')
}

// String.fromCharCode takes its arguments on the stack: convert in slices that any engine accepts.
const sliceLength = 0x8000

/** Standard padded base64, with `btoa` (no `Buffer`: this code also runs in browsers). */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let offset = 0; offset < bytes.length; offset += sliceLength)
    // apply() takes the typed array as it is; spreading it would iterate it byte by byte, far slower.
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(offset, offset + sliceLength) as unknown as number[]),
    )
  return btoa(parts.join(''))
}

const base64Text = /^[A-Za-z0-9+/]*={0,2}$/

/** Decodes standard base64 (padding optional), or returns `undefined` when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  // atob tolerates whitespace and forgives some malformed input; the contract's bodies never have either.
  if (!base64Text.test(text)) return undefined
  let binary: string
  try {
    binary = atob(text)
  } catch {
    return undefined
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
