import { describe, expect, it } from 'vitest'
import {
  decodeLocation,
  encodeLocation,
  oldestLocationToken,
} from '../../../src/emulator/streams/location-token.js'

describe('location tokens (ED-44)', () => {
  it('encodes the contract examples', () => {
    expect(encodeLocation({ shardId: 1, incarnation: 0x5eed1234, sequenceNumber: 1 })).toBe(
      'AQABADQS7V4BAAAAAAAAAA==',
    )
    expect(encodeLocation({ shardId: 1, incarnation: 0x5eed1234, sequenceNumber: 3 })).toBe(
      'AQABADQS7V4DAAAAAAAAAA==',
    )
  })

  it('decodes what it encodes, including large shard ids, tags and numbers', () => {
    for (const position of [
      { shardId: 0, incarnation: 1, sequenceNumber: 1 },
      { shardId: 4095, incarnation: 0xffffffff, sequenceNumber: Number.MAX_SAFE_INTEGER },
      { shardId: 7, incarnation: 0x80000000, sequenceNumber: 2 ** 40 + 3 },
    ])
      expect(decodeLocation(encodeLocation(position))).toEqual(position)
  })

  it('reads the all-zero token as "the oldest retained record"', () => {
    expect(oldestLocationToken).toBe('AQAAAAAAAAAAAAAAAAAAAA==')
    expect(decodeLocation(oldestLocationToken)).toBe('oldest')
  })

  it.each([
    ['unpadded', 'AQABADQS7V4BAAAAAAAAAA'],
    ['non-canonical low bits', 'AQABADQS7V4BAAAAAAAAAB=='],
    ['version 2', 'AgABADQS7V4BAAAAAAAAAA=='],
    ['reserved byte set', 'AQEBADQS7V4BAAAAAAAAAA=='],
    ['sequence number 0', 'AQABADQS7V4AAAAAAAAAAA=='],
    ['beyond 2^53', 'AQABADQS7V4AAAAAAAAAQA=='],
    ['15 bytes', 'AQABADQS7V4BAAAAAAAAAAA'],
    ['URL-safe alphabet', 'AQABADQS7V4BAAAAAAAA-_=='],
    ['empty', ''],
    ['garbage', 'not a token at all!!!!!!'],
  ])('refuses a %s token', (_, token) => {
    expect(decodeLocation(token)).toBeUndefined()
  })
})
