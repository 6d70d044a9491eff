/**
 * Standard base64 (RFC 4648 §4, padded) without Node's `Buffer`, so that the SDK runs in browsers:
 * `btoa`/`atob` work on "binary strings" (one character per byte).
 */

// String.fromCharCode takes its arguments on the stack: convert in slices that any engine accepts.
const sliceLength = 0x8000
const standardBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/

/** Encodes bytes as padded standard base64. */
export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let offset = 0; offset < bytes.length; offset += sliceLength)
    // apply() takes the typed array as it is; spreading it would iterate it byte by byte, far slower.
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(offset, offset + sliceLength) as unknown as number[]),
    )
  return btoa(parts.join(''))
}

/** Decodes standard base64 (padding optional, no whitespace); `undefined` when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  // atob tolerates whitespace and forgives some malformed input; the contract's bodies never have either.
  if (!standardBase64.test(text)) return undefined
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}
