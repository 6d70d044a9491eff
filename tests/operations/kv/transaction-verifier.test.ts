import { describe, expect, it } from 'vitest'
import { parseTransactionVerifier, Timestamp } from '../../../src/index.js'

const parse = (value?: string) =>
  parseTransactionVerifier(new Headers(value === undefined ? {} : { 'X-v3io-transaction-verifier': value }))

describe('parseTransactionVerifier', () => {
  it('reads the exact format', () => {
    const verifier = parse('__mtime_secs==1542838673 and __mtime_nsecs==250965583')
    expect(verifier).toEqual({
      mtime: new Timestamp(1542838673, 250965583),
      condition: '__mtime_secs==1542838673 and __mtime_nsecs==250965583',
    })
  })

  it('gives the canonical form and its variants the same verifier', () => {
    for (const [canonical, variant] of [
      ['__mtime_secs==0 and __mtime_nsecs==0', '__mtime_nsecs==0 and __mtime_secs==00'],
      ['__mtime_secs==7 and __mtime_nsecs==9', ' __mtime_secs == 07 AND __mtime_nsecs == 000000009'],
      [
        '__mtime_secs==999999999999999 and __mtime_nsecs==999999999',
        '__mtime_nsecs==999999999 and __mtime_secs==999999999999999',
      ],
      [
        '__mtime_secs==9223372036854775807 and __mtime_nsecs==1',
        '__mtime_nsecs==1 and __mtime_secs==9223372036854775807',
      ],
    ] as const) {
      const fast = parse(canonical)
      expect(fast?.condition).toBe(canonical)
      expect(fast).toEqual(parse(variant))
    }
    expect(parse('__mtime_secs==9223372036854775807 and __mtime_nsecs==1')?.mtime.seconds).toBe(
      9223372036854775807n,
    )
  })

  it('is tolerant: any case of "and", spaces, either order', () => {
    const expected = new Timestamp(7, 9)
    for (const text of [
      '__mtime_nsecs==9 and __mtime_secs==7',
      '  __mtime_secs == 7   AND   __mtime_nsecs == 9 ',
      '__mtime_secs==7 And __mtime_nsecs==000000009',
    ])
      expect(parse(text)?.mtime, text).toEqual(expected)
  })

  it('exposes a missing or unparsable header as "no verifier"', () => {
    for (const text of [
      undefined,
      '',
      'garbage',
      '__mtime_secs==7',
      '__mtime_secs==7 and __other==9',
      '__mtime_secs==x and __mtime_nsecs==9',
      '__mtime_secs==7 and __mtime_nsecs==1000000000',
      '__mtime_secs==99999999999999999999 and __mtime_nsecs==1',
    ])
      expect(parse(text), String(text)).toBeUndefined()
  })
})
