import { nodeBuffer } from './node-buffer.js'

const textDecoder = new TextDecoder()

/**
 * The text of UTF-8 bytes, as `TextDecoder` gives it (malformed sequences become U+FFFD, a leading byte
 * order mark is dropped). Node's `Buffer` decodes about twice as fast as its `TextDecoder`, which matters
 * on pages of hundreds of kilobytes, so it is used where present.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const buffer = nodeBuffer()
  // Buffer keeps a byte order mark that TextDecoder drops: leave such (rare) bodies to TextDecoder.
  if (!buffer || (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf))
    return textDecoder.decode(bytes)
  return buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
}

/** The number of UTF-8 bytes of well-formed text, counted without encoding it. */
export function utf8Length(text: string): number {
  let length = text.length
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x80) continue
    if (code < 0x800) length += 1
    // A surrogate pair is 2 code units and 4 bytes; any other code unit above 0x7ff is 3 bytes.
    else if (code >= 0xd800 && code <= 0xdbff) {
      index++
      length += 2
    } else length += 2
  }
  return length
}
