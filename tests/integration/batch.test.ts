import { describe, expect, it } from 'vitest'
import {
  BatchError,
  HttpResponseError,
  isConditionFailed,
  isItemExists,
  RequestAbortedError,
  RequestTimeoutError,
  Responses,
  ValidationError,
} from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

const text = (body: Uint8Array) => new TextDecoder().decode(body)

describe('batch', () => {
  const fixture = useEmulator()

  it('runs the seed example: 16 parallel putObject, wait, then reads them back', async () => {
    const { client } = fixture
    const directory = uniquePath('seed-batch')
    for (let index = 0; index < 16; index++) {
      // returns immediately
      const returned: unknown = client.batch.putObject({
        container: 'bigdata',
        path: `/${directory}/object${index}`,
        body: `object-${index}`,
      })
      expect(returned).toBeUndefined()
    }
    expect(client.batch.pending).toBe(16)
    const result = await client.batch.wait()
    expect(result).toBeInstanceOf(Responses)
    expect(result.responses).toHaveLength(16)
    expect(result.responses.map((response) => response.statusCode)).toEqual(Array(16).fill(200))
    expect(client.batch.pending).toBe(0)
    for (let index = 0; index < 16; index++) {
      const object = await client.getObject({ container: 'bigdata', path: `/${directory}/object${index}` })
      expect(text(object.body)).toBe(`object-${index}`)
    }
  })

  it('returns responses in call order, not completion order', async () => {
    const { client, emulator } = fixture
    const directory = uniquePath('order')
    for (let index = 0; index < 12; index++)
      await client.putObject({ container: 'bigdata', path: `${directory}/o${index}`, body: `body ${index}` })
    // The first read is delayed, so it completes last.
    const delayed = emulator.injectFaults({
      delay: 150,
      pathPrefix: `/bigdata/${directory}/o0`,
      methods: ['GET'],
    })
    const batch = client.createBatch()
    for (let index = 0; index < 12; index++)
      batch.getObject({ container: 'bigdata', path: `${directory}/o${index}` })
    const { responses } = await batch.wait()
    expect(delayed.hits).toBe(1)
    expect(responses.map((response) => text(response.body))).toEqual(
      Array.from({ length: 12 }, (_, index) => `body ${index}`),
    )
  })

  it('mixes successes and failures: rejects with every response and every error, index-aligned', async () => {
    const { client } = fixture
    const directory = uniquePath('mixed')
    await client.putObject({ container: 'bigdata', path: `${directory}/present`, body: 'here' })
    const batch = client.createBatch()
    batch.getObject({ container: 'bigdata', path: `${directory}/present` })
    batch.getObject({ container: 'bigdata', path: `${directory}/missing` })
    batch.getObject({ container: 'bigdata', path: `${directory}/../escape` })
    batch.headObject({ container: 'bigdata', path: `${directory}/present` })
    const error = await rejection(batch.wait())
    expect(error).toBeInstanceOf(BatchError)
    const batchError = error as BatchError
    expect(batchError.responses).toHaveLength(4)
    expect(batchError.errors).toHaveLength(4)
    expect(text(batchError.responses[0]?.body ?? new Uint8Array())).toBe('here')
    expect(batchError.errors[0]).toBeUndefined()
    expect(batchError.responses[1]?.statusCode).toBe(404)
    expect(batchError.errors[1]).toBeInstanceOf(HttpResponseError)
    expect((batchError.errors[1] as HttpResponseError).errorMessage).toBe('No such file or directory')
    expect((batchError.errors[1] as HttpResponseError).url).toBe(
      `${fixture.emulator.url}/bigdata/${directory}/missing`,
    )
    expect(batchError.responses[2]).toBeUndefined()
    expect(batchError.errors[2]).toBeInstanceOf(ValidationError)
    expect((batchError.errors[2] as ValidationError).parameter).toBe('path')
    expect(batchError.responses[3]?.output).toMatchObject({ size: 4 })
    expect(batchError.failures.map((failure) => failure.index)).toEqual([1, 2])
    expect(batchError.message).toMatch(
      /^2 of 4 batch calls failed; the first \(#1\): GetObject GET http:\/\/\S+ failed with status 404: No such file or directory/,
    )
  })

  it('applies raiseForStatus given to wait', async () => {
    const { client } = fixture
    const path = uniquePath('rfs/missing')
    client.batch.getObject({ container: 'bigdata', path })
    client.batch.getContainers()
    const never = await client.batch.wait({ raiseForStatus: 'never' })
    expect(never.responses.map((response) => response.statusCode)).toEqual([404, 200])
    expect(never.responses[0]?.error?.errorCode).toBe(-2)

    client.batch.getObject({ container: 'bigdata', path })
    client.batch.getContainers()
    const listed = await rejection(client.batch.wait({ raiseForStatus: [404] }))
    expect((listed as BatchError).errors.map((error) => error?.constructor.name)).toEqual([
      undefined,
      'HttpResponseError',
    ])

    client.batch.getObject({ container: 'bigdata', path })
    const always = await rejection(client.batch.wait({ raiseForStatus: 'always' }))
    expect((always as BatchError).errors[0]).toBeInstanceOf(HttpResponseError)
  })

  it('uses the client default raise-for-status when wait has none', async () => {
    const lenient = fixture.newClient({ raiseForStatus: 'never' })
    lenient.batch.getObject({ container: 'bigdata', path: uniquePath('default/missing') })
    const { responses } = await lenient.batch.wait()
    expect(responses[0]?.statusCode).toBe(404)
  })

  it('rejects a bad raiseForStatus in wait without losing the pending calls', async () => {
    const { client } = fixture
    const batch = client.createBatch()
    batch.getContainers()
    const error = await rejection(batch.wait({ raiseForStatus: [] }))
    expect(error).toBeInstanceOf(ValidationError)
    expect(batch.pending).toBe(1)
    expect((await batch.wait()).responses).toHaveLength(1)
  })

  it('resolves an empty wait to no responses', async () => {
    const batch = fixture.client.createBatch()
    expect((await batch.wait()).responses).toEqual([])
  })

  it('runs independent batches side by side', async () => {
    const { client } = fixture
    const directory = uniquePath('parallel')
    const first = client.createBatch()
    const second = client.createBatch()
    for (let index = 0; index < 20; index++) {
      first.putObject({ container: 'bigdata', path: `${directory}/a${index}`, body: `a${index}` })
      second.putObject({ container: 'bigdata', path: `${directory}/b${index}`, body: `b${index}` })
    }
    const [a, b] = await Promise.all([first.wait(), second.wait()])
    expect(a.responses).toHaveLength(20)
    expect(b.responses).toHaveLength(20)
    for (let index = 0; index < 20; index++) {
      first.getObject({ container: 'bigdata', path: `${directory}/a${index}` })
      second.getObject({ container: 'bigdata', path: `${directory}/b${index}` })
    }
    const [readA, readB] = await Promise.all([first.wait(), second.wait()])
    expect(readA.responses.map((response) => text(response.body))).toEqual(
      Array.from({ length: 20 }, (_, index) => `a${index}`),
    )
    expect(readB.responses.map((response) => text(response.body))).toEqual(
      Array.from({ length: 20 }, (_, index) => `b${index}`),
    )
  })

  it('waits only for calls issued since the last wait', async () => {
    const { client } = fixture
    const batch = client.createBatch()
    batch.getContainers()
    const first = batch.wait()
    batch.headContainer({ container: 'users' })
    expect((await first).responses).toHaveLength(1)
    const second = await batch.wait()
    expect(second.responses).toHaveLength(1)
    expect(second.responses[0]?.output).toBeUndefined()
    expect(second.responses[0]?.statusCode).toBe(200)
  })

  it("aborts queued and in-flight calls with wait's signal", async () => {
    const { emulator } = fixture
    const client = fixture.newClient({ maxConnections: 2 })
    const directory = uniquePath('abort-wait')
    const slow = emulator.injectFaults({ delay: 2000, count: 2, pathPrefix: `/bigdata/${directory}/` })
    const batch = client.createBatch()
    for (let index = 0; index < 6; index++)
      batch.getObject({ container: 'bigdata', path: `${directory}/o${index}` })
    const controller = new AbortController()
    const started = performance.now()
    setTimeout(() => controller.abort(new Error('enough')), 100)
    const error = (await rejection(batch.wait({ signal: controller.signal }))) as BatchError
    expect(performance.now() - started).toBeLessThan(1500)
    expect(slow.hits).toBe(2)
    expect(error.errors).toHaveLength(6)
    for (const failure of error.errors) {
      expect(failure).toBeInstanceOf(RequestAbortedError)
      expect(((failure as RequestAbortedError).reason as Error).message).toBe('enough')
    }
    expect(error.responses).toEqual(Array(6).fill(undefined))
  })

  it('aborts one call with its own signal, the others complete', async () => {
    const { client, emulator } = fixture
    const directory = uniquePath('abort-call')
    await client.putObject({ container: 'bigdata', path: `${directory}/fast`, body: 'fast' })
    emulator.injectFaults({ delay: 2000, pathPrefix: `/bigdata/${directory}/slow` })
    const controller = new AbortController()
    const batch = client.createBatch()
    batch.getObject({ container: 'bigdata', path: `${directory}/slow`, signal: controller.signal })
    batch.getObject({ container: 'bigdata', path: `${directory}/fast` })
    setTimeout(() => controller.abort(), 50)
    const error = (await rejection(batch.wait())) as BatchError
    expect(error.errors[0]).toBeInstanceOf(RequestAbortedError)
    expect(error.errors[1]).toBeUndefined()
    expect(text(error.responses[1]?.body ?? new Uint8Array())).toBe('fast')
  })

  it('applies per-call timeouts inside a batch', async () => {
    const { client, emulator } = fixture
    const directory = uniquePath('timeouts')
    await client.putObject({ container: 'bigdata', path: `${directory}/o`, body: 'x' })
    emulator.injectFaults({ delay: 1000, pathPrefix: `/bigdata/${directory}/o`, methods: ['GET'] })
    const batch = client.createBatch()
    batch.getObject({ container: 'bigdata', path: `${directory}/o`, timeout: 100 })
    batch.getObject({ container: 'bigdata', path: `${directory}/o` })
    const error = (await rejection(batch.wait())) as BatchError
    expect(error.errors[0]).toBeInstanceOf(RequestTimeoutError)
    expect((error.errors[0] as RequestTimeoutError).timeout).toBe(100)
    expect(error.errors[1]).toBeUndefined()
  })

  it('recovers after a batch full of failures: a healthy batch follows', async () => {
    const client = fixture.newClient({ maxConnections: 4 })
    const batch = client.createBatch()
    for (let index = 0; index < 200; index++)
      batch.getObject({ container: 'bigdata', path: uniquePath('failures/missing') })
    for (let index = 0; index < 20; index++) batch.getObject({ container: 'no-such-container', path: 'x' })
    const error = (await rejection(batch.wait())) as BatchError
    expect(error.failures).toHaveLength(220)
    expect(error.responses.every((response) => response?.statusCode === 404)).toBe(true)

    const directory = uniquePath('healthy')
    for (let index = 0; index < 50; index++)
      batch.putObject({ container: 'bigdata', path: `${directory}/o${index}`, body: String(index) })
    const healthy = await batch.wait()
    expect(healthy.responses.every((response) => response.statusCode === 200)).toBe(true)
  })

  it('batches KV writes and reads, composites included (putItems, updateItem)', async () => {
    const { client } = fixture
    const table = uniquePath('kv-batch')
    for (let index = 0; index < 10; index++)
      client.batch.putItem({
        container: 'bigdata',
        path: `${table}/k${index}`,
        attributes: { n: index, tag: `t${index}` },
      })
    client.batch.putItems({ container: 'bigdata', path: table, items: { x: { n: 100 }, y: { n: 200 } } })
    const writes = await client.batch.wait()
    expect(writes.responses).toHaveLength(11)
    expect(writes.responses[10]?.output).toMatchObject({ success: true })

    client.batch.updateItem({ container: 'bigdata', path: `${table}/k3`, expression: 'n = n + 1000' })
    client.batch.updateItem({ container: 'bigdata', path: `${table}/x`, attributes: { extra: true } })
    await client.batch.wait()
    for (const key of ['k0', 'k3', 'k9', 'x', 'y'])
      client.batch.getItem({ container: 'bigdata', path: `${table}/${key}` })
    const { responses } = await client.batch.wait()
    expect(responses.map((response) => (response.output as { item: Record<string, unknown> }).item)).toEqual([
      { n: 0, tag: 't0' },
      { n: 1003, tag: 't3' },
      { n: 9, tag: 't9' },
      { n: 100, extra: true },
      { n: 200 },
    ])
  })

  it('reports a failed condition of a composite at its index, with its response', async () => {
    const { client } = fixture
    const path = `${uniquePath('kv-condition')}/item`
    await client.putItem({ container: 'bigdata', path, attributes: { n: 1 } })
    const batch = client.createBatch()
    batch.updateItem({ container: 'bigdata', path, expression: 'n = 2', condition: 'n > 5' })
    batch.putItem({ container: 'bigdata', path, attributes: { n: 3 }, updateMode: 'CreateNewItemOnly' })
    batch.getItem({ container: 'bigdata', path })
    const error = (await rejection(batch.wait())) as BatchError
    expect(isConditionFailed(error.errors[0] as HttpResponseError)).toBe(true)
    expect(error.responses[0]?.statusCode).toBe(400)
    expect(isItemExists(error.errors[1] as HttpResponseError)).toBe(true)
    expect(error.errors[2]).toBeUndefined()
    expect(error.responses[2]?.output).toEqual(expect.objectContaining({ item: { n: 1 } }))
  })

  it('batches stream writes and the deleteStream composite', async () => {
    const { client } = fixture
    const path = uniquePath('stream-batch')
    await client.createStream({ container: 'bigdata', path, shardCount: 2 })
    for (let index = 0; index < 6; index++)
      client.batch.putRecords({
        container: 'bigdata',
        path,
        records: [{ shardId: index % 2, data: `record ${index}` }],
      })
    const puts = await client.batch.wait()
    expect(
      puts.responses.map((response) => (response.output as { failedRecordCount: number }).failedRecordCount),
    ).toEqual([0, 0, 0, 0, 0, 0])
    const seek = await client.seekShard({ container: 'bigdata', path, shardId: 1, seekType: 'EARLIEST' })
    const read = await client.getRecords({
      container: 'bigdata',
      path,
      shardId: 1,
      location: seek.output.location,
    })
    expect(read.output.records.map((record) => text(record.data))).toEqual([
      'record 1',
      'record 3',
      'record 5',
    ])

    client.batch.deleteStream({ container: 'bigdata', path })
    client.batch.deleteStream({ container: 'bigdata', path: uniquePath('no-such-stream') })
    const error = (await rejection(client.batch.wait())) as BatchError
    expect(error.errors[0]).toBeUndefined()
    expect(error.errors[1]).toBeInstanceOf(HttpResponseError)
    expect((error.errors[1] as HttpResponseError).statusCode).toBe(404)
    const gone = await client.describeStream({ container: 'bigdata', path, raiseForStatus: 'never' })
    expect(gone.statusCode).toBe(404)
  })
})
