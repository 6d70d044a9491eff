import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { manualClock } from '../../../src/emulator/index.js'
import { double, type HttpResponseError, Timestamp } from '../../../src/index.js'
import { everyTypeAttributes, everyTypeItemAsRead } from '../../support/every-type-item.js'
import { rejection } from '../../support/rejection.js'
import { expectedDriver, snapshotStore, startOn, useTemporaryDirectories } from './persistence-support.js'

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)
const container = 'bigdata'

describe('a persistent emulator across a restart', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('keeps objects (ranges, appends, overwrites), directories and deletions', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    expect(first.emulator.store.description).toBe(
      `persistent, data in ${dataDir} (SQLite via ${expectedDriver})`,
    )
    await first.client.putObject({ container, path: '/docs/a.txt', body: '1234567890' })
    for (const part of ['a', 'bc', 'def'])
      await first.client.putObject({ container, path: '/docs/log', body: part, append: true })
    await first.client.putObject({ container, path: '/docs/replaced', body: 'old' })
    await first.client.putObject({ container, path: '/docs/replaced', body: 'new' })
    await first.client.putObject({ container: 'users', path: '/gone', body: 'x' })
    await first.client.deleteObject({ container: 'users', path: '/gone' })
    await first.client.createDirectory({ container, path: '/empty/nested' })
    const before = await first.client.headObject({ container, path: '/docs/a.txt' })
    await first.emulator.close()

    const second = await startOn(dataDir)
    const { client } = second
    try {
      const range = await client.getObject({ container, path: '/docs/a.txt', offset: 4, numBytes: 3 })
      expect(text(range.body)).toBe('567')
      expect(text((await client.getObject({ container, path: '/docs/log' })).body)).toBe('abcdef')
      expect(text((await client.getObject({ container, path: '/docs/replaced' })).body)).toBe('new')
      const after = await client.headObject({ container, path: '/docs/a.txt' })
      expect(after.headers.get('x-v3io-transaction-verifier')).toBe(
        before.headers.get('x-v3io-transaction-verifier'),
      )
      const gone = await rejection(client.getObject({ container: 'users', path: '/gone' }))
      expect((gone as HttpResponseError).statusCode).toBe(404)
      const empty = await client.getContainerContents({ container, path: '/empty/' })
      expect(empty.output.commonPrefixes.map((prefix) => prefix.prefix)).toEqual(['empty/nested/'])
      // Appending after the restart extends the restored body.
      await client.putObject({ container, path: '/docs/log', body: 'g', append: true })
      expect(text((await client.getObject({ container, path: '/docs/log' })).body)).toBe('abcdefg')
    } finally {
      await second.emulator.close()
    }
  })

  it('keeps items with every attribute type, after puts, updates and removals', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    await first.client.putItem({ container, path: '/table/every', attributes: everyTypeAttributes() })
    await first.client.putItem({ container, path: '/table/counter', attributes: { n: 1, gone: 'x' } })
    await first.client.updateItem({
      container,
      path: '/table/counter',
      expression: 'n = n + 41; remove gone',
    })
    await first.client.putItem({
      container,
      path: '/table/edges',
      attributes: { zero: double(-0), min: -9223372036854775808n, ts: new Timestamp(-5, 999_999_999), e: '' },
    })
    await first.client.deleteItem({ container, path: '/table/never' }).catch(() => undefined)
    await first.emulator.close()

    const second = await startOn(dataDir)
    const { client } = second
    try {
      expect((await client.getItem({ container, path: '/table/every' })).output.item).toEqual(
        everyTypeItemAsRead(),
      )
      expect((await client.getItem({ container, path: '/table/counter' })).output.item).toEqual({ n: 42 })
      const edges = (await client.getItem({ container, path: '/table/edges' })).output.item
      // ED-13R: the wire prints -0.0 as "0" (the stored -0 itself is checked in tests/emulator/storage/node-rows.test.ts).
      expect(Object.is(edges.zero, 0)).toBe(true)
      expect(edges).toMatchObject({ min: -9223372036854775808n, ts: new Timestamp(-5, 999_999_999), e: '' })
      const listing = await client.getContainerContents({ container, path: '/table/' })
      expect(listing.output.contents.map((entry) => entry.key)).toEqual([
        'table/counter',
        'table/edges',
        'table/every',
      ])
    } finally {
      await second.emulator.close()
    }
  })

  it('keeps streams: shard counts, records, sequence numbers and the round-robin counter', async () => {
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir)
    const path = '/events'
    await first.client.createStream({ container, path, shardCount: 2, retentionPeriodHours: 48 })
    await first.client.putRecords({
      container,
      path,
      records: [
        { data: 'rr-0' },
        { data: 'rr-1' },
        { data: 'rr-2' },
        { data: 'keyed', partitionKey: 'user-42', clientInfo: new Uint8Array([7, 8]) },
      ],
    })
    await first.client.updateStream({ container, path, shardCount: 3 })
    const latest = await first.client.seekShard({ container, path, shardId: 0, seekType: 'LATEST' })
    await first.emulator.close()

    const second = await startOn(dataDir)
    const { client } = second
    try {
      expect((await client.describeStream({ container, path })).output).toEqual({
        shardCount: 3,
        retentionPeriodHours: 48,
      })
      const readShard = async (shardId: number) => {
        const seek = await client.seekShard({ container, path, shardId, seekType: 'EARLIEST' })
        return (await client.getRecords({ container, path, shardId, location: seek.output.location })).output
          .records
      }
      const zero = await readShard(0)
      const one = await readShard(1)
      const all = [...zero, ...one]
      expect(zero.filter((record) => text(record.data).startsWith('rr')).map((r) => text(r.data))).toEqual([
        'rr-0',
        'rr-2',
      ])
      expect(one.filter((record) => text(record.data).startsWith('rr')).map((r) => text(r.data))).toEqual([
        'rr-1',
      ])
      const keyed = all.find((record) => text(record.data) === 'keyed')
      expect(keyed?.partitionKey).toBe('user-42')
      expect(keyed?.clientInfo).toEqual(new Uint8Array([7, 8]))
      // The round-robin counter (3 records so far) and the sequence numbers continue.
      const next = await client.putRecords({
        container,
        path,
        records: [{ data: 'rr-3' }, { data: 'z', shardId: 0 }],
      })
      expect(next.output.records[0]).toEqual({ shardId: 0, sequenceNumber: zero.length + 1 })
      expect(next.output.records[1]).toEqual({ shardId: 0, sequenceNumber: zero.length + 2 })
      // A location handed out before the restart still reads (the stream's incarnation is kept, ED-44).
      const fromToken = await client.getRecords({
        container,
        path,
        shardId: 0,
        location: latest.output.location,
      })
      expect(fromToken.output.records.map((record) => text(record.data))).toEqual(['rr-3', 'z'])
    } finally {
      await second.emulator.close()
    }
  })

  it('keeps retention: purged records stay purged, the rest stay readable', async () => {
    const hour = 3_600_000
    const time = manualClock(1_714_557_600_000_000_000n)
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir, { clock: time.clock })
    const path = '/retained'
    await first.client.createStream({ container, path, shardCount: 1, retentionPeriodHours: 1 })
    await first.client.putRecords({ container, path, records: [{ data: 'old-1' }, { data: 'old-2' }] })
    time.advance(2 * hour)
    // Purge on write (ED-43): this request drops the two expired records.
    await first.client.putRecords({ container, path, records: [{ data: 'new' }] })
    await first.emulator.close()

    const second = await startOn(dataDir, { clock: time.clock })
    try {
      const { client } = second
      const seek = await client.seekShard({ container, path, shardId: 0, seekType: 'EARLIEST' })
      const page = await client.getRecords({ container, path, shardId: 0, location: seek.output.location })
      expect(page.output.records.map((record) => [record.sequenceNumber, text(record.data)])).toEqual([
        [3, 'new'],
      ])
    } finally {
      await second.emulator.close()
    }
  })

  it('keeps large bodies as files beside the database, replacing and deleting them with the object', async () => {
    const dataDir = temporaryDirectory()
    const large = new Uint8Array(600_000).map((_, index) => index % 251)
    const first = await startOn(dataDir)
    await first.client.putObject({ container, path: '/big', body: large })
    await first.client.putObject({ container, path: '/big', body: large.subarray(1) })
    await first.client.putObject({ container, path: '/big2', body: large })
    await first.client.deleteObject({ container, path: '/big2' })
    expect(readdirSync(join(dataDir, 'bodies'))).toHaveLength(1)
    await first.emulator.close()

    const second = await startOn(dataDir)
    try {
      expect((await second.client.getObject({ container, path: '/big' })).body).toEqual(large.subarray(1))
    } finally {
      await second.emulator.close()
    }
  })

  it('writes every change it makes: the reloaded tree equals the live one', async () => {
    const time = manualClock(1_714_557_600_000_000_000n)
    const dataDir = temporaryDirectory()
    const first = await startOn(dataDir, { clock: time.clock, containers: ['alpha', 'beta'] })
    const { client } = first
    await client.putObject({ container: 'alpha', path: '/a/b/c', body: 'c' })
    await client.putObject({ container: 'alpha', path: '/a/b/c', body: 'more', append: true })
    await client.putItem({ container: 'alpha', path: '/a/item', attributes: everyTypeAttributes() })
    await client.updateItem({ container: 'alpha', path: '/a/item', expression: 'i = i * 2' })
    await client.updateItem({ container: 'alpha', path: '/a/fresh', expression: 'x = 1' })
    await client.putObject({ container: 'alpha', path: '/a/item', body: 'body beside attributes' })
    await client.createDirectory({ container: 'beta', path: '/d1/d2' })
    await client.deleteObject({ container: 'beta', path: '/d1/d2/' })
    await client.createStream({ container: 'beta', path: '/s', shardCount: 4 })
    await client.putRecords({
      container: 'beta',
      path: '/s',
      records: [{ data: 'a' }, { data: 'b', partitionKey: 'k' }],
    })
    await client.putItem({ container: 'beta', path: '/s/3', attributes: { marker: 'shard attribute' } })
    time.advance(30 * 3_600_000)
    await client.putRecords({ container: 'beta', path: '/s', records: [{ data: 'c', shardId: 0 }] })
    // Last on this stream: a change that moves no mtime.
    await client.updateStream({ container: 'beta', path: '/s', shardCount: 6 })
    await client.createStream({ container: 'beta', path: '/doomed', shardCount: 1 })
    await client.putRecords({ container: 'beta', path: '/doomed', records: [{ data: 'x' }] })
    await client.deleteStream({ container: 'beta', path: '/doomed' })
    // A failed request that still created directories on its way (put on a path through a file).
    await client.putObject({ container: 'beta', path: '/x/y/z/w', body: 'deep' }).catch(() => undefined)
    const live = snapshotStore(first.emulator.store)
    await first.emulator.close()

    const second = await startOn(dataDir, { clock: time.clock, containers: ['alpha', 'beta'] })
    try {
      expect(snapshotStore(second.emulator.store)).toEqual(live)
    } finally {
      await second.emulator.close()
    }
  })
})
