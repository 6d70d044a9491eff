import { describe, expect, it } from 'vitest'
import { encodeBase64 } from '../../../src/core/base64.js'
import { decodeBase64 } from '../../../src/core/base64-decoding.js'
import { arrayBlobElementType, decodeArrayBlob } from '../../../src/operations/kv/array-blob-decoding.js'
import { encodeDoubleArrayBlob, encodeInt64ArrayBlob } from '../../../src/operations/kv/array-blobs.js'

// The examples table of kv.md "Array blob layout".
const int64Examples: Array<[bigint[], string]> = [
  [[1n, 2n, 3n], 'MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA=='],
  [[1n, 4n, 3n], 'MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAABAAAAAAAAAADAAAAAAAAAA=='],
  [[-1n], 'MEGrAAEAAAAIAAAAAwEAAP//////////'],
  [[], 'MEGrAAEAAAAAAAAAAwEAAA=='],
]
const doubleExamples: Array<[number[], string]> = [
  [[1.5, 2.5], 'MEGrAAEAAAAQAAAABQEAAAAAAAAAAPg/AAAAAAAABEA='],
  [[10.25, 20.25, 30.25], 'MEGrAAEAAAAYAAAABQEAAAAAAAAAgCRAAAAAAABANEAAAAAAAEA+QA=='],
  [[10.25, 40.5, 30.25], 'MEGrAAEAAAAYAAAABQEAAAAAAAAAgCRAAAAAAABAREAAAAAAAEA+QA=='],
  [[], 'MEGrAAEAAAAAAAAABQEAAA=='],
]

describe('array blobs', () => {
  it('encode and decode every example of kv.md', () => {
    for (const [values, base64] of int64Examples) {
      expect(encodeBase64(encodeInt64ArrayBlob(values))).toBe(base64)
      expect(decodeArrayBlob(decodeBase64(base64)!)).toEqual(BigInt64Array.from(values))
    }
    for (const [values, base64] of doubleExamples) {
      expect(encodeBase64(encodeDoubleArrayBlob(values))).toBe(base64)
      expect(decodeArrayBlob(decodeBase64(base64)!)).toEqual(Float64Array.from(values))
    }
  })

  it('round-trip int64 extremes and special doubles', () => {
    const ints = [2n ** 63n - 1n, -(2n ** 63n), 0n, -(2n ** 63n) + 1n]
    expect(decodeArrayBlob(encodeInt64ArrayBlob(ints))).toEqual(BigInt64Array.from(ints))
    const doubles = [Number.MAX_VALUE, Number.MIN_VALUE, -0, 0.1]
    expect(decodeArrayBlob(encodeDoubleArrayBlob(doubles))).toEqual(Float64Array.from(doubles))
  })

  it('decode an unaligned view (blobs sliced from bigger buffers)', () => {
    const blob = encodeInt64ArrayBlob([7n])
    const padded = new Uint8Array(blob.length + 3)
    padded.set(blob, 3)
    expect(decodeArrayBlob(padded.subarray(3))).toEqual(BigInt64Array.of(7n))
  })

  it('treat anything but a well-formed blob as plain bytes', () => {
    const good = encodeInt64ArrayBlob([1n])
    expect(arrayBlobElementType(good)).toBe(259)
    expect(arrayBlobElementType(good.subarray(0, 20))).toBeUndefined() // payload length mismatch
    expect(arrayBlobElementType(new Uint8Array(15))).toBeUndefined()
    const badVersion = good.slice()
    badVersion[4] = 2
    expect(decodeArrayBlob(badVersion)).toBeUndefined()
    const badType = good.slice()
    badType[12] = 4
    expect(decodeArrayBlob(badType)).toBeUndefined()
    const odd = new Uint8Array(20)
    odd.set(good.subarray(0, 16))
    odd[8] = 4 // payload 4 bytes: not a multiple of 8
    expect(decodeArrayBlob(odd)).toBeUndefined()
  })
})

describe('base64', () => {
  it('round-trips all byte values and large inputs without Buffer', () => {
    const all = Uint8Array.from({ length: 256 }, (_, index) => index)
    expect(decodeBase64(encodeBase64(all))).toEqual(all)
    const large = Uint8Array.from({ length: 70_001 }, (_, index) => (index * 31) % 256)
    expect(decodeBase64(encodeBase64(large))).toEqual(large)
    expect(encodeBase64(new Uint8Array(0))).toBe('')
  })

  it('accepts unpadded input and rejects other alphabets and whitespace', () => {
    expect(decodeBase64('AAE')).toEqual(new Uint8Array([0, 1]))
    expect(decodeBase64('AA==')).toEqual(new Uint8Array([0]))
    for (const text of ['AA E=', 'AA-_', 'A', 'AAE==', '===='])
      expect(decodeBase64(text), text).toBeUndefined()
  })
})
