import { describe, expect, it } from 'vitest'
import type { AttributeValue } from '../../../src/emulator/kv/values.js'
import {
  decodeAttributes,
  decodeStream,
  encodeAttributes,
  encodeStream,
} from '../../../src/emulator/storage/node-rows.js'

describe('node rows', () => {
  it('round-trips every attribute type exactly, in order', () => {
    const backing = new Uint8Array([9, 0, 255, 1, 9])
    const attributes = new Map<string, AttributeValue>([
      ['s', { type: 'string', value: 'ü "quoted" \u2028' }],
      ['empty', { type: 'string', value: '' }],
      ['max', { type: 'int', value: 9223372036854775807n }],
      ['min', { type: 'int', value: -9223372036854775808n }],
      ['sum', { type: 'double', value: 0.1 + 0.2 }],
      ['negativeZero', { type: 'double', value: -0 }],
      ['tiny', { type: 'double', value: 5e-324 }],
      ['yes', { type: 'bool', value: true }],
      ['no', { type: 'bool', value: false }],
      // A view into a larger buffer: only its own bytes are stored.
      ['blob', { type: 'blob', value: backing.subarray(1, 4) }],
      ['ts', { type: 'timestamp', secs: -62135596800n, nsecs: 999_999_999 }],
      ['__hidden', { type: 'int', value: 7n }],
    ])
    const decoded = decodeAttributes(encodeAttributes(attributes))
    expect([...decoded.keys()]).toEqual([...attributes.keys()])
    expect(decoded.get('blob')).toEqual({ type: 'blob', value: new Uint8Array([0, 255, 1]) })
    expect(Object.is((decoded.get('negativeZero') as { value: number }).value, -0)).toBe(true)
    expect(decoded).toEqual(
      new Map([...attributes, ['blob', { type: 'blob', value: new Uint8Array([0, 255, 1]) }]]),
    )
  })

  it('refuses a type it does not know rather than guessing', () => {
    expect(() => decodeAttributes('[["x","float","1"]]')).toThrow(
      'unknown attribute type in the database: float',
    )
  })

  it('round-trips a stream state', () => {
    const stream = { shardCount: 12, retentionPeriodHours: 8760, incarnation: 4_000_000_000, roundRobin: 31 }
    expect(decodeStream(encodeStream(stream))).toEqual(stream)
  })
})
