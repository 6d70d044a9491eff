/**
 * Typed values (kv.md "Typed attribute values", "Numbers", "Timestamps", "Blobs and array blobs",
 * "Attribute names and classes"; ED-13, ED-31, ED-32).
 */

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/emulator/api-error.js'
import {
  decodeArrayBlob,
  encodeDoubleArrayBlob,
  encodeIntArrayBlob,
  isArrayBlob,
} from '../../../src/emulator/kv/array-blobs.js'
import {
  assertWritableAttributeName,
  attributeClass,
  isValidAttributeName,
  SYSTEM_ATTRIBUTE_NAMES,
} from '../../../src/emulator/kv/attribute-names.js'
import { decodeStandardBase64, encodeStandardBase64 } from '../../../src/emulator/kv/base64.js'
import { assertItemSize, itemSize, MAX_ITEM_SIZE } from '../../../src/emulator/kv/item-size.js'
import { formatDouble, parseNumberText } from '../../../src/emulator/kv/number-text.js'
import {
  type AttributeValue,
  decodeWireValue,
  encodeWireValue,
  sameAttributeValue,
} from '../../../src/emulator/kv/values.js'

const decode = (json: unknown) => decodeWireValue(json, 'attr')

function rejection(json: unknown): string {
  try {
    decode(json)
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 400, errorCode: -201326592 })
    return (error as ApiError).errorMessage
  }
  throw new Error(`accepted ${JSON.stringify(json)}`)
}

const bytes = (text: string) => decodeStandardBase64(text) as Uint8Array

describe('decodeWireValue', () => {
  it.each([
    [{ S: 'Louise' }, { type: 'string', value: 'Louise' }],
    [{ S: '' }, { type: 'string', value: '' }],
    [{ S: 'a/b "q" ü 😀' }, { type: 'string', value: 'a/b "q" ü 😀' }],
    [{ BOOL: true }, { type: 'bool', value: true }],
    [{ BOOL: false }, { type: 'bool', value: false }],
    [{ B: 'AAE=' }, { type: 'blob', value: Uint8Array.of(0, 1) }],
    [{ B: 'AAE' }, { type: 'blob', value: Uint8Array.of(0, 1) }],
    [{ B: 'AA==' }, { type: 'blob', value: Uint8Array.of(0) }],
    [{ B: '' }, { type: 'blob', value: new Uint8Array() }],
    [{ B: '+/+/' }, { type: 'blob', value: Uint8Array.of(0xfb, 0xff, 0xbf) }],
    [{ TS: '1714557600:500000000' }, { type: 'timestamp', secs: 1714557600n, nsecs: 500000000 }],
    [{ TS: '-2:500000000' }, { type: 'timestamp', secs: -2n, nsecs: 500000000 }],
    [{ TS: '0:0' }, { type: 'timestamp', secs: 0n, nsecs: 0 }],
    [{ TS: '007:000000005' }, { type: 'timestamp', secs: 7n, nsecs: 5 }],
    [{ TS: '-9223372036854775808:999999999' }, { type: 'timestamp', secs: -(2n ** 63n), nsecs: 999999999 }],
  ])('%j', (json, expected) => {
    expect(decode(json)).toEqual(expected)
  })

  it.each([
    ['42', { type: 'int', value: 42n }],
    ['-5', { type: 'int', value: -5n }],
    ['+5', { type: 'int', value: 5n }],
    ['007', { type: 'int', value: 7n }],
    ['-0', { type: 'int', value: 0n }],
    ['9223372036854775807', { type: 'int', value: 2n ** 63n - 1n }],
    ['-9223372036854775808', { type: 'int', value: -(2n ** 63n) }],
    ['0000000000000000000000000000042', { type: 'int', value: 42n }],
    ['9007199254740993', { type: 'int', value: 9007199254740993n }],
    ['3.14', { type: 'double', value: 3.14 }],
    ['1.0', { type: 'double', value: 1 }],
    ['1e+20', { type: 'double', value: 1e20 }],
    ['1e-05', { type: 'double', value: 1e-5 }],
    ['0.30000000000000004', { type: 'double', value: 0.30000000000000004 }],
    ['-0.0', { type: 'double', value: -0 }],
    ['3.14E+00', { type: 'double', value: 3.14 }],
    ['1.5E+00', { type: 'double', value: 1.5 }],
    ['1e-400', { type: 'double', value: 0 }],
    ['+2.5e1', { type: 'double', value: 25 }],
  ])('N %j', (text, expected) => {
    const value = decode({ N: text })
    expect(value).toEqual(expected)
    if (text === '-0.0') expect(Object.is(value.type === 'double' && value.value, -0)).toBe(true)
  })

  it('tolerates N as a JSON number, a bigint, or a number source text', () => {
    expect(decode({ N: 5 })).toEqual({ type: 'int', value: 5n })
    expect(decode({ N: -0 })).toEqual({ type: 'int', value: 0n })
    expect(decode({ N: 1.5 })).toEqual({ type: 'double', value: 1.5 })
    expect(decode({ N: 1e20 })).toEqual({ type: 'double', value: 1e20 })
    expect(decode({ N: 9007199254740993n })).toEqual({ type: 'int', value: 9007199254740993n })
    expect(rejection({ N: 2n ** 63n })).toContain("N value '9223372036854775808' is outside the int64 range")
    expect(rejection({ N: Number.NaN })).toContain('N value is not a finite number')
  })

  it.each([
    [null, 'expected an object with one type member (S, N, BOOL, B or TS)'],
    ['x', 'expected an object with one type member (S, N, BOOL, B or TS)'],
    [[{ S: 'x' }], 'expected an object with one type member (S, N, BOOL, B or TS)'],
    [{}, 'expected exactly one type member, got 0'],
    [{ S: 'x', N: '1' }, 'expected exactly one type member, got 2'],
    [{ s: 'x' }, "unknown type 's'"],
    [{ NULL: true }, "unknown type 'NULL'"],
    [{ SS: ['a'] }, "unknown type 'SS'"],
    [{ S: 5 }, 'S must be a JSON string'],
    [{ S: 'a\uD800b' }, 'S is not well-formed Unicode (lone surrogate)'],
    [{ S: '\uDC00' }, 'S is not well-formed Unicode (lone surrogate)'],
    [{ S: 'x'.repeat(61201) }, 'S exceeds 61200 bytes'],
    [{ S: 'é'.repeat(30601) }, 'S exceeds 61200 bytes'],
    [{ N: true }, 'N must be a JSON string holding a number'],
    [{ N: null }, 'N must be a JSON string holding a number'],
    [{ N: '' }, "N value '' is not a decimal number"],
    [{ N: 'abc' }, "N value 'abc' is not a decimal number"],
    [{ N: '1.' }, "N value '1.' is not a decimal number"],
    [{ N: '.5' }, "N value '.5' is not a decimal number"],
    [{ N: '1e' }, "N value '1e' is not a decimal number"],
    [{ N: ' 1' }, "N value ' 1' is not a decimal number"],
    [{ N: '1 ' }, "N value '1 ' is not a decimal number"],
    [{ N: '0x10' }, "N value '0x10' is not a decimal number"],
    [{ N: '1_000' }, "N value '1_000' is not a decimal number"],
    [{ N: 'nan' }, "N value 'nan' is not a decimal number"],
    [{ N: 'inf' }, "N value 'inf' is not a decimal number"],
    [{ N: 'Infinity' }, "N value 'Infinity' is not a decimal number"],
    [{ N: '--1' }, "N value '--1' is not a decimal number"],
    [{ N: '9223372036854775808' }, "N value '9223372036854775808' is outside the int64 range"],
    [{ N: '-9223372036854775809' }, "N value '-9223372036854775809' is outside the int64 range"],
    [{ N: '1e400' }, "N value '1e400' is not finite"],
    [{ N: '-1.8e308' }, "N value '-1.8e308' is not finite"],
    [{ BOOL: 'true' }, 'BOOL must be a JSON boolean'],
    [{ BOOL: 1 }, 'BOOL must be a JSON boolean'],
    [{ B: 5 }, 'B must be a JSON string'],
    [{ B: 'AA=' }, 'B is not valid standard base64'],
    [{ B: 'AAA==' }, 'B is not valid standard base64'],
    [{ B: 'A' }, 'B is not valid standard base64'],
    [{ B: 'AAAAA' }, 'B is not valid standard base64'],
    [{ B: 'AA AA' }, 'B is not valid standard base64'],
    [{ B: 'AAAA\n' }, 'B is not valid standard base64'],
    [{ B: '-_-_' }, 'B is not valid standard base64'],
    [{ B: '=AAA' }, 'B is not valid standard base64'],
    [{ B: 'AA==AA==' }, 'B is not valid standard base64'],
    [{ B: 'ÀAAA' }, 'B is not valid standard base64'],
    [{ TS: 5 }, 'TS must be a JSON string'],
    [{ TS: '1' }, "TS value '1' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: '1:' }, "TS value '1:' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: ':1' }, "TS value ':1' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [
      { TS: '1:1000000000' },
      "TS value '1:1000000000' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds",
    ],
    [{ TS: '1:-1' }, "TS value '1:-1' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: '+1:1' }, "TS value '+1:1' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: '1: 1' }, "TS value '1: 1' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: '1:1 ' }, "TS value '1:1 ' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: '1.5:0' }, "TS value '1.5:0' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds"],
    [{ TS: '9223372036854775808:0' }, "TS value '9223372036854775808:0' has seconds outside the int64 range"],
  ])('rejects %j: %s', (json, detail) => {
    expect(rejection(json)).toBe(`InvalidArgumentException: invalid value of attribute 'attr': ${detail}`)
  })

  it('accepts S of exactly 61200 bytes and B of exactly 1 MiB', () => {
    expect(decode({ S: 'é'.repeat(30600) }).type).toBe('string')
    expect(decode({ S: '😀'.repeat(15300) }).type).toBe('string')
    const mebibyte = encodeStandardBase64(new Uint8Array(1_048_576))
    expect(decode({ B: mebibyte }).type).toBe('blob')
    expect(rejection({ B: encodeStandardBase64(new Uint8Array(1_048_577)) })).toContain(
      'B exceeds 1048576 bytes',
    )
  })

  it('names the attribute and shortens long texts in messages', () => {
    expect(() => decodeWireValue({ N: 'x'.repeat(100) }, 'age')).toThrow(
      `InvalidArgumentException: invalid value of attribute 'age': N value '${'x'.repeat(64)}…' is not a decimal number`,
    )
  })
})

describe('encodeWireValue', () => {
  it.each<[AttributeValue, unknown]>([
    [{ type: 'int', value: 42n }, { N: '42' }],
    [{ type: 'int', value: -5n }, { N: '-5' }],
    [{ type: 'int', value: 0n }, { N: '0' }],
    [{ type: 'int', value: -(2n ** 63n) }, { N: '-9223372036854775808' }],
    [{ type: 'double', value: 3.14 }, { N: '3.14' }],
    // ED-13R: integral doubles print as the platform prints them, without a decimal point …
    [{ type: 'double', value: 1 }, { N: '1' }],
    [{ type: 'double', value: 5 }, { N: '5' }],
    [{ type: 'double', value: 125 }, { N: '125' }],
    [{ type: 'double', value: -5 }, { N: '-5' }],
    [{ type: 'double', value: 2 ** 53 }, { N: '9007199254740992' }],
    [{ type: 'double', value: -(2 ** 53) }, { N: '-9007199254740992' }],
    // … and beyond ±2^53 in exponent form, which stays a double when read back.
    [{ type: 'double', value: 2 ** 53 + 2 }, { N: '9.007199254740994e+15' }],
    [{ type: 'double', value: 2 ** 60 }, { N: '1.152921504606847e+18' }],
    [{ type: 'double', value: 1e20 }, { N: '1e+20' }],
    [{ type: 'double', value: -1e20 }, { N: '-1e+20' }],
    [{ type: 'double', value: 1e21 }, { N: '1e+21' }],
    [{ type: 'double', value: 1.5e-7 }, { N: '1.5e-7' }],
    [{ type: 'double', value: 0.000001 }, { N: '0.000001' }],
    [{ type: 'double', value: 0.1 + 0.2 }, { N: '0.30000000000000004' }],
    [{ type: 'double', value: -0 }, { N: '0' }],
    [{ type: 'double', value: 0 }, { N: '0' }],
    [{ type: 'double', value: 2.5 }, { N: '2.5' }],
    [{ type: 'double', value: Number.MAX_VALUE }, { N: '1.7976931348623157e+308' }],
    [{ type: 'string', value: 'x' }, { S: 'x' }],
    [{ type: 'bool', value: false }, { BOOL: false }],
    [{ type: 'blob', value: Uint8Array.of(0, 1) }, { B: 'AAE=' }],
    [{ type: 'blob', value: Uint8Array.of(0, 1, 0, 1) }, { B: 'AAEAAQ==' }],
    [{ type: 'blob', value: new Uint8Array() }, { B: '' }],
    [{ type: 'timestamp', secs: 7n, nsecs: 5 }, { TS: '7:5' }],
    [{ type: 'timestamp', secs: -2n, nsecs: 500000000 }, { TS: '-2:500000000' }],
  ])('case %# → %o', (value, wire) => {
    expect(encodeWireValue(value)).toEqual(wire)
  })

  it('prints a TS read with leading zeros canonically', () => {
    expect(encodeWireValue(decode({ TS: '0001:00' }))).toEqual({ TS: '1:0' })
    expect(encodeWireValue(decode({ TS: '-0:5' }))).toEqual({ TS: '0:5' })
  })

  it('round-trips every value through the wire form', () => {
    const value: fc.Arbitrary<AttributeValue> = fc.oneof(
      fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((v) => ({ type: 'int', value: v }) as const),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => ({ type: 'double', value: v }) as const),
      fc.string({ unit: 'grapheme' }).map((v) => ({ type: 'string', value: v }) as const),
      fc.boolean().map((v) => ({ type: 'bool', value: v }) as const),
      fc.uint8Array({ maxLength: 50 }).map((v) => ({ type: 'blob', value: v }) as const),
      fc
        .tuple(
          fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
          fc.integer({ min: 0, max: 999_999_999 }),
        )
        .map(([secs, nsecs]) => ({ type: 'timestamp', secs, nsecs }) as const),
    )
    fc.assert(
      fc.property(value, (v) => {
        const back = decode(JSON.parse(JSON.stringify(encodeWireValue(v))))
        // ED-13R: an integral double within ±2^53 prints as digits and so reads back as the same int.
        if (v.type === 'double' && Number.isInteger(v.value) && Math.abs(v.value) <= 2 ** 53)
          expect(back).toEqual({ type: 'int', value: BigInt(v.value) })
        else expect(sameAttributeValue(back, v)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('prints doubles so that they read back as the same number: integral ones within ±2^53 as ints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatDouble(x)
        const exactInteger = Number.isInteger(x) && Math.abs(x) <= 2 ** 53
        expect(parseNumberText(text)).toEqual(
          exactInteger ? { ok: true, type: 'int', value: BigInt(x) } : { ok: true, type: 'double', value: x },
        )
      }),
    )
  })
})

describe('base64', () => {
  it('round-trips any bytes, padded on output', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (data) => {
        const text = encodeStandardBase64(data)
        expect(text.length % 4).toBe(0)
        expect(text).toBe(Buffer.from(data).toString('base64'))
        expect(decodeStandardBase64(text)).toEqual(data)
        expect(decodeStandardBase64(text.replace(/=+$/, ''))).toEqual(data)
      }),
    )
  })
})

describe('array blobs', () => {
  const examples: [string, 'intArray' | 'doubleArray', (bigint | number)[]][] = [
    ['MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA==', 'intArray', [1n, 2n, 3n]],
    ['MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAABAAAAAAAAAADAAAAAAAAAA==', 'intArray', [1n, 4n, 3n]],
    ['MEGrAAEAAAAIAAAAAwEAAP//////////', 'intArray', [-1n]],
    ['MEGrAAEAAAAAAAAAAwEAAA==', 'intArray', []],
    ['MEGrAAEAAAAQAAAABQEAAAAAAAAAAPg/AAAAAAAABEA=', 'doubleArray', [1.5, 2.5]],
    ['MEGrAAEAAAAYAAAABQEAAAAAAAAAgCRAAAAAAABANEAAAAAAAEA+QA==', 'doubleArray', [10.25, 20.25, 30.25]],
    ['MEGrAAEAAAAYAAAABQEAAAAAAAAAgCRAAAAAAABAREAAAAAAAEA+QA==', 'doubleArray', [10.25, 40.5, 30.25]],
    ['MEGrAAEAAAAAAAAABQEAAA==', 'doubleArray', []],
  ]

  it.each(examples)('kv.md example %s', (base64, type, elements) => {
    const decoded = decodeArrayBlob(bytes(base64))
    expect(decoded?.type).toBe(type)
    expect(Array.from<bigint | number>(decoded?.value ?? [])).toEqual(elements)
    const encoded =
      type === 'intArray'
        ? encodeIntArrayBlob(BigInt64Array.from(elements as bigint[]))
        : encodeDoubleArrayBlob(Float64Array.from(elements as number[]))
    expect(encodeStandardBase64(encoded)).toBe(base64)
  })

  it('treats anything but a well-formed array blob as a plain blob', () => {
    const good = bytes('MEGrAAEAAAAIAAAAAwEAAP//////////')
    const altered = (at: number, value: number) => {
      const copy = good.slice()
      copy[at] = value
      return copy
    }
    expect(isArrayBlob(good)).toBe(true)
    expect(isArrayBlob(good.subarray(0, 15))).toBe(false) // shorter than the header
    expect(isArrayBlob(good.subarray(0, 20))).toBe(false) // payload length differs
    expect(isArrayBlob(altered(0, 0x31))).toBe(false) // magic
    expect(isArrayBlob(altered(4, 2))).toBe(false) // version
    expect(isArrayBlob(altered(8, 9))).toBe(false) // declared payload length
    expect(isArrayBlob(altered(12, 4))).toBe(false) // element type 260
    expect(decodeArrayBlob(Uint8Array.of(0, 1))).toBeUndefined()
    const oddPayload = new Uint8Array(20)
    oddPayload.set(good.subarray(0, 8))
    new DataView(oddPayload.buffer).setUint32(8, 4, true)
    new DataView(oddPayload.buffer).setUint32(12, 259, true)
    expect(isArrayBlob(oddPayload)).toBe(false) // payload not a multiple of 8
  })

  it('decodes from a view into a larger buffer', () => {
    const backing = new Uint8Array(40)
    backing.set(bytes('MEGrAAEAAAAIAAAAAwEAAP//////////'), 3)
    expect(Array.from<bigint | number>(decodeArrayBlob(backing.subarray(3, 27))?.value ?? [])).toEqual([-1n])
  })
})

describe('attribute names (ED-31)', () => {
  it('accepts 1-255 characters of [A-Za-z0-9_] not starting with a digit', () => {
    for (const name of ['a', 'A9', '_', '__x', 'exists', 'set', 'x'.repeat(255)])
      expect(isValidAttributeName(name)).toBe(true)
    for (const name of ['', '9a', 'a-b', 'a b', 'é', 'a.b', 'x'.repeat(256)])
      expect(isValidAttributeName(name)).toBe(false)
  })

  it('classifies system, hidden and user names', () => {
    expect(SYSTEM_ATTRIBUTE_NAMES).toHaveLength(15)
    for (const name of SYSTEM_ATTRIBUTE_NAMES) expect(attributeClass(name)).toBe('system')
    expect(attributeClass('__committed_sequence_number')).toBe('hidden')
    expect(attributeClass('__')).toBe('hidden')
    expect(attributeClass('_x')).toBe('user')
    expect(attributeClass('name')).toBe('user')
  })

  it('answers 403 for a system name and 400 for a malformed one', () => {
    expect(() => assertWritableAttributeName('__name')).toThrow(
      expect.objectContaining({ status: 403, errorCode: -1, errorMessage: 'Operation not permitted' }),
    )
    expect(() => assertWritableAttributeName('a-b')).toThrow(
      expect.objectContaining({
        status: 400,
        errorCode: -201326592,
        errorMessage: "InvalidArgumentException: invalid attribute name 'a-b'",
      }),
    )
    expect(() => assertWritableAttributeName('__hidden')).not.toThrow()
  })
})

describe('item size (ED-32)', () => {
  it('sums UTF-8 name lengths and value sizes, ignoring system attributes', () => {
    const attributes: [string, AttributeValue][] = [
      ['s', { type: 'string', value: 'é😀' }], // 1 + 6
      ['n', { type: 'int', value: 1n }], // 1 + 8
      ['dd', { type: 'double', value: 1 }], // 2 + 8
      ['b', { type: 'bool', value: true }], // 1 + 1
      ['bl', { type: 'blob', value: new Uint8Array(5) }], // 2 + 5
      ['t', { type: 'timestamp', secs: 0n, nsecs: 0 }], // 1 + 16
      ['__h', { type: 'int', value: 1n }], // 3 + 8
      ['__size', { type: 'int', value: 1n }], // system: not counted
    ]
    expect(itemSize(attributes)).toBe(7 + 9 + 10 + 2 + 7 + 17 + 11)
  })

  it('allows exactly 1.5 MiB and answers 400 -27 above', () => {
    const exactly: [string, AttributeValue][] = [
      ['b', { type: 'blob', value: new Uint8Array(MAX_ITEM_SIZE - 1) }],
    ]
    expect(() => assertItemSize(exactly)).not.toThrow()
    const over: [string, AttributeValue][] = [
      ['bb', { type: 'blob', value: new Uint8Array(MAX_ITEM_SIZE - 1) }],
    ]
    expect(() => assertItemSize(over)).toThrow(
      expect.objectContaining({ status: 400, errorCode: -27, errorMessage: 'Item size limit exceeded' }),
    )
  })
})
