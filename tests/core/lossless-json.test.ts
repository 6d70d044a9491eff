import { describe, expect, it } from 'vitest'
import { parseJson } from '../../src/core/lossless-json.js'

describe('parseJson', () => {
  it('keeps integers beyond 2^53 exact as bigint', () => {
    expect(
      parseJson(
        '{"SequenceNumber":18446744073709551615,"small":42,"x":[9007199254740993,-9223372036854775808]}',
      ),
    ).toEqual({
      SequenceNumber: 18446744073709551615n,
      small: 42,
      x: [9007199254740993n, -9223372036854775808n],
    })
  })

  it('keeps the largest safe integer a number and parses other values like JSON.parse', () => {
    const text =
      '{"a":9007199254740991,"b":1.5e300,"c":"digits 12345678901234567 in a string","d":[true,false,null],"e":{},"f":[]}'
    expect(parseJson(text)).toEqual(JSON.parse(text))
  })

  it('does not turn long-digit decimals into bigint', () => {
    expect(parseJson('[1234567890123456789.5, 12345678901234567e2]')).toEqual([
      Number('1234567890123456789.5'),
      Number('12345678901234567e2'),
    ])
  })

  it('decodes escapes in strings and member names', () => {
    expect(parseJson('{"k\\"ey":"\\u00e9\\n\\/","n":12345678901234567890}')).toEqual({
      'k"ey': 'é\n/',
      n: 12345678901234567890n,
    })
  })

  it('does not let __proto__ members reach the prototype', () => {
    const parsed = parseJson('{"__proto__":{"polluted":true},"n":12345678901234567890}') as Record<
      string,
      unknown
    >
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(parsed)).toEqual(['__proto__', 'n'])
  })

  it('leaves long digit runs inside strings, fractions and exponents alone', () => {
    const text =
      '{"s":"12345678901234567890","d":0.30000000000000004,"e":1.2345678901234567e+25,"k\\"12345678901234567890":1}'
    expect(parseJson(text)).toEqual(JSON.parse(text))
  })

  it('never mistakes a string for a marked integer', () => {
    const text = '{"a":"\\u0000bigint-x:123","n":-12345678901234567890}'
    expect(parseJson(text)).toEqual({ a: '\u0000bigint-x:123', n: -12345678901234567890n })
  })

  it.each(['{"a":1234567890123456789', '[12345678901234567890,]', '12345678901234567890 x', '{"a" 1}'])(
    'rejects malformed text %j',
    (text) => {
      expect(() => parseJson(text)).toThrow(SyntaxError)
    },
  )
})
