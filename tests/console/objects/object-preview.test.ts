import { describe, expect, it } from 'vitest'
import { formatBytes, hexDump, previewOf } from '../../../console/src/objects/object-preview.js'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe('previewOf', () => {
  it('recognises images by their signature, whatever the name', () => {
    expect(previewOf('x.bin', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({
      kind: 'image',
      mediaType: 'image/png',
    })
    expect(previewOf('photo', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toEqual({
      kind: 'image',
      mediaType: 'image/jpeg',
    })
    expect(previewOf('logo.svg', utf8('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toEqual({
      kind: 'image',
      mediaType: 'image/svg+xml',
    })
    // SVG text under another name is text, not an image.
    expect(previewOf('logo.txt', utf8('<svg></svg>')).kind).toBe('text')
  })

  it('pretty-prints JSON with two spaces, and falls back to text when it does not parse', () => {
    expect(previewOf('data', utf8('{"a":[1,2],"b":"é"}'))).toEqual({
      kind: 'json',
      text: '{\n  "a": [\n    1,\n    2\n  ],\n  "b": "é"\n}',
    })
    expect(previewOf('data.json', utf8('{"a":'))).toEqual({ kind: 'text', text: '{"a":' })
  })

  it('shows UTF-8 text as text, and control bytes or invalid UTF-8 as binary', () => {
    expect(previewOf('a', utf8('line 1\n\tline 2\r\n'))).toEqual({
      kind: 'text',
      text: 'line 1\n\tline 2\r\n',
    })
    expect(previewOf('a', Uint8Array.from([0x61, 0x00, 0x62])).kind).toBe('binary')
    expect(previewOf('a', Uint8Array.from([0xc3, 0x28])).kind).toBe('binary')
  })
})

describe('hexDump', () => {
  it('prints offset, 16 bytes in hex and their printable ASCII per line', () => {
    const bytes = Uint8Array.from({ length: 18 }, (_, index) => 0x3e + index)
    expect(hexDump(bytes)).toBe(
      '00000000  3e 3f 40 41 42 43 44 45 46 47 48 49 4a 4b 4c 4d  >?@ABCDEFGHIJKLM\n' +
        `00000010  4e 4f${' '.repeat(42)}  NO`,
    )
  })

  it('stops at the limit and says how much is left', () => {
    expect(hexDump(new Uint8Array(40), 16)).toBe(
      `00000000  ${'00 '.repeat(15)}00  ................\n… 24 more bytes`,
    )
  })
})

describe('formatBytes', () => {
  it('uses binary units with one decimal', () => {
    expect([0, 1023, 1024, 1536, 5 * 1024 ** 2, 3 * 1024 ** 4].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.0 KiB',
      '1.5 KiB',
      '5.0 MiB',
      '3.0 TiB',
    ])
  })
})
