import { afterAll, describe, expect, it, vi } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import {
  BatchError,
  Client,
  HttpResponseError,
  NetworkError,
  type ObservedRequest,
  RequestAbortedError,
  RequestTimeoutError,
  ValidationError,
} from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { testAccessKey, uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// The client API through `nodeHttpTransport` instead of the default transport: it must be a drop-in.
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes)
const fastRetry = { initialDelay: 5, maxDelay: 20 }

describe('the client on nodeHttpTransport', () => {
  const fixture = useEmulator()
  const transport = nodeHttpTransport()
  const newClient = (options: Parameters<typeof fixture.newClient>[0] = {}) =>
    fixture.newClient({ transport, ...options })
  afterAll(() => transport.destroy())

  it('reads a 1,000-record page (≈ 300 KB) parsed in pieces, every record intact and in order', async () => {
    const client = newClient()
    const path = `/${uniquePath('node-pieces')}`
    await client.createStream({ container: 'bigdata', path, shardCount: 1 })
    const records = Array.from({ length: 1000 }, (_, index) => ({
      data: `record ${index} ${'x'.repeat(150)} },{"not-a-boundary`,
      partitionKey: `key},{"${index}`,
      shardId: 0,
    }))
    await client.putRecords({ container: 'bigdata', path, records })
    const seek = await client.seekShard({ container: 'bigdata', path, shardId: 0, seekType: 'EARLIEST' })
    const parse = vi.spyOn(JSON, 'parse')
    const page = await client.getRecords({
      container: 'bigdata',
      path,
      shardId: 0,
      location: seek.output.location,
      limit: 1000,
    })
    const parses = parse.mock.calls.length
    parse.mockRestore()
    // One parse would be one call: more means the body went through src/core/json-pieces.ts.
    expect(parses).toBeGreaterThan(3)
    expect(page.output.records.map((record) => text(record.data))).toEqual(
      records.map((record) => record.data),
    )
    expect(page.output.records.map((record) => record.partitionKey)).toEqual(
      records.map((record) => record.partitionKey),
    )
    expect(page.output.records.map((record) => record.sequenceNumber)).toEqual(
      records.map((_, index) => index + 1),
    )
  })

  it('puts, reads, lists, heads and deletes objects', async () => {
    const client = newClient()
    const directory = uniquePath('node-objects')
    const bytes = Uint8Array.from([0, 1, 2, 253, 254, 255])
    await client.putObject({ container: 'bigdata', path: `${directory}/text`, body: 'hello, there' })
    await client.putObject({ container: 'bigdata', path: `${directory}/bytes`, body: bytes })
    await client.putObject({
      container: 'bigdata',
      path: `${directory}/blob`,
      body: new Blob(['blob ', 'body']),
    })
    await client.putObject({ container: 'bigdata', path: `${directory}/text`, body: '!', append: true })
    expect(text((await client.getObject({ container: 'bigdata', path: `${directory}/text` })).body)).toBe(
      'hello, there!',
    )
    expect((await client.getObject({ container: 'bigdata', path: `${directory}/bytes` })).body).toEqual(bytes)
    expect(text((await client.getObject({ container: 'bigdata', path: `${directory}/blob` })).body)).toBe(
      'blob body',
    )
    const ranged = await client.getObject({
      container: 'bigdata',
      path: `${directory}/text`,
      offset: 7,
      numBytes: 5,
    })
    expect(text(ranged.body)).toBe('there')
    expect(
      (await client.headObject({ container: 'bigdata', path: `${directory}/bytes` })).output,
    ).toMatchObject({
      size: 6,
    })
    const listing = await client.getContainerContents({ container: 'bigdata', path: `${directory}/` })
    expect(listing.output.contents.map((entry) => entry.key).sort()).toEqual(
      ['blob', 'bytes', 'text'].map((name) => `${directory}/${name}`),
    )
    await client.deleteObject({ container: 'bigdata', path: `${directory}/text` })
    const missing = await rejection(client.getObject({ container: 'bigdata', path: `${directory}/text` }))
    expect(missing).toBeInstanceOf(HttpResponseError)
    expect((missing as HttpResponseError).statusCode).toBe(404)
  })

  it('puts, gets, updates and scans items with a cursor', async () => {
    const client = newClient()
    const table = `/${uniquePath('node-kv')}/`
    const put = await client.putItem({
      container: 'bigdata',
      path: `${table}bob`,
      attributes: { age: 42, feature: 'mustache', big: 2n ** 60n, score: 0.5, active: true },
    })
    expect(put.output.verifier).toBeDefined()
    const got = await client.getItem({ container: 'bigdata', path: `${table}bob` })
    expect(got.output.item).toEqual({
      age: 42,
      feature: 'mustache',
      big: 2n ** 60n,
      score: 0.5,
      active: true,
    })
    expect(got.output.verifier).toEqual(put.output.verifier)
    await client.updateItem({ container: 'bigdata', path: `${table}bob`, expression: 'age = age + 1' })
    const written = await client.putItems({
      container: 'bigdata',
      path: table,
      items: Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`item-${index}`, { n: index }])),
    })
    expect(written.output.success).toBe(true)
    const cursor = client.newItemsCursor({
      container: 'bigdata',
      path: table,
      attributeNames: ['__name', 'n', 'age'],
      filterExpression: 'n >= 10 or age > 42',
      pageSize: 4,
    })
    const names: string[] = []
    for await (const item of cursor) names.push(item.__name as string)
    expect(names.sort()).toEqual(
      ['bob', ...Array.from({ length: 20 }, (_, index) => `item-${index + 10}`)].sort(),
    )
    const page = await client.getItems({ container: 'bigdata', path: table, limit: 5 })
    expect(page.output.items.length).toBeGreaterThan(0)
    expect(page.output.items.length).toBeLessThanOrEqual(5)
  })

  it('creates a stream, puts records and reads them back', async () => {
    const client = newClient()
    const path = `/${uniquePath('node-stream')}`
    await client.createStream({ container: 'bigdata', path, shardCount: 2 })
    const put = await client.putRecords({
      container: 'bigdata',
      path,
      records: [
        { shardId: 1, data: 'first' },
        { shardId: 1, data: new Uint8Array([1, 2, 3]) },
      ],
    })
    expect(put.output.failedRecordCount).toBe(0)
    const seek = await client.seekShard({ container: 'bigdata', path, shardId: 1, seekType: 'EARLIEST' })
    const { output } = await client.getRecords({
      container: 'bigdata',
      path,
      shardId: 1,
      location: seek.output.location,
    })
    expect(output.records.map((record) => record.data)).toEqual([
      new TextEncoder().encode('first'),
      new Uint8Array([1, 2, 3]),
    ])
    await client.deleteStream({ container: 'bigdata', path })
    const gone = await rejection(client.describeStream({ container: 'bigdata', path }))
    expect((gone as HttpResponseError).statusCode).toBe(404)
  })

  it('runs a batch with mixed failures: every response and error, index-aligned', async () => {
    const client = newClient({ maxConnections: 4 })
    const directory = uniquePath('node-batch')
    await client.putObject({ container: 'bigdata', path: `${directory}/present`, body: 'here' })
    const batch = client.createBatch()
    for (let index = 0; index < 20; index++)
      batch.getObject({
        container: 'bigdata',
        path: `${directory}/${index % 2 === 0 ? 'present' : 'missing'}`,
      })
    batch.getObject({ container: 'bigdata', path: `${directory}/../escape` })
    const error = (await rejection(batch.wait())) as BatchError
    expect(error).toBeInstanceOf(BatchError)
    expect(error.failures.map((failure) => failure.index)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 20])
    expect(error.responses.slice(0, 20).map((response) => response?.statusCode)).toEqual(
      Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? 200 : 404)),
    )
    expect(text(error.responses[18]?.body)).toBe('here')
    expect(error.errors[1]).toBeInstanceOf(HttpResponseError)
    expect(error.errors[20]).toBeInstanceOf(ValidationError)
  })

  it('retries a safe call after an injected 503 and after a dropped connection', async () => {
    const attempts: ObservedRequest[] = []
    const client = newClient({
      retry: fastRetry,
      hooks: { beforeRequest: (request) => attempts.push(request) },
    })
    const path = uniquePath('node-retry')
    await client.putObject({ container: 'bigdata', path, body: 'v' })
    const unavailable = fixture.emulator.injectFaults({
      status: 503,
      count: 2,
      pathPrefix: `/bigdata/${path}`,
    })
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('v')
    expect(unavailable.hits).toBe(2)
    const dropped = fixture.emulator.injectFaults({
      dropConnection: true,
      count: 2,
      pathPrefix: `/bigdata/${path}`,
    })
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('v')
    expect(dropped.hits).toBe(2)
    expect(attempts.map((request) => `${request.method} ${request.attempt}`)).toEqual([
      'PUT 1',
      'GET 1',
      'GET 2',
      'GET 3',
      'GET 1',
      'GET 2',
      'GET 3',
    ])
  })

  it('does not retry an unsafe call after a dropped connection, but does after a refused one', async () => {
    const client = newClient({ retry: fastRetry })
    const path = uniquePath('node-unsafe')
    await client.putObject({ container: 'bigdata', path, body: 'a' })
    const dropped = fixture.emulator.injectFaults({
      dropConnection: true,
      count: 3,
      pathPrefix: `/bigdata/${path}`,
    })
    const reset = await rejection(client.putObject({ container: 'bigdata', path, body: 'b', append: true }))
    expect(reset).toBeInstanceOf(NetworkError)
    expect(dropped.hits).toBe(1)
    dropped.clear()
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('a')

    const closed = await startEmulator({ port: 0 })
    await closed.close()
    const attempts: number[] = []
    const refusedClient = new Client({
      endpoint: closed.url,
      accessKey: testAccessKey,
      retry: fastRetry,
      transport,
      hooks: { beforeRequest: (request) => attempts.push(request.attempt) },
    })
    const refused = await rejection(
      refusedClient.putObject({ container: 'bigdata', path: 'log', body: 'x', append: true }),
    )
    expect(refused).toBeInstanceOf(NetworkError)
    expect((refused as NetworkError).message).toMatch(/ECONNREFUSED/)
    expect(attempts).toEqual([1, 2, 3, 4])
  })

  it('times out a slow call, abandons a stuck attempt, and aborts with a signal', async () => {
    const client = newClient({ timeout: 100, retry: { ...fastRetry, attemptTimeout: 0 } })
    const path = uniquePath('node-slow')
    await client.putObject({ container: 'bigdata', path, body: 'late' })
    fixture.emulator.injectFaults({ delay: 1000, methods: ['GET'], pathPrefix: `/bigdata/${path}` })
    const started = performance.now()
    const timedOut = await rejection(client.getObject({ container: 'bigdata', path }))
    expect(timedOut).toBeInstanceOf(RequestTimeoutError)
    expect(timedOut).toMatchObject({ operation: 'GetObject', timeout: 100 })
    expect(performance.now() - started).toBeLessThan(600)

    const patient = newClient({ retry: { ...fastRetry, attemptTimeout: 100 } })
    const stuck = fixture.emulator.injectFaults({
      delay: 2000,
      methods: ['GET'],
      pathPrefix: `/bigdata/${path}`,
    })
    expect(text((await patient.getObject({ container: 'bigdata', path })).body)).toBe('late')
    expect(stuck.hits).toBe(1)

    fixture.emulator.injectFaults({ delay: 1000, methods: ['GET'], pathPrefix: `/bigdata/${path}` })
    const controller = new AbortController()
    setTimeout(() => controller.abort('stop'), 50)
    const aborted = await rejection(
      patient.getObject({ container: 'bigdata', path, signal: controller.signal }),
    )
    expect(aborted).toBeInstanceOf(RequestAbortedError)
    expect((aborted as RequestAbortedError).reason).toBe('stop')
  })
})
