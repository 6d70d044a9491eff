import { describe, expect, it } from 'vitest'
import {
  BatchError,
  CoreClient,
  createStream,
  deleteTable,
  getContainerContents,
  getItem,
  HttpResponseError,
  newItemsCursor,
  putItem,
  putItems,
  putRecords,
  shardRecords,
  updateItem,
} from '../../src/index.js'
import { testAccessKey, uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// The modular style: a CoreClient runs operation objects, and composites and helpers take it (any
// Executor) as their first argument — the same results as the Client's methods, over HTTP.
describe('CoreClient with imported operations', () => {
  const fixture = useEmulator()
  const core = () => new CoreClient({ endpoint: fixture.emulator.url, accessKey: testAccessKey })

  it('runs operations, composites and helpers', async () => {
    const client = core()
    const table = uniquePath('modular/table')
    await client.execute(putItem, { container: 'bigdata', path: `${table}/bob`, attributes: { age: 42 } })
    const written = await putItems(client, {
      container: 'bigdata',
      path: table,
      items: { louise: { age: 9 } },
    })
    expect(written.output.success).toBe(true)
    await updateItem(client, { container: 'bigdata', path: `${table}/bob`, expression: 'age = age + 1' })
    const { output } = await client.execute(getItem, { container: 'bigdata', path: `${table}/bob` })
    expect(output.item).toEqual({ age: 43 })
    const names = (
      await newItemsCursor(client, { container: 'bigdata', path: table, attributeNames: ['__name'] }).all()
    )
      .map((item) => item.__name)
      .sort()
    expect(names).toEqual(['bob', 'louise'])
    const listing = await client.execute(getContainerContents, { container: 'bigdata', path: `${table}/` })
    expect(listing.output.contents.map((entry) => entry.key).sort()).toEqual([
      `${table}/bob`,
      `${table}/louise`,
    ])
    expect((await deleteTable(client, { container: 'bigdata', path: table })).statusCode).toBe(204)
    const missing = await rejection(client.execute(getItem, { container: 'bigdata', path: `${table}/bob` }))
    expect(missing).toBeInstanceOf(HttpResponseError)
    expect(missing).toMatchObject({ statusCode: 404, operation: 'GetItem', method: 'PUT' })
  })

  it('reads a stream with the shard reader', async () => {
    const client = core()
    const stream = uniquePath('modular/stream')
    await client.execute(createStream, { container: 'bigdata', path: stream, shardCount: 1 })
    await client.execute(putRecords, {
      container: 'bigdata',
      path: stream,
      records: [{ shardId: 0, data: 'hello' }],
    })
    const records = []
    for await (const record of shardRecords(client, {
      container: 'bigdata',
      path: `${stream}/0`,
      follow: false,
    }))
      records.push(new TextDecoder().decode(record.data))
    expect(records).toEqual(['hello'])
  })

  it("has no batch: batches stay the Client's (their errors name each call's request)", async () => {
    const client = fixture.client
    client.batch.getItem({ container: 'bigdata', path: uniquePath('modular/none') })
    client.batch.deleteTable({ container: 'bigdata', path: uniquePath('modular/none-table') })
    const error = (await rejection(client.batch.wait())) as BatchError
    expect(error).toBeInstanceOf(BatchError)
    expect(error.errors.map((failure) => (failure as HttpResponseError).operation)).toEqual([
      'GetItem',
      'ListDirectory',
    ])
    expect('batch' in core()).toBe(false)
  })
})
