import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { encodeBase64, encodeTextBase64 } from '../../src/core/base64.js'
import { decodeBase64 } from '../../src/core/base64-decoding.js'

const allBytes = Uint8Array.from({ length: 256 }, (_, index) => index)
const allBytesBase64 =
  'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJiouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3Oz9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w=='
const texts = [
  '',
  'a',
  'ab',
  'abc',
  'plain ASCII text',
  'é ü ß',
  '日本語',
  'emoji 😀 and 𝄞',
  'x'.repeat(70_000),
]

// Both code paths: Node's Buffer where it exists, and btoa/atob as in browsers and Deno.
describe.each([
  ['with Buffer', false],
  ['without Buffer (browser path)', true],
])('base64 %s', (_name, hideBuffer) => {
  if (hideBuffer) {
    afterEach(() => {
      vi.unstubAllGlobals()
    })
  }
  const setUp = () => {
    if (hideBuffer) vi.stubGlobal('Buffer', undefined)
  }

  it('encodes and decodes every byte value, and views at an offset', () => {
    setUp()
    expect(encodeBase64(allBytes)).toBe(allBytesBase64)
    expect(decodeBase64(allBytesBase64)).toEqual(allBytes)
    expect(encodeBase64(allBytes.subarray(1, 4))).toBe('AQID')
    expect(encodeBase64(new Uint8Array(0))).toBe('')
  })

  it('encodes more bytes than one String.fromCharCode slice', () => {
    setUp()
    const bytes = Uint8Array.from({ length: 100_003 }, (_, index) => (index * 7) & 0xff)
    const encoded = encodeBase64(bytes)
    expect(encoded.length).toBe(Math.ceil(100_003 / 3) * 4)
    expect(decodeBase64(encoded)).toEqual(bytes)
  })

  it('returns plain Uint8Arrays whose slice() copies', () => {
    setUp()
    const decoded = decodeBase64('AAECAw==')!
    expect(Object.getPrototypeOf(decoded)).toBe(Uint8Array.prototype)
    const copy = decoded.slice(0, 2)
    copy[0] = 99
    expect(decoded[0]).toBe(0)
    expect(Array.from(decoded)).toEqual([0, 1, 2, 3])
  })

  it('accepts padding or its absence', () => {
    setUp()
    expect(Array.from(decodeBase64('AAE=')!)).toEqual([0, 1])
    expect(Array.from(decodeBase64('AAE')!)).toEqual([0, 1])
    expect(Array.from(decodeBase64('AA==')!)).toEqual([0])
    expect(Array.from(decodeBase64('AA')!)).toEqual([0])
    expect(decodeBase64('')).toEqual(new Uint8Array(0))
  })

  it.each(['A', 'AAAAA', 'AA=A', 'AA==AA==', 'A===', 'AB CD', 'AB\nCD', 'ab-_', 'AB$D', 'é'])(
    'refuses %j, which is not standard base64',
    (text) => {
      setUp()
      expect(decodeBase64(text)).toBeUndefined()
    },
  )

  it('accepts exactly the texts of the standard alphabet with valid lengths and padding (fast-check)', () => {
    setUp()
    const standard = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/
    const alphabet = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ $\né'.split(''),
    )
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: alphabet, maxLength: 12 }), fc.string({ maxLength: 8 })),
        (text) => {
          const decoded = decodeBase64(text)
          expect(decoded !== undefined).toBe(standard.test(text))
          if (decoded)
            expect(Array.from(decoded)).toEqual(Array.from(atob(text), (char) => char.charCodeAt(0)))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it.each(texts.map((text) => [text.length > 40 ? `${text.slice(0, 10)}… (${text.length})` : text, text]))(
    'encodes the UTF-8 of %j like TextEncoder does',
    (_label, text) => {
      setUp()
      const bytes = new TextEncoder().encode(text)
      expect(encodeTextBase64(text)).toBe(encodeBase64(bytes))
      expect(new TextDecoder().decode(decodeBase64(encodeTextBase64(text)))).toBe(text)
    },
  )
})
