/**
 * Standard base64 (RFC 4648 alphabet `A–Z a–z 0–9 + /`) as the contract wants it: padding optional on
 * input, no whitespace, padded on output (kv.md "Blobs"). Written out rather than taken from `Buffer` or
 * `atob`, which silently skip invalid characters and whitespace.
 */

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const sextets: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i
  return table
})()

/**
 * Decodes standard base64, or returns `undefined` when `text` is not valid: a character outside the
 * alphabet (including whitespace and the URL-safe `-`/`_`), a length of 4n+1 data characters, or
 * padding that is not exactly what completes the last group to four characters. Unused low bits of
 * the last character are ignored (as most decoders do).
 */
export function decodeStandardBase64(text: string): Uint8Array | undefined {
  let end = text.length
  // Padding is only stripped from a complete group, so "AA=" and "AAA==" keep an '=' and fail below.
  if (end % 4 === 0 && end > 0) {
    if (text.charCodeAt(end - 1) === 0x3d) end--
    if (text.charCodeAt(end - 1) === 0x3d) end--
  }
  const remainder = end % 4
  if (remainder === 1) return undefined
  const output = new Uint8Array(Math.floor(end / 4) * 3 + (remainder === 0 ? 0 : remainder - 1))
  let buffer = 0
  let bits = 0
  let at = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? (sextets[code] ?? -1) : -1
    if (value < 0) return undefined
    buffer = ((buffer << 6) | value) & 0xffffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      output[at++] = (buffer >> bits) & 0xff
    }
  }
  return output
}

/** Encodes bytes as padded standard base64 (Node's native encoder: megabyte blobs and record pages). */
export function encodeStandardBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
}
