import { describe, expect, it } from 'vitest'
import {
  double,
  int64,
  Timestamp,
  TypedAttribute,
  UnknownAttributeValue,
  ValidationError,
} from '../../../src/index.js'
import { encodeAttributes, encodeAttributeValue } from '../../../src/operations/kv/attribute-encoding.js'
import { everyTypeAttributes } from '../../support/every-type-item.js'

function rejects(attributes: Record<string, unknown>, parameter: string, message?: RegExp): void {
  let error: unknown
  try {
    encodeAttributes(attributes)
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(ValidationError)
  expect((error as ValidationError).parameter).toBe(parameter)
  if (message) expect((error as ValidationError).message).toMatch(message)
}

describe('encodeAttributes', () => {
  it('encodes the "Writing every type" exchange of kv.md byte for byte', () => {
    const wire = encodeAttributes(everyTypeAttributes())
    expect(JSON.stringify({ Item: wire })).toBe(
      '{"Item":{"i":{"N":"42"},"f":{"N":"3.14"},"f1":{"N":"1.0"},"big":{"N":"9007199254740993"},"s":{"S":"a/b \\"q\\" ü"},"b":{"B":"AAE="},"t":{"BOOL":true},"ints":{"B":"MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA=="},"ts":{"TS":"1577934245:678901000"}}}',
    )
  })

  it('encodes strings, including empty and non-BMP ones', () => {
    expect(encodeAttributeValue('', 'a')).toEqual({ S: '' })
    expect(encodeAttributeValue('ключ 😀 ü', 'a')).toEqual({ S: 'ключ 😀 ü' })
  })

  it('encodes integers as int64 text and non-integers as shortest doubles', () => {
    expect(encodeAttributeValue(0, 'a')).toEqual({ N: '0' })
    expect(encodeAttributeValue(-0, 'a')).toEqual({ N: '0' })
    expect(encodeAttributeValue(-5, 'a')).toEqual({ N: '-5' })
    expect(encodeAttributeValue(Number.MAX_SAFE_INTEGER, 'a')).toEqual({ N: '9007199254740991' })
    expect(encodeAttributeValue(-Number.MAX_SAFE_INTEGER, 'a')).toEqual({ N: '-9007199254740991' })
    expect(encodeAttributeValue(0.1 + 0.2, 'a')).toEqual({ N: '0.30000000000000004' })
    expect(encodeAttributeValue(1.5e-7, 'a')).toEqual({ N: '1.5e-7' })
    expect(encodeAttributeValue(-2.5, 'a')).toEqual({ N: '-2.5' })
  })

  it('encodes bigints over the whole int64 range', () => {
    expect(encodeAttributeValue(2n ** 63n - 1n, 'a')).toEqual({ N: '9223372036854775807' })
    expect(encodeAttributeValue(-(2n ** 63n) + 1n, 'a')).toEqual({ N: '-9223372036854775807' })
    expect(encodeAttributeValue(-(2n ** 63n), 'a')).toEqual({ N: '-9223372036854775808' })
  })

  it('forces doubles and int64s with the wrappers', () => {
    expect(encodeAttributeValue(double(5), 'a')).toEqual({ N: '5.0' })
    expect(encodeAttributeValue(double(-0), 'a')).toEqual({ N: '-0.0' })
    expect(encodeAttributeValue(double(1e20), 'a')).toEqual({ N: '100000000000000000000.0' })
    expect(encodeAttributeValue(double(1e21), 'a')).toEqual({ N: '1e+21' })
    expect(encodeAttributeValue(double(2 ** 60), 'a')).toEqual({ N: '1152921504606847000.0' })
    expect(encodeAttributeValue(int64('9223372036854775807'), 'a')).toEqual({ N: '9223372036854775807' })
    expect(encodeAttributeValue(int64('-0009'), 'a')).toEqual({ N: '-9' })
    expect(encodeAttributeValue(int64(7), 'a')).toEqual({ N: '7' })
    expect(() => int64('9223372036854775808')).toThrow(ValidationError)
    expect(() => int64('1.5')).toThrow(ValidationError)
    expect(() => double(Number.NaN)).toThrow(ValidationError)
  })

  it('encodes booleans, bytes of every value, ArrayBuffers and other views as B', () => {
    expect(encodeAttributeValue(false, 'a')).toEqual({ BOOL: false })
    const all = Uint8Array.from({ length: 256 }, (_, index) => index)
    const { B } = encodeAttributeValue(all, 'a') as { B: string }
    expect(Uint8Array.from(atob(B), (c) => c.charCodeAt(0))).toEqual(all)
    expect(encodeAttributeValue(new Uint8Array(0), 'a')).toEqual({ B: '' })
    expect(encodeAttributeValue(new Uint8Array([0, 1]).buffer, 'a')).toEqual({ B: 'AAE=' })
    expect(encodeAttributeValue(new Uint16Array([0x0100]), 'a')).toEqual({ B: 'AAE=' })
    expect(encodeAttributeValue(new Uint8Array([9, 0, 1, 9]).subarray(1, 3), 'a')).toEqual({ B: 'AAE=' })
  })

  it('encodes numeric arrays as the array blobs of kv.md', () => {
    expect(encodeAttributeValue([1, 4, 3], 'a')).toEqual({
      B: 'MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAABAAAAAAAAAADAAAAAAAAAA==',
    })
    expect(encodeAttributeValue([-1n], 'a')).toEqual({ B: 'MEGrAAEAAAAIAAAAAwEAAP//////////' })
    expect(encodeAttributeValue(BigInt64Array.of(-1n), 'a')).toEqual({
      B: 'MEGrAAEAAAAIAAAAAwEAAP//////////',
    })
    expect(encodeAttributeValue([], 'a')).toEqual({ B: 'MEGrAAEAAAAAAAAAAwEAAA==' })
    expect(encodeAttributeValue([1.5, 2.5], 'a')).toEqual({
      B: 'MEGrAAEAAAAQAAAABQEAAAAAAAAAAPg/AAAAAAAABEA=',
    })
    expect(encodeAttributeValue(Float64Array.of(10.25, 20.25, 30.25), 'a')).toEqual({
      B: 'MEGrAAEAAAAYAAAABQEAAAAAAAAAgCRAAAAAAABANEAAAAAAAEA+QA==',
    })
    expect(encodeAttributeValue(new Float64Array(0), 'a')).toEqual({ B: 'MEGrAAEAAAAAAAAABQEAAA==' })
    expect(encodeAttributeValue(new TypedAttribute('doubleArray', []), 'a')).toEqual({
      B: 'MEGrAAEAAAAAAAAABQEAAA==',
    })
    expect(encodeAttributeValue(new TypedAttribute('intArray', [1, 4n, 3]), 'a')).toEqual({
      B: 'MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAABAAAAAAAAAADAAAAAAAAAA==',
    })
  })

  it('encodes Dates with millisecond precision and Timestamps exactly, before the epoch too', () => {
    expect(encodeAttributeValue(new Date(1714557600123), 'a')).toEqual({ TS: '1714557600:123000000' })
    expect(encodeAttributeValue(new Date(-1500), 'a')).toEqual({ TS: '-2:500000000' })
    expect(encodeAttributeValue(new Timestamp(-2, 500000000), 'a')).toEqual({ TS: '-2:500000000' })
    expect(encodeAttributeValue(new Timestamp(0, 1), 'a')).toEqual({ TS: '0:1' })
  })

  it('writes typed attributes as their type and unknown values back unchanged', () => {
    expect(encodeAttributeValue(new TypedAttribute('int', 2n ** 62n), 'a')).toEqual({
      N: '4611686018427387904',
    })
    expect(encodeAttributeValue(new TypedAttribute('string', 'x'), 'a')).toEqual({ S: 'x' })
    expect(encodeAttributeValue(new UnknownAttributeValue('SS', ['a']), 'a')).toEqual({ SS: ['a'] })
    expect(() => encodeAttributeValue(new TypedAttribute('int', 1.5), 'a')).toThrow(ValidationError)
    expect(() => encodeAttributeValue(new TypedAttribute('bool', 'yes' as never), 'a')).toThrow(
      ValidationError,
    )
  })

  it('rejects invalid values naming the attribute, before anything is sent', () => {
    rejects({ age: Number.NaN }, 'attributes.age', /finite/)
    rejects({ age: Number.POSITIVE_INFINITY }, 'attributes.age')
    rejects({ age: 2 ** 53 }, 'attributes.age', /bigint/)
    rejects({ age: 2n ** 63n }, 'attributes.age', /int64/)
    rejects({ age: -(2n ** 63n) - 1n }, 'attributes.age', /int64/)
    rejects({ age: null }, 'attributes.age', /null/)
    rejects({ age: undefined }, 'attributes.age', /undefined/)
    rejects({ age: { nested: 1 } }, 'attributes.age', /object/)
    rejects({ age: Symbol('x') }, 'attributes.age', /symbol/)
    rejects({ age: () => 1 }, 'attributes.age', /function/)
    rejects({ tags: ['a', 'b'] }, 'attributes.tags[0]')
    rejects({ xs: [1, Number.NaN] }, 'attributes.xs[1]')
    rejects({ xs: [1n, 1.5] }, 'attributes.xs[1]')
    rejects({ name: 'bad \ud800 text' }, 'attributes.name', /surrogate/)
    rejects({ when: new Date(Number.NaN) }, 'attributes.when', /invalid Date/)
  })

  it('rejects attribute names that break the naming rules', () => {
    rejects({ 'bad name': 1 }, 'attributes["bad name"]', /A–Z/)
    rejects({ '1abc': 1 }, 'attributes["1abc"]')
    rejects({ '': 1 }, 'attributes[""]')
    rejects({ ['a'.repeat(256)]: 1 }, `attributes.${'a'.repeat(256)}`)
    rejects({ é: 1 }, 'attributes["é"]')
    expect(encodeAttributes({ ['a'.repeat(255)]: 1, _x: 2, __hidden: 3 })).toHaveProperty('__hidden')
  })

  it('rejects what is not an attribute map', () => {
    expect(() => encodeAttributes(null)).toThrow(ValidationError)
    expect(() => encodeAttributes([1])).toThrow(ValidationError)
    expect(() => encodeAttributes('x')).toThrow(ValidationError)
  })
})
