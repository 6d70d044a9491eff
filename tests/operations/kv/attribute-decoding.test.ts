import { describe, expect, it } from 'vitest'
import { parseJson } from '../../../src/core/lossless-json.js'
import { Timestamp, TypedAttribute, UnknownAttributeValue } from '../../../src/index.js'
import { AttributeDecodingError, decodeItem } from '../../../src/operations/kv/attribute-decoding.js'
import { encodeAttributes } from '../../../src/operations/kv/attribute-encoding.js'

// The "Writing every type" item as the emulator returns it (kv.md "Complete exchanges").
const everyType =
  '{"Item":{"b":{"B":"AAE="},"big":{"N":"9007199254740993"},"f":{"N":"3.14"},"f1":{"N":"1.0"},"i":{"N":"42"},"ints":{"B":"MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA=="},"s":{"S":"a/b \\"q\\" ü"},"t":{"BOOL":true},"ts":{"TS":"1577934245:678901000"}}}'

function wireItem(text: string): unknown {
  return (parseJson(text) as { Item: unknown }).Item
}

describe('decodeItem', () => {
  it('decodes every type of the kv.md exchange to its JavaScript value', () => {
    const item = decodeItem(wireItem(everyType))
    expect(item).toEqual({
      b: new Uint8Array([0, 1]),
      big: 9007199254740993n,
      f: 3.14,
      f1: 1,
      i: 42,
      ints: BigInt64Array.of(1n, 2n, 3n),
      s: 'a/b "q" ü',
      t: true,
      ts: new Timestamp(1577934245, 678901000),
    })
    expect(item.ints).toBeInstanceOf(BigInt64Array)
    expect((item.ts as Timestamp).seconds).toBe(1577934245)
  })

  it('keeps every integer exact: numbers up to ±(2^53-1), bigints beyond, int64 extremes included', () => {
    const item = decodeItem({
      safe: { N: '9007199254740991' },
      negativeSafe: { N: '-9007199254740991' },
      unsafe: { N: '9007199254740992' },
      max: { N: '9223372036854775807' },
      min: { N: '-9223372036854775808' },
      nearMin: { N: '-9223372036854775807' },
      padded: { N: '007' },
      plus: { N: '+5' },
      asJsonNumber: { N: 12 },
      asJsonBigint: { N: 9223372036854775807n },
    })
    expect(item).toEqual({
      safe: 9007199254740991,
      negativeSafe: -9007199254740991,
      unsafe: 9007199254740992n,
      max: 9223372036854775807n,
      min: -9223372036854775808n,
      nearMin: -9223372036854775807n,
      padded: 7,
      plus: 5,
      asJsonNumber: 12,
      asJsonBigint: 9223372036854775807n,
    })
  })

  it('reads every double form producers emit', () => {
    const texts = [
      '3.14',
      '1.0',
      '1e+20',
      '1e-05',
      '0.30000000000000004',
      '-0.0',
      '3.14E+00',
      '1.5E+00',
      '5',
      '.5',
    ]
    const item = decodeItem(Object.fromEntries(texts.map((text, index) => [`n${index}`, { N: text }])))
    expect(Object.values(item)).toEqual([3.14, 1, 1e20, 1e-5, 0.30000000000000004, -0, 3.14, 1.5, 5, 0.5])
    expect(Object.is(item.n5, -0)).toBe(true)
  })

  it('decodes integers as bigint on request', () => {
    expect(decodeItem({ a: { N: '1' }, d: { N: '1.5' } }, { integers: 'bigint' })).toEqual({ a: 1n, d: 1.5 })
  })

  it('decodes array blobs as typed arrays, or as bytes on request; malformed ones stay bytes', () => {
    const doubles = { B: 'MEGrAAEAAAAYAAAABQEAAAAAAAAAgCRAAAAAAABAREAAAAAAAEA+QA==' }
    expect(decodeItem({ d: doubles }).d).toEqual(Float64Array.of(10.25, 40.5, 30.25))
    expect(decodeItem({ e: { B: 'MEGrAAEAAAAAAAAAAwEAAA==' } }).e).toEqual(new BigInt64Array(0))
    expect(decodeItem({ e: { B: 'MEGrAAEAAAAAAAAABQEAAA==' } }).e).toEqual(new Float64Array(0))
    const raw = decodeItem({ d: doubles }, { arrayBlobs: 'bytes' }).d as Uint8Array
    expect(raw).toBeInstanceOf(Uint8Array)
    expect(raw.length).toBe(40)
    // Magic and version but a wrong payload length, or an unknown element type: plain bytes.
    const wrongLength = btoa(
      String.fromCharCode(0x30, 0x41, 0xab, 0, 1, 0, 0, 0, 16, 0, 0, 0, 3, 1, 0, 0, ...new Array(8).fill(0)),
    )
    expect(decodeItem({ x: { B: wrongLength } }).x).toBeInstanceOf(Uint8Array)
    const wrongType = btoa(String.fromCharCode(0x30, 0x41, 0xab, 0, 1, 0, 0, 0, 0, 0, 0, 0, 4, 1, 0, 0))
    expect(decodeItem({ x: { B: wrongType } }).x).toBeInstanceOf(Uint8Array)
  })

  it('decodes binary with all 256 byte values and empty blobs', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index)
    const wire = encodeAttributes({ all, empty: new Uint8Array(0) })
    expect(decodeItem(wire)).toEqual({ all, empty: new Uint8Array(0) })
    expect(decodeItem({ unpadded: { B: 'AAE' } }).unpadded).toEqual(new Uint8Array([0, 1]))
  })

  it('decodes timestamps exactly, before the epoch too', () => {
    const item = decodeItem({
      a: { TS: '-2:500000000' },
      b: { TS: '0:0' },
      c: { TS: '9223372036854775807:999999999' },
    })
    expect(item.a).toEqual(new Timestamp(-2, 500000000))
    expect((item.a as Timestamp).toDate().getTime()).toBe(-1500)
    expect((item.c as Timestamp).seconds).toBe(9223372036854775807n)
  })

  it('returns typed values on request, which write back to the same wire values', () => {
    const wire = wireItem(everyType) as Record<string, unknown>
    const typed = decodeItem(wire, { typed: true })
    expect(typed.f1).toEqual(new TypedAttribute('double', 1))
    expect(typed.i).toEqual(new TypedAttribute('int', 42))
    expect(typed.ints).toEqual(new TypedAttribute('intArray', BigInt64Array.of(1n, 2n, 3n)))
    expect(typed.b).toEqual(new TypedAttribute('blob', new Uint8Array([0, 1])))
    expect(typed.ts).toEqual(new TypedAttribute('timestamp', new Timestamp(1577934245, 678901000)))
    expect(JSON.stringify(encodeAttributes(typed))).toBe(JSON.stringify(wire))
  })

  it('keeps unknown types and tolerates boolean text', () => {
    const item = decodeItem({ set: { SS: ['a', 'b'] }, ok: { BOOL: 'TRUE' } })
    expect(item.set).toEqual(new UnknownAttributeValue('SS', ['a', 'b']))
    expect(item.ok).toBe(true)
  })

  it('refuses malformed values instead of guessing', () => {
    const bad = [
      { a: { N: 'nan' } },
      { a: { N: '1e999' } },
      { a: { N: '' } },
      { a: { B: 'A A=' } },
      { a: { TS: '1:1000000000' } },
      { a: { TS: '1' } },
      { a: { S: 1 } },
      { a: { BOOL: 1 } },
      { a: {} },
      { a: { S: 'x', N: '1' } },
      { a: 'x' },
    ]
    for (const item of bad)
      expect(() => decodeItem(item), JSON.stringify(item)).toThrow(AttributeDecodingError)
    expect(() => decodeItem([])).toThrow(AttributeDecodingError)
  })

  it('takes the short-integer path exactly as the general one: -0, leading zeros, 15 and 16 digits', () => {
    const texts = [
      '0',
      '-0',
      '007',
      '-42',
      '999999999999999',
      '-999999999999999',
      '1000000000000000',
      '9007199254740993',
    ]
    const item = decodeItem(Object.fromEntries(texts.map((text, index) => [`n${index}`, { N: text }])))
    expect(Object.values(item)).toEqual([
      0,
      0,
      7,
      -42,
      999999999999999,
      -999999999999999,
      1000000000000000,
      9007199254740993n,
    ])
    expect(Object.is(item.n1, 0)).toBe(true)
    const typed = decodeItem({ a: { N: '12' }, b: { N: '-0' } }, { typed: true })
    expect(typed).toEqual({ a: new TypedAttribute('int', 12), b: new TypedAttribute('int', 0) })
    expect(decodeItem({ a: { N: '12' } }, { integers: 'bigint', typed: true }).a).toEqual(
      new TypedAttribute('int', 12n),
    )
  })

  it('refuses values nested deeper than the call stack with AttributeDecodingError, not RangeError', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    for (const item of [
      { a: { S: deep } },
      { a: { N: deep } },
      { a: { TS: deep } },
      { a: deep },
      { a: { SS: deep } },
    ]) {
      const decode = () => decodeItem(item)
      expect(decode).toThrow(AttributeDecodingError)
      expect(decode).toThrow(/attribute a .*an array/)
    }
    expect(() => decodeItem(deep)).toThrow('an item must be a JSON object, got an array')
  })

  it('keeps unknown values up to 64 levels deep and refuses deeper ones', () => {
    const nested = (depth: number) => JSON.parse(`${'{"x":'.repeat(depth - 1)}[]${'}'.repeat(depth - 1)}`)
    expect(decodeItem({ a: { L: nested(64) } }).a).toEqual(new UnknownAttributeValue('L', nested(64)))
    expect(() => decodeItem({ a: { L: nested(65) } })).toThrow(
      'attribute a has an invalid L value (nested deeper than 64 levels): an object',
    )
  })

  it('describes long bad strings in a bounded message', () => {
    expect(() => decodeItem({ a: { TS: 'x'.repeat(100_000) } })).toThrow(
      /^attribute a has an invalid TS value \(expected "<seconds>:<nanoseconds>"\): x{64}…$/,
    )
  })
})
