import { describe, expect, it } from 'vitest'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { streamFailure } from '../support/rejection.js'

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)

describe('reading streams through the SDK', () => {
  const fixture = useEmulator()
  const container = 'bigdata'

  async function newStream(shardCount: number): Promise<string> {
    const path = `/${uniquePath('stream')}`
    const response = await fixture.client.createStream({ container, path, shardCount })
    expect(response.statusCode).toBe(204)
    return path
  }

  it('seeks EARLIEST, LATEST and SEQUENCE, including the next number and a missing one', async () => {
    const { client } = fixture
    const path = await newStream(1)
    const shard = { container, path: `${path}/0` }
    // An empty shard: EARLIEST and LATEST are its end; SEQUENCE 1 is the next record.
    const emptyEarliest = await client.seekShard({ ...shard, seekType: 'EARLIEST' })
    const sequenceOne = await client.seekShard({ ...shard, seekType: 'SEQUENCE', startingSequenceNumber: 1 })
    await client.putRecords({ container, path, records: ['r1', 'r2', 'r3'].map((data) => ({ data })) })
    const latest = await client.seekShard({ ...shard, seekType: 'LATEST' })
    await client.putRecords({ container, path, records: [{ data: 'r4' }] })
    const read = async (location: string) =>
      (await client.getRecords({ ...shard, location })).output.records.map((record) => text(record.data))
    expect(await read(emptyEarliest.output.location)).toEqual(['r1', 'r2', 'r3', 'r4'])
    expect(await read(sequenceOne.output.location)).toEqual(['r1', 'r2', 'r3', 'r4'])
    expect(await read(latest.output.location)).toEqual(['r4'])
    const earliest = await client.seekShard({ ...shard, seekType: 'EARLIEST' })
    expect(await read(earliest.output.location)).toEqual(['r1', 'r2', 'r3', 'r4'])
    const two = await client.seekShard({ ...shard, seekType: 'SEQUENCE', startingSequenceNumber: 2 })
    expect(await read(two.output.location)).toEqual(['r2', 'r3', 'r4'])
    // The number of the next record to be written is accepted: it is the end of the shard.
    const next = await client.seekShard({ ...shard, seekType: 'SEQUENCE', startingSequenceNumber: 5 })
    expect(await read(next.output.location)).toEqual([])
    await client.putRecords({ container, path, records: [{ data: 'r5' }] })
    expect(await read(next.output.location)).toEqual(['r5'])
    // Any other number is refused.
    expect(
      await streamFailure(client.seekShard({ ...shard, seekType: 'SEQUENCE', startingSequenceNumber: 99 })),
    ).toEqual({ status: 400, name: 'InvalidArgumentException' })
  })

  it('pages with small limits until the lag reaches 0, then returns empty pages at the tail', async () => {
    const { client } = fixture
    const path = await newStream(1)
    await client.putRecords({
      container,
      path,
      records: Array.from({ length: 10 }, (_, index) => ({ data: `r${index + 1}` })),
    })
    let { location } = (await client.seekShard({ container, path, shardId: 0, seekType: 'EARLIEST' })).output
    const pages: Array<{ sequences: unknown[]; behind: unknown }> = []
    for (let i = 0; i < 5; i++) {
      const { output } = await client.getRecords({ container, path, shardId: 0, location, limit: 3 })
      pages.push({
        sequences: output.records.map((r) => r.sequenceNumber),
        behind: output.recordsBehindLatest,
      })
      if (output.records.length === 0) {
        // At the tail: the same location comes back and both lag values are 0.
        expect(output.nextLocation).toBe(location)
        expect(output.msecBehindLatest).toBe(0)
      }
      location = output.nextLocation
    }
    expect(pages).toEqual([
      { sequences: [1, 2, 3], behind: 7 },
      { sequences: [4, 5, 6], behind: 4 },
      { sequences: [7, 8, 9], behind: 1 },
      { sequences: [10], behind: 0 },
      { sequences: [], behind: 0 },
    ])
    await client.putRecords({ container, path, records: [{ data: 'r11' }] })
    const after = await client.getRecords({ container, path, shardId: 0, location })
    expect(after.output.records.map((r) => text(r.data))).toEqual(['r11'])
  })

  it('rejects foreign and malformed locations with IllegalLocationException', async () => {
    const { client } = fixture
    const path = await newStream(2)
    const other = await newStream(2)
    await client.putRecords({ container, path, records: [{ data: 'x', shardId: 0 }] })
    const zero = await client.seekShard({ container, path, shardId: 0, seekType: 'EARLIEST' })
    const otherZero = await client.seekShard({ container, path: other, shardId: 0, seekType: 'EARLIEST' })
    const illegal = { status: 400, name: 'IllegalLocationException' }
    // Another shard, another stream, garbage.
    expect(
      await streamFailure(client.getRecords({ container, path, shardId: 1, location: zero.output.location })),
    ).toEqual(illegal)
    expect(
      await streamFailure(
        client.getRecords({ container, path, shardId: 0, location: otherZero.output.location }),
      ),
    ).toEqual(illegal)
    expect(
      await streamFailure(client.getRecords({ container, path, shardId: 0, location: 'bm90IGEgdG9rZW4=' })),
    ).toEqual(illegal)
    // The reference's "start of a shard" token works for any shard.
    const start = await client.getRecords({
      container,
      path,
      shardId: 0,
      location: 'AQAAAAAAAAAAAAAAAAAAAA==',
    })
    expect(start.output.records.map((r) => text(r.data))).toEqual(['x'])
  })
})
