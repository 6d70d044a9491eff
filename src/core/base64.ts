import { nodeBuffer } from './node-buffer.js'

/**
 * Standard base64 (RFC 4648 §4, padded) for every runtime. Where a global `Buffer` exists (Node, Bun) its
 * native codec does the work; elsewhere (browsers, Deno) `btoa`/`atob` do, on "binary strings" (one
 * character per byte).
 */

// String.fromCharCode takes its arguments on the stack: convert in slices that any engine accepts.
const sliceLength = 0x8000
const standardBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/
// Text whose UTF-8 bytes are its UTF-16 code units: `btoa` can take it as it is.
const ascii = /^[\x00-\x7f]*$/

function binaryString(bytes: Uint8Array): string {
  if (bytes.length <= sliceLength)
    // apply() takes the typed array as it is; spreading it would iterate it byte by byte, far slower.
    return String.fromCharCode.apply(null, bytes as unknown as number[])
  const parts: string[] = []
  for (let offset = 0; offset < bytes.length; offset += sliceLength)
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(offset, offset + sliceLength) as unknown as number[]),
    )
  return parts.join('')
}

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const buffer = nodeBuffer()
  if (buffer) return buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
  return btoa(binaryString(bytes))
}

/**
 * Encodes the UTF-8 bytes of well-formed text as padded standard base64, without an intermediate byte
 * array where the runtime allows (Node's `Buffer`; `btoa` directly for ASCII text).
 */
export function encodeTextBase64(text: string): string {
  const buffer = nodeBuffer()
  if (buffer) return buffer.from(text, 'utf8').toString('base64')
  if (ascii.test(text)) return btoa(text)
  return btoa(binaryString(new TextEncoder().encode(text)))
}

/** Decodes standard base64 (padding optional, no whitespace); `undefined` when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  // atob and Buffer tolerate whitespace and forgive malformed input; the contract's bodies have neither.
  if (!standardBase64.test(text)) return undefined
  const buffer = nodeBuffer()
  if (buffer) {
    // Node's codec, an order of magnitude faster than atob and a loop. Its result may be a view of Buffer's
    // shared pool (like any Uint8Array view, mind byteOffset); it gets Uint8Array's prototype, so that
    // e.g. slice() copies as it does on every other runtime instead of aliasing as Buffer's does.
    return Object.setPrototypeOf(buffer.from(text, 'base64'), Uint8Array.prototype) as Uint8Array
  }
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}
