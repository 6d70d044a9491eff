import { describe, expect, it } from 'vitest'
import { expectError, invalidArgumentCode, useStreamWire } from './stream-wire-support.js'

describe('SeekShard and GetRecords on the wire', () => {
  const wire = useStreamWire()
  const seek = (target: string, body: unknown, name = 'SeekShard') => wire.call(name, target, body)
  const get = (target: string, body: unknown) => wire.call('GetRecords', target, body)
  const location = async (target: string, body: unknown = { Type: 'EARLIEST' }, name = 'SeekShard') => {
    const answer = await seek(target, body, name)
    expect(answer.status).toBe(200)
    return (answer.json() as { Location: string }).Location
  }

  it('returns the contract GetRecords answer, members in the contract order', async () => {
    wire.clock.set(1714557600_160186781n)
    const stream = await wire.stream(2)
    await wire.call('PutRecords', `${stream}/`, {
      Records: [
        { Data: 'Zmlyc3Q=', ClientInfo: 'c29tZSBpbmZv', PartitionKey: 'k', ShardId: 1 },
        { Data: 'c2Vjb25k', ShardId: 1 },
      ],
    })
    const start = await location(`${stream}/1/`)
    const token = Buffer.from(start, 'base64')
    // Version 1, reserved 0, shard 1 (LE), a non-zero tag, next record 1.
    expect([token.length, token[0], token[1], token.readUInt16LE(2), token.readBigUInt64LE(8)]).toEqual([
      16,
      1,
      0,
      1,
      1n,
    ])
    expect(token.readUInt32LE(4)).not.toBe(0)
    const answer = await get(`${stream}/1/`, { Location: start, Limit: 10 })
    expect(answer.status).toBe(200)
    const end = Buffer.from(token)
    end.writeBigUInt64LE(3n, 8)
    expect(answer.text).toBe(
      `{"NextLocation":"${end.toString('base64')}","MSecBehindLatest":0,"RecordsBehindLatest":0,"Records":[{"ArrivalTimeSec":1714557600,"ArrivalTimeNSec":160186781,"SequenceNumber":1,"ClientInfo":"c29tZSBpbmZv","PartitionKey":"k","Data":"Zmlyc3Q="},{"ArrivalTimeSec":1714557600,"ArrivalTimeNSec":160186781,"SequenceNumber":2,"Data":"c2Vjb25k"}]}`,
    )
    // At the tail: Records is present and empty, the location comes back unchanged.
    const tail = await get(`${stream}/1`, { Location: end.toString('base64') })
    expect(tail.json()).toEqual({
      NextLocation: end.toString('base64'),
      MSecBehindLatest: 0,
      RecordsBehindLatest: 0,
      Records: [],
    })
  })

  it('accepts every addressing form and the Seek alias', async () => {
    const stream = await wire.stream(4)
    const directory = stream.slice(0, stream.lastIndexOf('/'))
    const name = stream.slice(stream.lastIndexOf('/') + 1)
    const forms: Array<[string, unknown]> = [
      [`${stream}/2/`, { Type: 'LATEST' }],
      [`${stream}/2`, { Type: 'LATEST' }],
      [`${stream}/2/`, { Type: 'LATEST', ShardId: 2 }],
      [`${stream}/`, { Type: 'LATEST', ShardId: 2 }],
      [`${directory}/`, { Type: 'LATEST', StreamName: name, ShardId: 2 }],
      [`${directory}/`, { Type: 'LATEST', StreamName: `${name}/2` }],
    ]
    const locations = new Set<string>()
    for (const [target, body] of forms) {
      const answer = await seek(target, body)
      expect(answer.status).toBe(200)
      locations.add((answer.json() as { Location: string }).Location)
    }
    // The reference's name of the function (ED-2).
    locations.add(await location(`${stream}/2/`, { Type: 'LATEST' }, 'Seek'))
    expect(locations.size).toBe(1)
  })

  it.each([
    [
      'a contradicting ShardId',
      '/2/',
      { Type: 'LATEST', ShardId: 3 },
      400,
      invalidArgumentCode,
      /contradicts/,
    ],
    ['a stream without ShardId', '/', { Type: 'LATEST' }, 400, invalidArgumentCode, /ShardId is required/],
    [
      'ShardId as a string',
      '/',
      { Type: 'LATEST', ShardId: '1' },
      400,
      invalidArgumentCode,
      /ShardId must be an integer/,
    ],
    ['shard 4 of 4', '/4/', { Type: 'LATEST' }, 400, -201326594, 'ShardIDOutOfRangeException'],
    ['ShardId -1', '/', { Type: 'LATEST', ShardId: -1 }, 400, -201326594, 'ShardIDOutOfRangeException'],
    ['no Type', '/0/', {}, 400, invalidArgumentCode, /Type is required/],
    ['a lowercase Type', '/0/', { Type: 'earliest' }, 400, invalidArgumentCode, /Type must be/],
    [
      'SEQUENCE without a number',
      '/0/',
      { Type: 'SEQUENCE' },
      400,
      invalidArgumentCode,
      /StartingSequenceNumber/,
    ],
    [
      'SEQUENCE with null',
      '/0/',
      { Type: 'SEQUENCE', StartingSequenceNumber: null },
      400,
      invalidArgumentCode,
      /StartingSequenceNumber/,
    ],
    [
      'SEQUENCE as text',
      '/0/',
      { Type: 'SEQUENCE', StartingSequenceNumber: '1' },
      400,
      invalidArgumentCode,
      /integer/,
    ],
    [
      'SEQUENCE 0',
      '/0/',
      { Type: 'SEQUENCE', StartingSequenceNumber: 0 },
      400,
      invalidArgumentCode,
      /not in the shard/,
    ],
    [
      'SEQUENCE 2 of an empty shard',
      '/0/',
      { Type: 'SEQUENCE', StartingSequenceNumber: 2 },
      400,
      invalidArgumentCode,
      /not in the shard/,
    ],
    [
      'TIME without nanoseconds',
      '/0/',
      { Type: 'TIME', TimestampSec: 1 },
      400,
      invalidArgumentCode,
      /TimestampNSec/,
    ],
    [
      'TIME with null seconds',
      '/0/',
      { Type: 'TIME', TimestampSec: null, TimestampNSec: 0 },
      400,
      invalidArgumentCode,
      /TimestampSec/,
    ],
  ])('refuses a seek with %s', async (_, suffix, body, status, code, message) => {
    const stream = await wire.stream(4)
    expectError(await seek(`${stream}${suffix}`, body), status, code, message)
  })

  it('answers 404 for a missing stream and 400 for a plain directory', async () => {
    const stream = await wire.stream(1)
    expectError(await seek(`${stream}-gone/0/`, { Type: 'LATEST' }), 404, -2, 'ResourceNotFoundException')
    expectError(
      await get(`${stream}-gone/0/`, { Location: 'AQAAAAAAAAAAAAAAAAAAAA==' }),
      404,
      -2,
      'ResourceNotFoundException',
    )
    await wire.http('PUT', `${stream}-dir/`)
    expectError(await seek(`${stream}-dir/0/`, { Type: 'LATEST' }), 400, -22, 'ResourceNotStreamException')
  })

  it('accepts the alternative spellings of the seek members', async () => {
    wire.clock.set(1714557600_000000000n)
    const stream = await wire.stream(1)
    await wire.call('PutRecords', `${stream}/`, { Records: [{ Data: 'YQ==' }, { Data: 'Yg==' }] })
    const bySequence = await location(`${stream}/0/`, { Type: 'SEQUENCE', StartSequenceNumber: 2 })
    const byTime = await location(`${stream}/0/`, {
      Type: 'TIME',
      TimeStampSec: 1714557600,
      TimeStampNSec: 0,
    })
    const read = async (from: string) =>
      (
        (await get(`${stream}/0/`, { Location: from })).json() as { Records: Array<{ Data: string }> }
      ).Records.map((record) => record.Data)
    expect(await read(bySequence)).toEqual(['Yg=='])
    expect(await read(byTime)).toEqual(['YQ==', 'Yg=='])
  })

  it.each([
    ['no Location', {}, 400, invalidArgumentCode, /Location is required/],
    ['a numeric Location', { Location: 5 }, 400, invalidArgumentCode, /Location must be a string/],
    [
      'a negative Limit',
      { Location: 'AQAAAAAAAAAAAAAAAAAAAA==', Limit: -1 },
      400,
      invalidArgumentCode,
      /Limit/,
    ],
    [
      'a fractional Limit',
      { Location: 'AQAAAAAAAAAAAAAAAAAAAA==', Limit: 1.5 },
      400,
      invalidArgumentCode,
      /Limit/,
    ],
    ['a malformed Location', { Location: 'not base64!' }, 400, -22, 'IllegalLocationException'],
    [
      'a non-canonical Location',
      { Location: 'AQAAAAAAAAAAAAAAAAAAAB==' },
      400,
      -22,
      'IllegalLocationException',
    ],
  ])('refuses GetRecords with %s', async (_, body, status, code, message) => {
    const stream = await wire.stream(1)
    expectError(await get(`${stream}/0/`, body), status, code, message)
  })

  it('refuses locations of another shard, of a re-created stream, past the end and purged ones', async () => {
    wire.clock.set(1714557600_000000000n)
    const stream = await wire.stream(2, 1)
    await wire.call('PutRecords', `${stream}/`, { Records: [{ Data: 'YQ==', ShardId: 0 }] })
    const zero = await location(`${stream}/0/`)
    expectError(await get(`${stream}/1/`, { Location: zero }), 400, -22, 'IllegalLocationException')
    // Past the end: next record 2 is fine, 3 is not.
    const token = Buffer.from(zero, 'base64')
    token.writeBigUInt64LE(2n, 8)
    expect((await get(`${stream}/0/`, { Location: token.toString('base64') })).status).toBe(200)
    token.writeBigUInt64LE(3n, 8)
    expectError(
      await get(`${stream}/0/`, { Location: token.toString('base64') }),
      400,
      -22,
      'IllegalLocationException',
    )
    // Purged by retention on the next write.
    wire.clock.advance(2 * 3_600_000)
    await wire.call('PutRecords', `${stream}/`, { Records: [{ Data: 'Yg==', ShardId: 0 }] })
    expectError(await get(`${stream}/0/`, { Location: zero }), 400, -22, 'IllegalLocationException')
    // A new incarnation at the same path refuses the old tokens.
    const fresh = await location(`${stream}/0/`)
    await wire.http('DELETE', `${stream}/0`)
    await wire.http('DELETE', `${stream}/`)
    await wire.call('CreateStream', `${stream}/`, { ShardCount: 2 }, 'POST')
    const reborn = Buffer.from(fresh, 'base64')
    reborn.writeBigUInt64LE(1n, 8)
    expectError(
      await get(`${stream}/0/`, { Location: reborn.toString('base64') }),
      400,
      -22,
      'IllegalLocationException',
    )
  })

  it('treats Limit 0 as the default and caps a response at 10 MiB of data, at least one record', async () => {
    const stream = await wire.stream(1)
    const mebibyte = Buffer.alloc(1024 * 1024, 7).toString('base64')
    for (let i = 0; i < 2; i++)
      await wire.call('PutRecords', `${stream}/`, {
        Records: Array.from({ length: 6 }, () => ({ Data: mebibyte })),
      })
    const first = await get(`${stream}/0/`, { Location: await location(`${stream}/0/`), Limit: 0 })
    const page = first.json() as { NextLocation: string; RecordsBehindLatest: number; Records: unknown[] }
    expect([page.Records.length, page.RecordsBehindLatest]).toEqual([10, 2])
    const rest = (await get(`${stream}/0/`, { Location: page.NextLocation })).json() as { Records: unknown[] }
    expect(rest.Records).toHaveLength(2)
  })

  it('reads a shard without object as empty, and keeps working after its object is deleted', async () => {
    const stream = await wire.stream(2)
    const empty = await location(`${stream}/1/`)
    expect((await get(`${stream}/1/`, { Location: empty })).json()).toMatchObject({
      Records: [],
      RecordsBehindLatest: 0,
    })
    await wire.call('PutRecords', `${stream}/`, {
      Records: [
        { Data: 'YQ==', ShardId: 1 },
        { Data: 'Yg==', ShardId: 1 },
      ],
    })
    expect((await wire.http('GET', `${stream}/1`)).status).toBe(403)
    expect((await wire.http('DELETE', `${stream}/1`)).status).toBe(204)
    // Sequence numbers restart at 1 in the re-created shard.
    const again = await wire.call('PutRecords', `${stream}/`, { Records: [{ Data: 'Yw==', ShardId: 1 }] })
    expect(again.json()).toEqual({ FailedRecordCount: 0, Records: [{ SequenceNumber: 1, ShardId: 1 }] })
    const records = (await get(`${stream}/1/`, { Location: await location(`${stream}/1/`) })).json() as {
      Records: Array<{ SequenceNumber: number; Data: string }>
    }
    expect(records.Records.map((r) => [r.SequenceNumber, r.Data])).toEqual([[1, 'Yw==']])
  })
})
