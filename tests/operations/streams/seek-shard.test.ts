import { describe, expect, it } from 'vitest'
import { DecodeError, ValidationError } from '../../../src/index.js'
import { seekShard } from '../../../src/operations/streams/seek-shard.js'
import { rawResponse } from '../../support/raw-response.js'

const shard = { container: 'bigdata', path: '/s/1' }

describe('seekShard encoding', () => {
  it('sends the contract request for EARLIEST to /<c>/<s>/<n>/', () => {
    expect(seekShard.encode({ ...shard, seekType: 'EARLIEST' })).toEqual({
      operation: 'SeekShard',
      method: 'PUT',
      path: '/bigdata/s/1/',
      headers: { 'X-v3io-function': 'SeekShard', 'Content-Type': 'application/json' },
      body: '{"Type":"EARLIEST"}',
      idempotent: true,
    })
  })

  it('sends the bodies of the contract table', () => {
    const body = (options: object) => seekShard.encode({ ...shard, ...options } as never).body
    expect(body({ seekType: 'LATEST' })).toBe('{"Type":"LATEST"}')
    expect(body({ seekType: 'SEQUENCE', startingSequenceNumber: 15756 })).toBe(
      '{"Type":"SEQUENCE","StartingSequenceNumber":15756}',
    )
    expect(body({ seekType: 'SEQUENCE', startingSequenceNumber: 18446744073709551615n })).toBe(
      '{"Type":"SEQUENCE","StartingSequenceNumber":18446744073709551615}',
    )
    expect(body({ seekType: 'TIME', timestamp: { seconds: 1714557600, nanoseconds: 160186781 } })).toBe(
      '{"Type":"TIME","TimestampSec":1714557600,"TimestampNSec":160186781}',
    )
    expect(body({ seekType: 'TIME', timestamp: { seconds: 1714557600 } })).toBe(
      '{"Type":"TIME","TimestampSec":1714557600,"TimestampNSec":0}',
    )
    expect(body({ seekType: 'TIME', timestamp: new Date('2024-05-01T10:00:00.125Z') })).toBe(
      '{"Type":"TIME","TimestampSec":1714557600,"TimestampNSec":125000000}',
    )
    expect(body({ seekType: 'TIME', timestamp: 1714557600999 })).toBe(
      '{"Type":"TIME","TimestampSec":1714557600,"TimestampNSec":999000000}',
    )
  })

  it('addresses a shard by stream path and shardId too', () => {
    expect(
      seekShard.encode({ container: 'bigdata', path: 'a/s/', shardId: 12, seekType: 'LATEST' }).path,
    ).toBe('/bigdata/a/s/12/')
  })

  it.each([
    [{ path: '/s', seekType: 'EARLIEST' }, 'path'],
    [{ path: '/s/01', seekType: 'EARLIEST' }, 'path'],
    [{ path: '/s/x', seekType: 'EARLIEST' }, 'path'],
    [{ path: '/s', shardId: -1, seekType: 'EARLIEST' }, 'shardId'],
    [{ seekType: 'earliest' }, 'seekType'],
    [{ seekType: undefined }, 'seekType'],
    [{ seekType: 'SEQUENCE' }, 'startingSequenceNumber'],
    [{ seekType: 'SEQUENCE', startingSequenceNumber: 0 }, 'startingSequenceNumber'],
    [{ seekType: 'SEQUENCE', startingSequenceNumber: 2 ** 60 }, 'startingSequenceNumber'],
    [{ seekType: 'TIME' }, 'timestamp'],
    [{ seekType: 'TIME', timestamp: new Date('nope') }, 'timestamp'],
    [{ seekType: 'TIME', timestamp: { seconds: 1, nanoseconds: 1e9 } }, 'timestamp.nanoseconds'],
    [{ seekType: 'TIME', timestamp: { seconds: -1 } }, 'timestamp.seconds'],
  ])('rejects %j naming %s', (options, parameter) => {
    const call = () => seekShard.encode({ ...shard, ...options } as never)
    expect(call).toThrow(ValidationError)
    expect(call).toThrow(expect.objectContaining({ parameter }))
  })

  it('decodes the contract answer', () => {
    const descriptor = seekShard.encode({ ...shard, seekType: 'EARLIEST' })
    expect(seekShard.decode(rawResponse(200, '{"Location":"AQABADQS7V4BAAAAAAAAAA=="}'), descriptor)).toEqual(
      {
        location: 'AQABADQS7V4BAAAAAAAAAA==',
      },
    )
    expect(() => seekShard.decode(rawResponse(200, '{"Location":5}'), descriptor)).toThrow(DecodeError)
    expect(() => seekShard.decode(rawResponse(200, '{}'), descriptor)).toThrow(DecodeError)
  })
})
