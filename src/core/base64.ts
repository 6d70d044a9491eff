import { nodeBuffer } from './node-buffer.js'

/**
 * Standard base64 (RFC 4648 §4, padded) for every runtime. Where a global `Buffer` exists (Node, Bun) its
 * native codec does the work; elsewhere (browsers, Deno) `btoa`/`atob` do, on "binary strings" (one
 * character per byte). Decoding is core/base64-decoding.ts, loaded with the response decoders.
 */

// String.fromCharCode takes its arguments on the stack: convert in slices that any engine accepts.
const sliceLength = 0x8000
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
  // ASCII text is its own UTF-8: btoa takes it as it is, about three times as fast as Buffer's two steps
  // in Node 20 (PutRecords encodes every record's data).
  if (ascii.test(text)) return btoa(text)
  const buffer = nodeBuffer()
  if (buffer) return buffer.from(text, 'utf8').toString('base64')
  return btoa(binaryString(new TextEncoder().encode(text)))
}
