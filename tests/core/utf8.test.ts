import { afterEach, describe, expect, it, vi } from 'vitest'
import { decodeUtf8, utf8Length } from '../../src/core/utf8.js'

const texts = ['', 'a', 'plain ASCII text', 'é ü ß', '日本語', 'emoji 😀 and 𝄞', 'x'.repeat(70_000)]
const encoder = new TextEncoder()

describe('utf8Length', () => {
  it.each(texts)('counts the UTF-8 bytes of %j without encoding', (text) => {
    expect(utf8Length(text)).toBe(encoder.encode(text).length)
  })

  it('counts every code point width at the boundaries', () => {
    for (const codePoint of [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff]) {
      const text = String.fromCodePoint(codePoint)
      expect(utf8Length(text)).toBe(encoder.encode(text).length)
    }
  })
})

describe.each([
  ['with Buffer', false],
  ['without Buffer (browser path)', true],
])('decodeUtf8 %s', (_name, hideBuffer) => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })
  const setUp = () => {
    if (hideBuffer) vi.stubGlobal('Buffer', undefined)
  }

  it.each(texts.map((text) => [text.length > 40 ? `${text.slice(0, 10)}… (${text.length})` : text, text]))(
    'decodes %j, views at an offset too',
    (_label, text) => {
      setUp()
      expect(decodeUtf8(encoder.encode(text))).toBe(text)
      const padded = encoder.encode(`[${text}]`)
      expect(decodeUtf8(padded.subarray(1, padded.length - 1))).toBe(text)
    },
  )

  it('drops a leading byte order mark and replaces malformed sequences, as TextDecoder does', () => {
    setUp()
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])
    expect(decodeUtf8(bytes)).toBe('{}')
    const malformed = new Uint8Array([0x61, 0xff, 0x62, 0xc3, 0x28, 0xe2, 0x82])
    expect(decodeUtf8(malformed)).toBe(new TextDecoder().decode(malformed))
  })
})
