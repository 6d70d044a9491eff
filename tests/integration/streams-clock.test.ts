import { describe, expect, it } from 'vitest'
import { manualClock } from '../../src/emulator/index.js'
import { HttpResponseError, type ShardRecord, streamExceptionName } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

const text = (record: { data: Uint8Array }) => new TextDecoder().decode(record.data)
const hour = 3_600_000
// 2024-05-01T10:00:00.160186781Z, the contract's example arrival time.
const start = 1_714_557_600_160_186_781n

describe('streams with a manual clock', () => {
  const time = manualClock(start)
  const fixture = useEmulator({ clock: time.clock })
  const container = 'bigdata'

  async function newStream(retentionPeriodHours = 24): Promise<string> {
    const path = `/${uniquePath('clocked')}`
    await fixture.client.createStream({ container, path, shardCount: 2, retentionPeriodHours })
    return path
  }

  async function put(path: string, ...data: string[]) {
    return fixture.client.putRecords({
      container,
      path,
      records: data.map((item) => ({ data: item, shardId: 0 })),
    })
  }

  async function read(path: string, location: string, limit?: number) {
    return (await fixture.client.getRecords({ container, path, shardId: 0, location, limit })).output
  }

  async function seek(path: string, options: object) {
    const response = await fixture.client.seekShard({ container, path, shardId: 0, ...options } as never)
    return response.output.location
  }

  it('stamps records with the clock, one arrival time per request, never going backwards in a shard', async () => {
    time.set(start)
    const path = await newStream()
    await put(path, 'a', 'b')
    time.set(start - 5_000_000_000n)
    await put(path, 'c')
    const { records } = await read(path, await seek(path, { seekType: 'EARLIEST' }))
    expect(records.map((r) => [text(r), r.arrivalTimeSec, r.arrivalTimeNSec])).toEqual([
      ['a', 1714557600, 160186781],
      ['b', 1714557600, 160186781],
      ['c', 1714557600, 160186781],
    ])
    expect(records[0]?.arrivalTime.toISOString()).toBe('2024-05-01T10:00:00.160Z')
  })

  it('seeks by TIME: the first record at or after the time, else the end of the shard', async () => {
    time.set(start)
    const path = await newStream()
    await put(path, 't0')
    time.advance(1000)
    await put(path, 't1')
    time.advance(1000)
    await put(path, 't2')
    const at = async (timestamp: object | Date | number) =>
      (await read(path, await seek(path, { seekType: 'TIME', timestamp }))).records.map(text)
    const all = (await read(path, await seek(path, { seekType: 'EARLIEST' }))).records
    const second = all[1] as ShardRecord
    // Exact nanoseconds, a Date, and milliseconds between two records.
    expect(await at({ seconds: second.arrivalTimeSec, nanoseconds: second.arrivalTimeNSec })).toEqual([
      't1',
      't2',
    ])
    expect(await at({ seconds: second.arrivalTimeSec, nanoseconds: second.arrivalTimeNSec + 1 })).toEqual([
      't2',
    ])
    expect(await at(new Date(Number(start / 1_000_000n) - 1))).toEqual(['t0', 't1', 't2'])
    expect(await at(Number(start / 1_000_000n) + 1500)).toEqual(['t2'])
    // Beyond the tail: the end of the shard, where later records appear.
    const beyond = await seek(path, { seekType: 'TIME', timestamp: Number(start / 1_000_000n) + hour })
    expect((await read(path, beyond)).records).toEqual([])
    await put(path, 't3')
    expect((await read(path, beyond)).records.map(text)).toEqual(['t3'])
  })

  it('reports the lag in records and milliseconds, reaching 0 at the tail', async () => {
    time.set(start)
    const path = await newStream()
    await put(path, 'a')
    time.advance(1500)
    await put(path, 'b')
    time.advance(250)
    await put(path, 'c')
    let location = await seek(path, { seekType: 'EARLIEST' })
    const lags: Array<[number, unknown]> = []
    for (let i = 0; i < 4; i++) {
      const page = await read(path, location, 1)
      lags.push([page.msecBehindLatest, page.recordsBehindLatest])
      location = page.nextLocation
    }
    expect(lags).toEqual([
      [1750, 2],
      [250, 1],
      [0, 0],
      [0, 0],
    ])
  })

  it('purges records older than the retention period when new records arrive', async () => {
    time.set(start)
    const path = await newStream(1)
    await put(path, 'old')
    const oldLocation = await seek(path, { seekType: 'SEQUENCE', startingSequenceNumber: 1 })
    time.advance(hour / 2)
    await put(path, 'middle')
    time.advance(hour * 0.75)
    // Reads never purge: the expired record is still there.
    expect((await read(path, await seek(path, { seekType: 'EARLIEST' }))).records.map(text)).toEqual([
      'old',
      'middle',
    ])
    await put(path, 'new')
    expect((await read(path, await seek(path, { seekType: 'EARLIEST' }))).records.map(text)).toEqual([
      'middle',
      'new',
    ])
    const error = await read(path, oldLocation).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(streamExceptionName(error)).toBe('IllegalLocationException')
    const purged = await seek(path, { seekType: 'SEQUENCE', startingSequenceNumber: 1 }).catch(
      (e: unknown) => e,
    )
    expect(streamExceptionName(purged)).toBe('InvalidArgumentException')
    // The shard keeps its last sequence number; its size counts only retained data.
    const listing = await fixture.client.getContainerContents({ container, path })
    expect(listing.output.contents).toEqual([
      expect.objectContaining({
        key: `${path.slice(1)}/0`,
        size: 'middle'.length + 'new'.length,
        lastSequenceId: 3,
      }),
    ])
    const head = await fixture.client.headObject({ container, path: `${path}/0` })
    expect(head.headers.get('content-length')).toBe(String('middle'.length + 'new'.length))
  })

  it('lets a shard reader recover from a location that retention invalidated', async () => {
    time.set(start)
    const path = await newStream(1)
    await put(path, 'r1', 'r2')
    const reader = (recoverIllegalLocation: boolean) =>
      fixture.client
        .shardRecords({ container, path, shardId: 0, limit: 1, pollInterval: 10, recoverIllegalLocation })
        [Symbol.asyncIterator]()
    const recovering = reader(true)
    const strict = reader(false)
    expect(text((await recovering.next()).value as ShardRecord)).toBe('r1')
    expect(text((await strict.next()).value as ShardRecord)).toBe('r1')
    time.advance(2 * hour)
    await put(path, 'r3')
    // r2 expired before it was read; the reader continues with what is retained.
    expect(text((await recovering.next()).value as ShardRecord)).toBe('r3')
    const error = await strict.next().catch((caught: unknown) => caught)
    expect(streamExceptionName(error)).toBe('IllegalLocationException')
    await recovering.return(undefined)
  })
})
