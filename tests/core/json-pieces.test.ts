import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseJsonBytes } from '../../src/core/json-pieces.js'
import { parseJson } from '../../src/core/lossless-json.js'

const encoder = new TextEncoder()
const bytesOf = (text: string) => encoder.encode(text)

const record = (index: number, partitionKey = 'k') => ({
  ArrivalTimeSec: 1714557600,
  ArrivalTimeNSec: 160186781,
  SequenceNumber: index + 1,
  PartitionKey: partitionKey,
  Data: btoa('r'.repeat(100)),
})

/** A GetRecords body of `count` records (about 250 bytes each). */
const recordsPage = (count: number, partitionKey?: (index: number) => string) =>
  JSON.stringify({
    NextLocation: 'AQABADQS7V4DAAAAAAAAAA==',
    MSecBehindLatest: 0,
    RecordsBehindLatest: 5,
    Records: Array.from({ length: count }, (_, index) => record(index, partitionKey?.(index))),
  })

/** How many times `JSON.parse` ran for one call of `parseJsonBytes`: more than one means pieces. */
function parses(text: string): { value: unknown; calls: number } {
  const spy = vi.spyOn(JSON, 'parse')
  try {
    const value = parseJsonBytes(bytesOf(text))
    return { value, calls: spy.mock.calls.length }
  } finally {
    spy.mockRestore()
  }
}

afterEach(() => vi.restoreAllMocks())

describe('parseJsonBytes', () => {
  it('parses a large page in pieces to the same value as one parse, records in order', () => {
    const text = recordsPage(1000)
    const { value, calls } = parses(text)
    expect(calls).toBeGreaterThan(3)
    expect(value).toEqual(JSON.parse(text))
    const records = (value as { Records: { SequenceNumber: number }[] }).Records
    expect(records.map((entry) => entry.SequenceNumber)).toEqual(
      Array.from({ length: 1000 }, (_, index) => index + 1),
    )
  })

  it('parses small bodies in one piece', () => {
    const text = recordsPage(100)
    const { value, calls } = parses(text)
    expect(calls).toBe(1)
    expect(value).toEqual(JSON.parse(text))
  })

  it('is not fooled by strings that hold the boundary text', () => {
    // Inside a string `"` is always escaped, so `},{"x` appears as `},{\"x`; a string may end in `},{`.
    const keys = ['},{"A', 'x},{', '},{"', '\\},{\\"B', '"},{"C":1}', 'ends with },{']
    const text = recordsPage(1200, (index) => keys[index % keys.length] as string)
    const { value, calls } = parses(text)
    expect(calls).toBeGreaterThan(3)
    expect(value).toEqual(JSON.parse(text))
  })

  it('keeps integers beyond 2^53 exact in every piece', () => {
    const text = recordsPage(1000).replace(
      /"SequenceNumber":(\d+)/g,
      (_, n) => `"SequenceNumber":1844674407370955${String(n).padStart(4, '0')}`,
    )
    const value = parseJsonBytes(bytesOf(text)) as { Records: { SequenceNumber: bigint }[] }
    expect(value).toEqual(parseJson(text))
    expect(value.Records[999]?.SequenceNumber).toBe(18446744073709551000n)
  })

  it('decodes multi-byte text across pieces', () => {
    const text = recordsPage(1000, (index) => `מפתח-${index}-😀-ü`)
    const { value, calls } = parses(text)
    expect(calls).toBeGreaterThan(3)
    expect(value).toEqual(JSON.parse(text))
  })

  it('parses GetItems pages (typed values, `}},{"` between items)', () => {
    const text = JSON.stringify({
      LastItemIncluded: 'FALSE',
      NextMarker: 'marker',
      Items: Array.from({ length: 2000 }, (_, index) => ({
        __name: { S: `item-${index}` },
        age: { N: String(index) },
        blob: { B: btoa(`blob ${index}`) },
        tags: { S: '[{"a":1},{"b":2}]' },
      })),
    })
    const { value, calls } = parses(text)
    expect(calls).toBeGreaterThan(3)
    expect(value).toEqual(JSON.parse(text))
  })

  it('falls back to one parse when the large array is not a top-level member, or the body is an array', () => {
    const nested = JSON.stringify({ Outer: JSON.parse(recordsPage(1000)) })
    expect(parseJsonBytes(bytesOf(nested))).toEqual(JSON.parse(nested))
    const array = JSON.stringify(JSON.parse(recordsPage(1000)).Records)
    expect(parseJsonBytes(bytesOf(array))).toEqual(JSON.parse(array))
    const proto = recordsPage(1000).replace('"Records"', '"__proto__"')
    const value = parseJsonBytes(bytesOf(proto)) as Record<string, unknown>
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toHaveLength(1000)
  })

  it('reports malformed bodies as one parse does', () => {
    const text = recordsPage(1000)
    for (const broken of [
      text.slice(0, -2),
      text.replace('"Data":"', '"Data":'),
      `${text.slice(0, 150_000)}]}`,
    ]) {
      let expected: unknown
      try {
        parseJson(broken)
      } catch (error) {
        expected = error
      }
      expect(expected).toBeInstanceOf(SyntaxError)
      expect(() => parseJsonBytes(bytesOf(broken))).toThrow((expected as Error).message)
    }
  })

  it('equals one parse on arbitrary arrays of objects (fast-check)', () => {
    const entry = fc.record({
      key: fc.string({ unit: 'binary', maxLength: 40 }),
      text: fc.string({ maxLength: 300 }),
      number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
      list: fc.array(fc.oneof(fc.string({ maxLength: 10 }), fc.constant({ nested: '},{"x' })), {
        maxLength: 3,
      }),
    })
    fc.assert(
      fc.property(fc.array(entry, { minLength: 300, maxLength: 600 }), fc.string(), (entries, name) => {
        const text = JSON.stringify({ [name]: 1, Entries: entries, Tail: '},{"t' })
        expect(parseJsonBytes(bytesOf(text))).toEqual(parseJson(text))
      }),
      { numRuns: 25 },
    )
  })
})
