import { describe, expect, it } from 'vitest'
import { expectError, invalidArgumentCode, useStreamWire } from './stream-wire-support.js'

const b64 = (text: string | Uint8Array) =>
  Buffer.from(typeof text === 'string' ? Buffer.from(text) : text).toString('base64')

describe('PutRecords on the wire', () => {
  const wire = useStreamWire()
  const put = (stream: string, body: unknown) => wire.call('PutRecords', `${stream}/`, body, 'POST')
  const shardObjects = async (stream: string) => {
    const listing = await wire.http('GET', `/bigdata?prefix=${encodeURIComponent(`${stream.slice(9)}/`)}`)
    return [...listing.text.matchAll(/<Key>[^<]*\/(\d+)<\/Key>/g)].map((match) => match[1])
  }

  it('answers the contract example exactly: 200, results in order, failures without sequence numbers', async () => {
    const stream = await wire.stream(8)
    const answer = await put(stream, {
      Records: [{ Data: 'ZDE=' }, { Data: 'ZDI=', ShardId: 1 }, { Data: 'ZDM=', ShardId: 10 }],
    })
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json')
    expect(answer.text).toBe(
      '{"FailedRecordCount":1,"Records":[{"SequenceNumber":1,"ShardId":0},{"SequenceNumber":1,"ShardId":1},{"ErrorCode":-201326594,"ErrorMessage":"ShardIDOutOfRangeException"}]}',
    )
  })

  it('hashes partition keys to the shards of the contract table (xxHash32 mod 8)', async () => {
    const stream = await wire.stream(8)
    const keys: Array<[string, number]> = [
      ['a', 6],
      ['abc', 7],
      ['user-42', 6],
      ['sensor-1', 2],
      ['Nobody inspects the spammish repetition', 7],
      ['ключ', 3],
    ]
    const answer = await put(stream, { Records: keys.map(([key]) => ({ Data: 'eA==', PartitionKey: key })) })
    const results = (answer.json() as { Records: Array<{ ShardId: number }> }).Records
    expect(results.map((result) => result.ShardId)).toEqual(keys.map(([, shard]) => shard))
    // An explicit ShardId wins over the key.
    const explicit = await put(stream, { Records: [{ Data: 'eA==', PartitionKey: 'abc', ShardId: 0 }] })
    expect(explicit.json()).toEqual({ FailedRecordCount: 0, Records: [{ SequenceNumber: 1, ShardId: 0 }] })
  })

  it('fails single records that are too large, writing the others; null members count as absent', async () => {
    const stream = await wire.stream(2)
    const answer = await put(stream, {
      Records: [
        { Data: b64(new Uint8Array(1024 * 1024 + 1)), ShardId: 0 },
        { Data: b64('ok'), ClientInfo: b64(new Uint8Array(129)), ShardId: 0 },
        { Data: b64('ok'), PartitionKey: `${'é'.repeat(128)}x` },
        { Data: b64('ok'), ShardId: -1 },
        { Data: b64(new Uint8Array(1024 * 1024)), ClientInfo: b64(new Uint8Array(128)), ShardId: 1 },
        { Data: b64('ok'), PartitionKey: 'é'.repeat(128), ShardId: null, ClientInfo: null },
      ],
    })
    const invalid = { ErrorCode: invalidArgumentCode, ErrorMessage: 'InvalidArgumentException' }
    const out = { ErrorCode: -201326594, ErrorMessage: 'ShardIDOutOfRangeException' }
    const body = answer.json() as { FailedRecordCount: number; Records: unknown[] }
    expect(body.FailedRecordCount).toBe(4)
    expect(body.Records.slice(0, 5)).toEqual([
      invalid,
      invalid,
      invalid,
      out,
      { SequenceNumber: 1, ShardId: 1 },
    ])
    expect(body.Records[5]).toEqual({ SequenceNumber: expect.any(Number), ShardId: expect.any(Number) })
    // Shard 0 received nothing: the failed records created no shard object.
    expect(await shardObjects(stream)).not.toContain('0')
  })

  it.each([
    ['a non-object body', '[]', /malformed JSON body/],
    ['missing Records', {}, /Records is required/],
    ['Records not an array', { Records: { Data: 'eA==' } }, /Records must be an array/],
    ['no records', { Records: [] }, /1 to 1000/],
    ['1001 records', { Records: Array.from({ length: 1001 }, () => ({ Data: '' })) }, /1 to 1000/],
    [
      'a record that is not an object',
      { Records: [{ Data: 'eA==' }, 'eA=='] },
      /Records\[1\] must be an object/,
    ],
    ['a missing Data', { Records: [{ Data: 'eA==' }, { ShardId: 0 }] }, /Records\[1\]\.Data is required/],
    ['Data not a string', { Records: [{ Data: 5 }] }, /Records\[0\]\.Data must be a string/],
    ['Data not base64', { Records: [{ Data: 'e A==' }] }, /Records\[0\]\.Data is not valid base64/],
    ['URL-safe base64', { Records: [{ Data: '-_8=' }] }, /Data is not valid base64/],
    ['ClientInfo not a string', { Records: [{ Data: '', ClientInfo: [1] }] }, /ClientInfo must be a string/],
    ['ClientInfo not base64', { Records: [{ Data: '', ClientInfo: '!' }] }, /ClientInfo is not valid base64/],
    ['ShardId not an integer', { Records: [{ Data: '', ShardId: 1.5 }] }, /ShardId must be an integer/],
    ['ShardId as a string', { Records: [{ Data: '', ShardId: '1' }] }, /ShardId must be an integer/],
    [
      'PartitionKey not a string',
      { Records: [{ Data: '', PartitionKey: 42 }] },
      /PartitionKey must be a string/,
    ],
    [
      'PartitionKey with a lone surrogate',
      '{"Records":[{"Data":"","PartitionKey":"\\ud800"}]}',
      /well-formed/,
    ],
  ])('fails the whole request on %s, writing nothing', async (_, body, message) => {
    const stream = await wire.stream(1)
    // The first record is valid: it must not be written either.
    expectError(await put(stream, body), 400, invalidArgumentCode, message)
    expect(await shardObjects(stream)).toEqual([])
  })

  it('answers 413 above 10 MiB of body', async () => {
    const stream = await wire.stream(1)
    const big = b64(new Uint8Array(1024 * 1024))
    const answer = await put(stream, { Records: Array.from({ length: 8 }, () => ({ Data: big })) })
    expectError(answer, 413, -27, 'Request entity too large')
  })

  it('answers the stream-level errors', async () => {
    const stream = await wire.stream(2)
    expectError(await put(`${stream}/1`, { Records: [{ Data: '' }] }), 400, invalidArgumentCode, /shard/)
    expectError(
      await put(`${stream}-missing`, { Records: [{ Data: '' }] }),
      404,
      -2,
      'ResourceNotFoundException',
    )
    await wire.http('PUT', `${stream}-dir/`)
    expectError(
      await put(`${stream}-dir`, { Records: [{ Data: '' }] }),
      400,
      -22,
      'ResourceNotStreamException',
    )
  })
})
