import { describe, expect, it } from 'vitest'
import { Timestamp, ValidationError } from '../../../src/index.js'

describe('Timestamp', () => {
  it('keeps nanoseconds that a Date would lose', () => {
    const ts = new Timestamp(1577934245, 678901234)
    expect(ts.toString()).toBe('1577934245:678901234')
    expect(ts.epochNanoseconds).toBe(1577934245678901234n)
    expect(ts.toDate().toISOString()).toBe('2020-01-02T03:04:05.678Z')
    expect(Timestamp.fromEpochNanoseconds(1577934245678901234n)).toEqual(ts)
  })

  it('converts Dates both ways, before the epoch too', () => {
    expect(Timestamp.fromDate(new Date(-1500))).toEqual(new Timestamp(-2, 500_000_000))
    expect(new Timestamp(-2, 500_000_000).toDate().getTime()).toBe(-1500)
    expect(Timestamp.fromEpochNanoseconds(-1n)).toEqual(new Timestamp(-1, 999_999_999))
    expect(Timestamp.fromDate(new Date(0))).toEqual(new Timestamp(0, 0))
  })

  it('parses the wire form and compares instants', () => {
    expect(Timestamp.parse('-2:500000000')).toEqual(new Timestamp(-2, 500_000_000))
    expect(Timestamp.parse('9223372036854775807:1').seconds).toBe(9223372036854775807n)
    expect(new Timestamp(5n, 1).equals(new Timestamp(5, 1))).toBe(true)
    expect(new Timestamp(5, 1).equals(new Timestamp(5, 2))).toBe(false)
    expect(JSON.stringify(new Timestamp(2n ** 60n, 3))).toBe(
      '{"seconds":"1152921504606846976","nanoseconds":3}',
    )
    expect(() => Timestamp.parse('1:-1')).toThrow(ValidationError)
    expect(() => Timestamp.parse('1')).toThrow(ValidationError)
  })

  it('rejects out-of-range parts', () => {
    expect(() => new Timestamp(1, 1_000_000_000)).toThrow(ValidationError)
    expect(() => new Timestamp(1, -1)).toThrow(ValidationError)
    expect(() => new Timestamp(1, 0.5)).toThrow(ValidationError)
    expect(() => new Timestamp(1.5)).toThrow(ValidationError)
    expect(() => new Timestamp(2n ** 63n)).toThrow(ValidationError)
    expect(() => Timestamp.fromDate(new Date(Number.NaN))).toThrow(ValidationError)
  })
})
