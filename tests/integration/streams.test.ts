import { describe, expect, it } from 'vitest'
import { HttpResponseError, ValidationError } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rejection, streamFailure } from '../support/rejection.js'

const encoder = new TextEncoder()
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe('streams through the SDK', () => {
  const fixture = useEmulator()
  const container = 'bigdata'

  async function newStream(shardCount: number, retentionPeriodHours?: number): Promise<string> {
    const path = `/${uniquePath('stream')}`
    const response = await fixture.client.createStream({ container, path, shardCount, retentionPeriodHours })
    expect(response.statusCode).toBe(204)
    return path
  }

  async function readAll(path: string, shardId: number, limit?: number) {
    const { client } = fixture
    const seek = await client.seekShard({ container, path, shardId, seekType: 'EARLIEST' })
    const page = await client.getRecords({ container, path, shardId, location: seek.output.location, limit })
    return page.output
  }

  it('creates, describes and refuses to create twice', async () => {
    const { client } = fixture
    const path = await newStream(8, 48)
    expect((await client.describeStream({ container, path })).output).toEqual({
      shardCount: 8,
      retentionPeriodHours: 48,
    })
    expect(await streamFailure(client.createStream({ container, path, shardCount: 2 }))).toEqual({
      status: 409,
      name: 'ResourceInUseException',
    })
    // No shard object exists before the first record.
    const listing = await client.getContainerContents({ container, path })
    expect(listing.output.contents).toEqual([])
  })

  it('answers the not-found and not-a-stream errors', async () => {
    const { client } = fixture
    const missing = `/${uniquePath('missing')}`
    expect(await streamFailure(client.describeStream({ container, path: missing }))).toEqual({
      status: 404,
      name: 'ResourceNotFoundException',
    })
    expect(
      await streamFailure(client.putRecords({ container, path: missing, records: [{ data: 'x' }] })),
    ).toMatchObject({ status: 404 })
    const directory = `/${uniquePath('plain-dir')}`
    await client.createDirectory({ container, path: directory })
    expect(await streamFailure(client.describeStream({ container, path: directory }))).toEqual({
      status: 400,
      name: 'ResourceNotStreamException',
    })
    expect(
      await streamFailure(client.seekShard({ container, path: directory, shardId: 0, seekType: 'EARLIEST' })),
    ).toEqual({ status: 400, name: 'ResourceNotStreamException' })
  })

  it('writes to explicit shards and reads each shard back in order', async () => {
    const { client } = fixture
    const path = await newStream(4)
    const { output } = await client.putRecords({
      container,
      path,
      records: [
        { shardId: 1, data: 'one-a' },
        { shardId: 3, data: 'three-a' },
        { shardId: 1, data: 'one-b' },
      ],
    })
    expect(output).toEqual({
      failedRecordCount: 0,
      records: [
        { sequenceNumber: 1, shardId: 1 },
        { sequenceNumber: 1, shardId: 3 },
        { sequenceNumber: 2, shardId: 1 },
      ],
    })
    const one = await readAll(path, 1)
    expect(one.records.map((record) => text(record.data))).toEqual(['one-a', 'one-b'])
    expect(one.records.map((record) => record.sequenceNumber)).toEqual([1, 2])
    expect((await readAll(path, 3)).records.map((record) => text(record.data))).toEqual(['three-a'])
    expect((await readAll(path, 0)).records).toEqual([])
    // Only the shards that received records exist, with their last sequence numbers.
    const listing = await client.getContainerContents({ container, path })
    expect(listing.output.contents.map((entry) => [entry.key, entry.lastSequenceId])).toEqual([
      [`${path.slice(1)}/1`, 2],
      [`${path.slice(1)}/3`, 1],
    ])
  })

  it('fails only the record with an out-of-range shard id (the contract example)', async () => {
    const { client } = fixture
    const path = await newStream(8)
    const { output, statusCode } = await client.putRecords({
      container,
      path,
      records: [{ data: 'd1' }, { data: 'd2', shardId: 1 }, { data: 'd3', shardId: 10 }],
    })
    expect(statusCode).toBe(200)
    expect(output).toEqual({
      failedRecordCount: 1,
      records: [
        { sequenceNumber: 1, shardId: 0 },
        { sequenceNumber: 1, shardId: 1 },
        { errorCode: -201326594, errorMessage: 'ShardIDOutOfRangeException' },
      ],
    })
  })

  it('keeps a partition key on one shard', async () => {
    const { client } = fixture
    const path = await newStream(8)
    const records = Array.from({ length: 12 }, (_, index) => ({
      data: `r${index}`,
      partitionKey: index % 2 === 0 ? 'user-42' : 'sensor-1',
    }))
    const { output } = await client.putRecords({ container, path, records })
    const shardsOf = (key: string) =>
      new Set(output.records.filter((_, index) => records[index]?.partitionKey === key).map((r) => r.shardId))
    expect(shardsOf('user-42').size).toBe(1)
    expect(shardsOf('sensor-1').size).toBe(1)
    // The emulator's hash (ED-11): xxHash32 mod 8 puts these keys on shards 6 and 2.
    expect([...shardsOf('user-42')]).toEqual([6])
    expect([...shardsOf('sensor-1')]).toEqual([2])
    const six = await readAll(path, 6)
    expect(six.records.map((record) => record.partitionKey)).toEqual(Array(6).fill('user-42'))
    expect(six.records.map((record) => text(record.data))).toEqual(['r0', 'r2', 'r4', 'r6', 'r8', 'r10'])
  })

  it('spreads shard-less records round-robin, continuing across requests', async () => {
    const { client } = fixture
    const path = await newStream(8)
    const first = await client.putRecords({
      container,
      path,
      records: Array.from({ length: 5 }, (_, index) => ({ data: `a${index}` })),
    })
    // Records with a shard id or a key do not advance the counter; an empty key counts as absent.
    const second = await client.putRecords({
      container,
      path,
      records: [
        { data: 'explicit', shardId: 7 },
        { data: 'keyed', partitionKey: 'abc' },
        ...Array.from({ length: 11 }, (_, index) => ({ data: `b${index}`, partitionKey: '' })),
      ],
    })
    expect(first.output.records.map((r) => r.shardId)).toEqual([0, 1, 2, 3, 4])
    expect(second.output.records.map((r) => r.shardId)).toEqual([7, 7, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7])
    const zero = await readAll(path, 0)
    expect(zero.records.map((record) => text(record.data))).toEqual(['a0', 'b3'])
  })

  it('round-trips every byte value, client info and partition keys', async () => {
    const { client } = fixture
    const path = await newStream(2)
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const info = Uint8Array.from({ length: 128 }, (_, i) => 255 - i)
    await client.putRecords({
      container,
      path,
      records: [
        { shardId: 1, data: all, clientInfo: info, partitionKey: 'ключ' },
        { shardId: 1, data: new Uint8Array(0) },
        { shardId: 1, data: 'text ✓', clientInfo: 'meta' },
      ],
    })
    const { records } = await readAll(path, 1)
    expect(records[0]?.data).toEqual(all)
    expect(records[0]?.clientInfo).toEqual(info)
    expect(records[0]?.partitionKey).toBe('ключ')
    expect(records[1]?.data).toEqual(new Uint8Array(0))
    expect(records[1]).not.toHaveProperty('clientInfo')
    expect(text(records[2]?.data)).toBe('text ✓')
    expect(records[2]?.clientInfo).toEqual(encoder.encode('meta'))
    for (const record of records) {
      expect(record.arrivalTime.getTime()).toBe(
        record.arrivalTimeSec * 1000 + Math.floor(record.arrivalTimeNSec / 1e6),
      )
      expect(Math.abs(record.arrivalTime.getTime() - Date.now())).toBeLessThan(60_000)
    }
  })

  it('grows a stream; new shards accept records at once; counts never shrink', async () => {
    const { client } = fixture
    const path = await newStream(8)
    expect((await client.updateStream({ container, path, shardCount: 16 })).statusCode).toBe(204)
    expect((await client.describeStream({ container, path })).output.shardCount).toBe(16)
    const { output } = await client.putRecords({
      container,
      path,
      records: [
        { data: 'ten', shardId: 10 },
        { data: 'sixteen', shardId: 16 },
      ],
    })
    expect(output.records).toEqual([
      { sequenceNumber: 1, shardId: 10 },
      { errorCode: -201326594, errorMessage: 'ShardIDOutOfRangeException' },
    ])
    expect((await readAll(path, 10)).records.map((r) => text(r.data))).toEqual(['ten'])
    expect(await streamFailure(client.updateStream({ container, path, shardCount: 16 }))).toEqual({
      status: 400,
      name: 'InvalidShardCountException',
    })
    expect(
      await streamFailure(client.seekShard({ container, path, shardId: 16, seekType: 'LATEST' })),
    ).toEqual({
      status: 400,
      name: 'ShardIDOutOfRangeException',
    })
    expect(await rejection(client.updateStream({ container, path, shardCount: 4097 }))).toBeInstanceOf(
      ValidationError,
    )
  })

  it('deletes a stream with its shards, other files and sub-directories', async () => {
    const { client } = fixture
    const path = await newStream(4)
    await client.putRecords({
      container,
      path,
      records: [0, 1, 2].map((shardId) => ({ data: 'x', shardId })),
    })
    await client.putObject({ container, path: `${path}/cg-state.json`, body: '{}' })
    await client.putObject({ container, path: `${path}/nested/deeper/file`, body: 'x' })
    const response = await client.deleteStream({ container, path })
    expect(response.statusCode).toBe(204)
    expect(await streamFailure(client.describeStream({ container, path }))).toEqual({
      status: 404,
      name: 'ResourceNotFoundException',
    })
    const listing = await client.getContainerContents({ container, path, raiseForStatus: 'never' })
    expect(listing.statusCode).toBe(404)
    // A new stream at the same path starts afresh.
    await client.createStream({ container, path, shardCount: 1 })
    expect((await readAll(path, 0)).records).toEqual([])
  })

  it('reports a missing stream on delete, unless 404 is accepted', async () => {
    const { client } = fixture
    const path = `/${uniquePath('never-created')}`
    const error = await rejection(client.deleteStream({ container, path }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as HttpResponseError).statusCode).toBe(404)
    const accepted = await client.deleteStream({ container, path, raiseForStatus: [200, 204, 404] })
    expect(accepted.statusCode).toBe(404)
    expect(accepted.output).toBeUndefined()
  })
})
