import type { NodeBufferConstructor } from './node-buffer.js'

// Standard base64 decoding (RFC 4648 §4), the other half of base64.ts: only the response decoders use it
// (typed blob values, stream records), so it loads with them (operations/response-decoding.ts).

const standardBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/

/** Decodes standard base64 (padding optional, no whitespace); `undefined` when the text is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  // Looked up as node-buffer.ts does rather than imported from it: the response decoders import no module
  // that the startup code imports (operations/response-decoding.ts).
  const buffer = (globalThis as { Buffer?: NodeBufferConstructor }).Buffer
  if (buffer) {
    // Node's codec, an order of magnitude faster than atob and a loop. It skips what is not base64 (white
    // space, stray characters, anything after padding), so a result shorter than the text's length
    // promises means malformed text; it also takes the URL-safe alphabet, which standard base64 lacks.
    // Checking that is about a third of the cost of the pattern below (a GetRecords page has a thousand).
    const decoded = buffer.from(text, 'base64')
    if (decoded.length !== decodedLength(text) || text.includes('-') || text.includes('_')) return undefined
    // A Uint8Array view (possibly of Buffer's shared pool: mind byteOffset), so that e.g. slice() copies
    // as it does on every other runtime instead of aliasing as Buffer's does.
    return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.length)
  }
  // atob tolerates white space and forgives malformed input; the contract's bodies have neither.
  if (!standardBase64.test(text)) return undefined
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

/** The byte length that base64 text of this length and padding encodes; -1 for an impossible length. */
function decodedLength(text: string): number {
  const length = text.length
  if (length % 4 === 1) return -1
  let padding = 0
  if (text.charCodeAt(length - 1) === 0x3d) padding = text.charCodeAt(length - 2) === 0x3d ? 2 : 1
  // Padding only completes a group of four.
  if (padding > 0 && length % 4 !== 0) return -1
  return Math.floor((length * 3) / 4) - padding
}
