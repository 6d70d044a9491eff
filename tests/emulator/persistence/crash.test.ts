import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Client } from '../../../src/index.js'
import { testAccessKey } from '../../support/emulator.js'
import { spawnEmulator } from './emulator-process.js'
import { startOn, useTemporaryDirectories } from './persistence-support.js'

const container = 'bigdata'
const stream = '/crash/stream'
const shardCount = 4
const clients = 8
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

/** What the writers saw acknowledged (2xx) before the emulator died. */
interface Acknowledged {
  objects: Map<string, string>
  items: Map<string, { client: number; n: number; blob: Uint8Array }>
  records: Map<string, string>
  /** Per client: the appended parts, in order, and the one in flight when the process died. */
  appends: { acked: string[]; inFlight: string | undefined }[]
}

function objectBody(client: number, n: number): string {
  // Every 16th object is large enough to live in a body file beside the database.
  const unit = `object ${client}/${n};`
  return unit.repeat(n % 16 === 5 ? Math.ceil(300_000 / unit.length) : 1 + (n % 7))
}

function itemBlob(client: number, n: number): Uint8Array {
  return Uint8Array.from({ length: 32 + (n % 9) }, (_, index) => (client * 31 + n + index) % 256)
}

/** One writer: objects, appends, items and records in turn, until a request fails. */
async function write(client: Client, id: number, acknowledged: Acknowledged): Promise<void> {
  const appends = acknowledged.appends[id] as Acknowledged['appends'][number]
  for (let n = 0; ; n++) {
    try {
      switch (n % 4) {
        case 0: {
          const path = `/crash/objects/${id}-${n}`
          await client.putObject({ container, path, body: objectBody(id, n) })
          acknowledged.objects.set(path, objectBody(id, n))
          break
        }
        case 1: {
          const part = `${n};`
          appends.inFlight = part
          await client.putObject({ container, path: `/crash/logs/${id}`, body: part, append: true })
          appends.acked.push(part)
          appends.inFlight = undefined
          break
        }
        case 2: {
          const path = `/crash/items/${id}-${n}`
          await client.putItem({ container, path, attributes: { client: id, n, blob: itemBlob(id, n) } })
          acknowledged.items.set(path, { client: id, n, blob: itemBlob(id, n) })
          break
        }
        default: {
          const records = [0, 1, 2].map((k) => ({
            data: `record ${id}/${n}/${k}`,
            partitionKey: `writer-${id}`,
          }))
          const { output } = await client.putRecords({ container, path: stream, records })
          output.records.forEach((result, k) => {
            if ('sequenceNumber' in result)
              acknowledged.records.set(`${result.shardId}:${result.sequenceNumber}`, `record ${id}/${n}/${k}`)
          })
        }
      }
    } catch {
      return
    }
  }
}

type StoredRecord = { sequenceNumber: number; data: Uint8Array }

async function readShard(client: Client, shardId: number): Promise<StoredRecord[]> {
  const seek = await client.seekShard({ container, path: stream, shardId, seekType: 'EARLIEST' })
  const records: StoredRecord[] = []
  for (let location = seek.output.location; ; ) {
    const page = await client.getRecords({ container, path: stream, shardId, location, limit: 1000 })
    if (page.output.records.length === 0) return records
    for (const record of page.output.records)
      records.push({ sequenceNumber: Number(record.sequenceNumber), data: record.data })
    location = page.output.nextLocation
  }
}

describe('durability of acknowledged writes', () => {
  const temporaryDirectory = useTemporaryDirectories()

  it('keeps every acknowledged write of 8 concurrent clients through kill -9, with nothing corrupt', async () => {
    const dataDir = temporaryDirectory()
    const emulator = await spawnEmulator(['--data-dir', dataDir])
    expect(emulator.output()).toContain(`v3io-emulator: persistent, data in ${dataDir} (SQLite via`)
    const setup = new Client({ endpoint: emulator.url, accessKey: testAccessKey, retry: false })
    await setup.createStream({ container, path: stream, shardCount })
    const acknowledged: Acknowledged = {
      objects: new Map(),
      items: new Map(),
      records: new Map(),
      appends: Array.from({ length: clients }, () => ({ acked: [], inFlight: undefined })),
    }
    const writers = Array.from({ length: clients }, (_, id) =>
      write(new Client({ endpoint: emulator.url, accessKey: testAccessKey, retry: false }), id, acknowledged),
    )
    // Kill mid-load: once a good number of writes of every kind were acknowledged.
    const started = Date.now()
    while (acknowledged.records.size < 600 && Date.now() - started < 20_000)
      await new Promise((resolve) => setTimeout(resolve, 20))
    emulator.child.kill('SIGKILL')
    expect(await emulator.exited()).toBe('SIGKILL')
    await Promise.all(writers)
    expect(acknowledged.objects.size).toBeGreaterThan(100)

    const require = createRequire(import.meta.url)
    const Database = require('better-sqlite3') as new (
      path: string,
    ) => {
      pragma(sql: string, options: { simple: true }): unknown
      close(): void
    }
    const database = new Database(join(dataDir, 'v3io-emulator.sqlite'))
    expect(database.pragma('integrity_check', { simple: true })).toBe('ok')
    database.close()

    const restarted = await startOn(dataDir)
    const { client } = restarted
    try {
      for (const [path, body] of acknowledged.objects)
        expect(text((await client.getObject({ container, path })).body), path).toBe(body)
      for (const [path, item] of acknowledged.items)
        expect((await client.getItem({ container, path })).output.item, path).toEqual(item)
      for (const [id, { acked, inFlight }] of acknowledged.appends.entries()) {
        if (acked.length === 0) continue
        const log = text((await client.getObject({ container, path: `/crash/logs/${id}` })).body)
        // Exactly the acknowledged parts, plus at most the one whose answer the kill cut off.
        expect([acked.join(''), acked.join('') + (inFlight ?? '')]).toContain(log)
      }
      const stored = new Map<string, string>()
      for (let shardId = 0; shardId < shardCount; shardId++) {
        const records = await readShard(client, shardId)
        // Consecutive sequence numbers from 1: no record lost in the middle, none duplicated.
        expect(records.map((record) => record.sequenceNumber)).toEqual(records.map((_, index) => index + 1))
        for (const record of records) stored.set(`${shardId}:${record.sequenceNumber}`, text(record.data))
      }
      for (const [position, data] of acknowledged.records) expect(stored.get(position), position).toBe(data)
      for (const data of stored.values()) expect(data).toMatch(/^record \d\/\d+\/\d$/)
    } finally {
      await restarted.emulator.close()
    }
  }, 60_000)

  it('keeps everything through SIGTERM, which closes the database cleanly', async () => {
    const dataDir = temporaryDirectory()
    const emulator = await spawnEmulator(['--data-dir', dataDir])
    const client = new Client({ endpoint: emulator.url, accessKey: testAccessKey, retry: false })
    await client.putObject({ container, path: '/term/object', body: 'kept' })
    await client.putItem({ container, path: '/term/item', attributes: { answer: 42n } })
    await client.createStream({ container, path: '/term/stream', shardCount: 1 })
    await client.putRecords({ container, path: '/term/stream', records: [{ data: 'one' }, { data: 'two' }] })
    emulator.child.kill('SIGTERM')
    expect(await emulator.exited()).toBe(0)

    const restarted = await spawnEmulator(['--data-dir', dataDir])
    const after = new Client({ endpoint: restarted.url, accessKey: testAccessKey, retry: false })
    try {
      expect(text((await after.getObject({ container, path: '/term/object' })).body)).toBe('kept')
      expect((await after.getItem({ container, path: '/term/item' })).output.item).toEqual({ answer: 42 })
      const seek = await after.seekShard({
        container,
        path: '/term/stream',
        shardId: 0,
        seekType: 'EARLIEST',
      })
      const page = await after.getRecords({
        container,
        path: '/term/stream',
        shardId: 0,
        location: seek.output.location,
      })
      expect(page.output.records.map((record) => [record.sequenceNumber, text(record.data)])).toEqual([
        [1, 'one'],
        [2, 'two'],
      ])
    } finally {
      restarted.child.kill('SIGTERM')
      await restarted.exited()
    }
  }, 60_000)
})
