import { describe, expect, it } from 'vitest'
import { xxHash32 } from '../../../src/emulator/hashing/xxhash32.js'

describe('xxHash32', () => {
  // The contract's test vectors (streams.md, partition-key hashing).
  it.each([
    ['', 0x02cc5d05, 5],
    ['a', 0x550d7456, 6],
    ['abc', 0x32d153ff, 7],
    ['user-42', 0x61819a7e, 6],
    ['sensor-1', 0x7da9ad4a, 2],
    ['Nobody inspects the spammish repetition', 0xe2293b2f, 7],
    ['ключ', 0x4f28515b, 3],
  ])('hashes %j to the contract value', (input, hash, shard) => {
    expect(xxHash32(input)).toBe(hash)
    expect(xxHash32(input) % 8).toBe(shard)
  })

  it('hashes bytes and their string alike', () => {
    expect(xxHash32(new TextEncoder().encode('user-42'))).toBe(xxHash32('user-42'))
  })
})
