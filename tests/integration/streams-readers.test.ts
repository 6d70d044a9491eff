import { describe, expect, it } from 'vitest'
import { HttpResponseError, type ShardRecord, ValidationError } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

const text = (record: ShardRecord) => new TextDecoder().decode(record.data)
const until = async (condition: () => boolean, milliseconds = 5000) => {
  const deadline = Date.now() + milliseconds
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

async function collect(iterable: AsyncIterable<ShardRecord>, count = Number.POSITIVE_INFINITY) {
  const records: ShardRecord[] = []
  for await (const record of iterable) {
    records.push(record)
    if (records.length >= count) break
  }
  return records
}

describe('stream readers through the SDK', () => {
  const fixture = useEmulator()
  const container = 'bigdata'

  async function streamWith(shardCount: number, perShard: Record<number, string[]>): Promise<string> {
    const path = `/${uniquePath('reader')}`
    await fixture.client.createStream({ container, path, shardCount })
    const records = Object.entries(perShard).flatMap(([shardId, data]) =>
      data.map((item) => ({ shardId: Number(shardId), data: item })),
    )
    if (records.length > 0) await fixture.client.putRecords({ container, path, records })
    return path
  }

  it('reads a shard to its end with follow: false, across small pages', async () => {
    const path = await streamWith(2, { 1: ['a', 'b', 'c', 'd', 'e'] })
    const records = await collect(
      fixture.client.shardRecords({ container, path: `${path}/1`, limit: 2, follow: false }),
    )
    expect(records.map(text)).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect(records.map((record) => record.sequenceNumber)).toEqual([1, 2, 3, 4, 5])
    expect(records.every((record) => record.shardId === 1)).toBe(true)
  })

  it('receives records written after it started waiting, and ends quietly on abort', async () => {
    const { client } = fixture
    const path = await streamWith(1, {})
    const controller = new AbortController()
    const received: string[] = []
    const observer = fixture.newClient()
    const reading = (async () => {
      for await (const record of observer.shardRecords({
        container,
        path,
        shardId: 0,
        seekType: 'LATEST',
        pollInterval: 10,
        maxPollInterval: 40,
        signal: controller.signal,
      })) {
        received.push(text(record))
      }
      return 'ended'
    })()
    // Let it reach the (empty) tail and poll a few times.
    await new Promise((resolve) => setTimeout(resolve, 150))
    expect(received).toEqual([])
    await client.putRecords({ container, path, records: [{ data: 'late-1' }, { data: 'late-2' }] })
    await until(() => received.length === 2)
    await client.putRecords({ container, path, records: [{ data: 'late-3' }] })
    await until(() => received.length === 3)
    expect(received).toEqual(['late-1', 'late-2', 'late-3'])
    controller.abort()
    expect(await reading).toBe('ended')
  })

  it('ends at once when aborted during a long idle wait', async () => {
    const path = await streamWith(1, {})
    const controller = new AbortController()
    const reading = collect(
      fixture.client.shardRecords({
        container,
        path: `${path}/0`,
        pollInterval: 60_000,
        signal: controller.signal,
      }),
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    controller.abort()
    expect(await reading).toEqual([])
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('resumes exactly after a saved sequence number', async () => {
    const { client } = fixture
    const path = await streamWith(1, { 0: ['r1', 'r2', 'r3', 'r4', 'r5'] })
    // A consumer processes three records and "crashes", remembering the last one it processed.
    const firstRun = await collect(client.shardRecords({ container, path: `${path}/0`, follow: false }), 3)
    const saved = firstRun.at(-1)?.sequenceNumber
    expect(saved).toBe(3)
    const secondRun = await collect(
      client.shardRecords({ container, path: `${path}/0`, after: saved, follow: false, seekType: 'LATEST' }),
    )
    expect(secondRun.map(text)).toEqual(['r4', 'r5'])
    // Saved at the very last record: the next one to be written is where it resumes.
    const controller = new AbortController()
    const thirdRun = collect(
      client.shardRecords({
        container,
        path: `${path}/0`,
        after: 5,
        pollInterval: 10,
        signal: controller.signal,
      }),
      1,
    )
    await new Promise((resolve) => setTimeout(resolve, 50))
    await client.putRecords({ container, path, records: [{ data: 'r6' }] })
    expect((await thirdRun).map(text)).toEqual(['r6'])
    controller.abort()
  })

  it('surfaces errors other than the end of input', async () => {
    const missing = `/${uniquePath('no-stream')}`
    await expect(
      collect(fixture.client.shardRecords({ container, path: `${missing}/0` })),
    ).rejects.toBeInstanceOf(HttpResponseError)
    await expect(
      collect(fixture.client.shardRecords({ container, path: '/s/0', pollInterval: -1 })),
    ).rejects.toBeInstanceOf(ValidationError)
    // Even for a client that never raises by default: a reader cannot read past an error.
    const lenient = fixture.newClient({ raiseForStatus: 'never' })
    await expect(collect(lenient.shardRecords({ container, path: `${missing}/0` }))).rejects.toBeInstanceOf(
      HttpResponseError,
    )
    await expect(collect(lenient.streamRecords({ container, path: missing }))).rejects.toBeInstanceOf(
      HttpResponseError,
    )
  })

  it('reads every shard of a stream concurrently, records tagged with their shard', async () => {
    const { client } = fixture
    const path = await streamWith(4, { 0: ['0a', '0b'], 2: ['2a'], 3: ['3a', '3b', '3c'] })
    const records = await collect(client.streamRecords({ container, path, follow: false, limit: 1 }))
    expect(records).toHaveLength(6)
    const byShard = (shardId: number) => records.filter((r) => r.shardId === shardId).map(text)
    expect(byShard(0)).toEqual(['0a', '0b'])
    expect(byShard(1)).toEqual([])
    expect(byShard(2)).toEqual(['2a'])
    expect(byShard(3)).toEqual(['3a', '3b', '3c'])
    for (const record of records) expect(text(record).startsWith(String(record.shardId))).toBe(true)
  })

  it('resumes chosen shards of a stream and follows new records until aborted', async () => {
    const { client } = fixture
    const path = await streamWith(3, { 0: ['0a', '0b'], 1: ['1a', '1b'], 2: ['2a'] })
    const controller = new AbortController()
    const received: ShardRecord[] = []
    const reading = (async () => {
      for await (const record of client.streamRecords({
        container,
        path,
        shards: [0, 1],
        after: { 0: 1 },
        pollInterval: 10,
        signal: controller.signal,
      }))
        received.push(record)
    })()
    await until(() => received.length === 3)
    await client.putRecords({
      container,
      path,
      records: [0, 1, 2].map((shardId) => ({ shardId, data: `new-${shardId}` })),
    })
    await until(() => received.length === 5)
    controller.abort()
    await reading
    expect(received.filter((r) => r.shardId === 0).map(text)).toEqual(['0b', 'new-0'])
    expect(received.filter((r) => r.shardId === 1).map(text)).toEqual(['1a', '1b', 'new-1'])
    expect(received.some((r) => r.shardId === 2)).toBe(false)
  })

  it('stops every shard reader when the consumer breaks out', async () => {
    const path = await streamWith(2, { 0: ['a'], 1: ['b'] })
    const first = await collect(fixture.client.streamRecords({ container, path, pollInterval: 10 }), 1)
    expect(first).toHaveLength(1)
    await expect(
      collect(fixture.client.streamRecords({ container, path, seekType: 'SEQUENCE' as 'EARLIEST' })),
    ).rejects.toBeInstanceOf(ValidationError)
  })
})
