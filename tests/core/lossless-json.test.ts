import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { longInteger, parseJson, unsafeIntegerTokens } from '../../src/core/lossless-json.js'

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

  it.each([
    '{12345678901234567890:1}',
    '{"a":1,-12345678901234567890:2}',
    '[012345678901234567890]',
    '[-012345678901234567890]',
  ])('rejects %j, which marking the integer must not make parseable', (text) => {
    expect(() => parseJson(text)).toThrow(SyntaxError)
  })

  it('revives big integers at the top level, under __proto__ and next to escaped backslashes', () => {
    expect(parseJson('-12345678901234567890')).toBe(-12345678901234567890n)
    const parsed = parseJson('{"a":"\\\\","__proto__":12345678901234567890,"b":"x\\"1234567890123456789\\""}')
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(parsed, '__proto__')?.value).toBe(12345678901234567890n)
    expect(parsed).toMatchObject({ a: '\\', b: 'x"1234567890123456789"' })
  })

  it('parses nesting far deeper than the call stack, reviving the integer at the bottom', () => {
    const depth = 200_000
    let value = parseJson(`${'['.repeat(depth)}12345678901234567890${']'.repeat(depth)}`)
    for (let level = 0; level < depth; level++) value = (value as unknown[])[0]
    expect(value).toBe(12345678901234567890n)
  })
})

describe('unsafeIntegerTokens', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('finds exactly the unsafe integers outside strings', () => {
    const text =
      '[9007199254740991,"12345678901234567890",-9007199254740993,1.2345678901234567e30,12345678901234567890]'
    const found = unsafeIntegerTokens(text)
    expect(found.length).toBe(4)
    expect(text.slice(found[0], found[1])).toBe('-9007199254740993')
    expect(text.slice(found[2], found[3])).toBe('12345678901234567890')
  })

  /**
   * The work of one scan in characters: the characters read one by one, plus those `indexOf` passes over.
   * Counting them (instead of timing) proves linearity on any machine load.
   */
  function scanWork(text: string): number {
    let work = 0
    const charCodeAt = String.prototype.charCodeAt
    const indexOf = String.prototype.indexOf
    vi.spyOn(String.prototype, 'charCodeAt').mockImplementation(function (this: string, index: number) {
      work++
      return charCodeAt.call(this, index)
    })
    vi.spyOn(String.prototype, 'indexOf').mockImplementation(function (
      this: string,
      search: string,
      from?: number,
    ) {
      const found = indexOf.call(this, search, from)
      work += (found < 0 ? this.length : found + 1) - (from ?? 0)
      return found
    })
    try {
      unsafeIntegerTokens(text)
    } finally {
      vi.restoreAllMocks()
    }
    return work
  }

  // Malformed inputs that made the former regular-expression pass quadratic (80 KB took 1.45 s), and
  // other worst cases: runs of escapes, of quotes, of digits, of exponents and of minus signs.
  const malformed: Record<string, (size: number) => string> = {
    escapedQuotes: (size) => `12345678901234567890 ${'"\\'.repeat(size / 2)}`,
    backslashRuns: (size) => `12345678901234567890 "${'\\'.repeat(size - 1)}`,
    quotes: (size) => `12345678901234567890 ${'"'.repeat(size)}`,
    digitsAndDots: (size) => '1'.repeat(size).concat('.'),
    exponents: (size) => '12345678901234567890e'.repeat(size / 21),
    minusSigns: (size) => '-'.repeat(size).concat('12345678901234567890'),
  }

  it.each(Object.keys(malformed))('scans %s in work proportional to the input', (name) => {
    const make = malformed[name]!
    const small = make(10_000)
    const large = make(80_000)
    const smallWork = scanWork(small)
    const largeWork = scanWork(large)
    // Every character is read a bounded number of times (a minus sign three: itself, then twice as the
    // character after it), whatever the input.
    expect(smallWork).toBeLessThanOrEqual(3 * small.length + 3)
    expect(largeWork).toBeLessThanOrEqual(3 * large.length + 3)
    expect(largeWork / smallWork).toBeLessThan(9)
  })

  it('rejects the issue’s 200 KB malformed input as a SyntaxError, not a timeout', () => {
    // Its scan is counted above; the other steps are JSON.parse and a regular expression without nested
    // quantifiers. Before, the former token pass took 9.3 s on this input.
    expect(() => parseJson(malformed.escapedQuotes!(200_000))).toThrow(SyntaxError)
    expect(() => parseJson(malformed.backslashRuns!(200_000))).toThrow(SyntaxError)
  })
})

describe('longInteger (the pre-check)', () => {
  // Written with sixteen explicit digits for speed: it must accept exactly what `\d{16,}` did.
  const former = /(?<![\d.eE]|[eE][+-])-?\d{16,}(?![\d.eE])/
  // Runs of 12 to 20 digits around the characters that decide: fraction, exponent, sign, string, other.
  const text = fc
    .array(
      fc.oneof(
        fc.stringMatching(/^[0-9]{12,20}$/),
        fc.constantFrom('.', 'e', 'E', '+', '-', '"', ' ', 'x', '7'),
      ),
      { maxLength: 8 },
    )
    .map((pieces) => pieces.join(''))

  it('matches exactly where the former pattern matched', () => {
    fc.assert(
      fc.property(text, (sample) => {
        expect(longInteger.test(sample)).toBe(former.test(sample))
      }),
      { numRuns: 3000 },
    )
    for (const sample of [
      '1234567890123456',
      '-12345678901234567',
      '0.12345678901234567',
      '1e12345678901234567',
    ])
      expect(longInteger.test(sample)).toBe(former.test(sample))
  })
})
