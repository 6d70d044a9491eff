import { describe, expect, it } from 'vitest'
import {
  attributeCell,
  attributeText,
  columnTypes,
  parseAttributeText,
} from '../../../console/src/kv/attribute-text.js'
import { Timestamp, TypedAttribute, UnknownAttributeValue } from '../../../src/index.js'

describe('attributeText and parseAttributeText', () => {
  it('round-trips every editable type', () => {
    const cases: [TypedAttribute, string, unknown][] = [
      [new TypedAttribute('string', ' spaced '), ' spaced ', ' spaced '],
      [new TypedAttribute('int', 42), '42', 42],
      [new TypedAttribute('int', 9007199254740993n), '9007199254740993', 9007199254740993n],
      [new TypedAttribute('double', 1.5), '1.5', 1.5],
      [new TypedAttribute('bool', false), 'false', false],
      [new TypedAttribute('blob', Uint8Array.from([0, 255, 7])), 'AP8H', Uint8Array.from([0, 255, 7])],
      [new TypedAttribute('intArray', BigInt64Array.from([1n, -2n])), '1, -2', [1, -2]],
      [new TypedAttribute('doubleArray', Float64Array.from([0.5, 2])), '0.5, 2', [0.5, 2]],
    ]
    for (const [attribute, text, value] of cases) {
      expect(attributeText(attribute), attribute.type).toBe(text)
      expect(parseAttributeText(attribute.type as never, text), attribute.type).toEqual({
        type: attribute.type,
        value,
      })
    }
  })

  it('reads timestamps as seconds:nanoseconds or ISO 8601, and shows them as ISO 8601 in cells', () => {
    const timestamp = new TypedAttribute('timestamp', new Timestamp(1_700_000_000, 5))
    expect(attributeText(timestamp)).toBe('1700000000:5')
    expect(parseAttributeText('timestamp', '1700000000:5')).toEqual({
      type: 'timestamp',
      seconds: 1_700_000_000n,
      nanoseconds: 5,
    })
    expect(parseAttributeText('timestamp', '2023-11-14T22:13:20.250Z')).toEqual({
      type: 'timestamp',
      seconds: 1_700_000_000n,
      nanoseconds: 250_000_000,
    })
    expect(attributeCell(timestamp)).toBe('2023-11-14T22:13:20.000Z')
  })

  it('refuses text that does not fit the type, saying what fits', () => {
    expect(() => parseAttributeText('int', '1.5')).toThrow('an int is a whole number, got "1.5"')
    expect(() => parseAttributeText('int', '9223372036854775808')).toThrow('an int is a 64-bit integer')
    expect(() => parseAttributeText('double', 'NaN')).toThrow('a double must be a finite number')
    expect(() => parseAttributeText('double', '')).toThrow('a double must be a finite number')
    expect(() => parseAttributeText('bool', 'yes')).toThrow('a bool is true or false')
    expect(() => parseAttributeText('blob', '%%')).toThrow('a blob is written in base64')
    expect(() => parseAttributeText('timestamp', 'yesterday')).toThrow(
      'seconds:nanoseconds or an ISO 8601 date',
    )
    expect(() => parseAttributeText('intArray', '1, x')).toThrow('an int is a whole number, got "x"')
  })

  it('shows values of unknown wire types as JSON', () => {
    expect(attributeText(new UnknownAttributeValue('SS', ['a', 'b']))).toBe('["a","b"]')
  })
})

describe('columnTypes', () => {
  it('lists __name first, then names in first-seen order with every type seen', () => {
    const columns = columnTypes([
      { __name: new TypedAttribute('string', 'a'), age: new TypedAttribute('int', 1) },
      {
        __name: new TypedAttribute('string', 'b'),
        city: new TypedAttribute('string', 'x'),
        age: new TypedAttribute('double', 1.5),
      },
    ])
    expect([...columns].map(([name, types]) => [name, [...types]])).toEqual([
      ['__name', ['string']],
      ['age', ['int', 'double']],
      ['city', ['string']],
    ])
  })
})
