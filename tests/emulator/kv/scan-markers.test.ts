import { describe, expect, it } from 'vitest'
import { decodeMarker, encodeMarker, scanFingerprint } from '../../../src/emulator/kv/scan-markers.js'

const example = 'eyJ2IjoxLCJmcCI6ImRlM2Q0Y2I2Iiwic2xpY2UiOjYzNywibmFtZSI6ImFsaWNlIn0='
const plainPeople = { kind: 'plain', container: 'bigdata', directory: 'people' } as const

describe('GetItems markers (ED-38)', () => {
  it('fingerprints the plain scan of bigdata/people as de3d4cb6', () => {
    expect(scanFingerprint(plainPeople)).toBe('de3d4cb6')
  })

  it('encodes the contract example marker (alice, slice 637) exactly', () => {
    expect(encodeMarker('de3d4cb6', { slice: 637, name: 'alice' })).toBe(example)
    expect(Buffer.from(example, 'base64').toString()).toBe(
      '{"v":1,"fp":"de3d4cb6","slice":637,"name":"alice"}',
    )
  })

  it('decodes its own markers, also non-ASCII names', () => {
    expect(decodeMarker(example, 'de3d4cb6')).toEqual({ slice: 637, name: 'alice' })
    const marker = encodeMarker('0000abcd', { slice: 0, name: 'ключ.😀' })
    expect(decodeMarker(marker, '0000abcd')).toEqual({ slice: 0, name: 'ключ.😀' })
  })

  it('distinguishes scans by kind, container, directory, sharding key and segments', () => {
    const prints = new Set([
      scanFingerprint(plainPeople),
      scanFingerprint({ ...plainPeople, container: 'users' }),
      scanFingerprint({ ...plainPeople, directory: 'people/x' }),
      scanFingerprint({ ...plainPeople, kind: 'range', shardingKey: 'a' }),
      scanFingerprint({ ...plainPeople, kind: 'range', shardingKey: 'b' }),
      scanFingerprint({ ...plainPeople, kind: 'segment', segment: 0, totalSegment: 2 }),
      scanFingerprint({ ...plainPeople, kind: 'segment', segment: 1, totalSegment: 2 }),
      scanFingerprint({ ...plainPeople, kind: 'segment', segment: 0, totalSegment: 3 }),
    ])
    expect(prints.size).toBe(8)
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{8}$/)
  })

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')
  it.each([
    ['another fingerprint', encodeMarker('de3d4cb7', { slice: 1, name: 'x' })],
    ['not base64', '!!!'],
    ['base64 of non-JSON', Buffer.from('{oops').toString('base64')],
    ['base64 of invalid UTF-8', Buffer.from([0x22, 0xff, 0x22]).toString('base64')],
    ['an array', encode([1])],
    ['version 2', encode({ v: 2, fp: 'de3d4cb6', slice: 1, name: 'x' })],
    ['a missing member', encode({ v: 1, fp: 'de3d4cb6', slice: 1 })],
    ['an extra member', encode({ v: 1, fp: 'de3d4cb6', slice: 1, name: 'x', more: 0 })],
    ['a slice of 1024', encode({ v: 1, fp: 'de3d4cb6', slice: 1024, name: 'x' })],
    ['a fractional slice', encode({ v: 1, fp: 'de3d4cb6', slice: 1.5, name: 'x' })],
    ['an empty name', encode({ v: 1, fp: 'de3d4cb6', slice: 1, name: '' })],
    ['a numeric name', encode({ v: 1, fp: 'de3d4cb6', slice: 1, name: 5 })],
  ])('refuses %s with 400 invalid Marker', (_, marker) => {
    expect(() => decodeMarker(marker, 'de3d4cb6')).toThrowError(
      expect.objectContaining({ status: 400, errorMessage: 'InvalidArgumentException: invalid Marker' }),
    )
  })
})
