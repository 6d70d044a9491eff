import { inspect } from 'node:util'
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  Batch,
  type BatchError,
  Client,
  type ClientOptions,
  HttpResponseError,
  NetworkError,
  RequestAbortedError,
  Responses,
  ValidationError,
} from '../../src/index.js'
import { answer, networkFailure, type Reply, scriptedTransport } from '../client/fake-transport.js'
import { rejection } from '../support/rejection.js'

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

function setup(script: (index: number, url: string) => Reply | Promise<Reply>, options: ClientOptions = {}) {
  const fake = scriptedTransport((request, index) => script(index, request.url))
  const client = new Client({
    endpoint: 'http://h:1',
    accessKey: 'key',
    transport: fake.transport,
    retry: { initialDelay: 1, maxDelay: 1 },
    ...options,
  })
  return { client, fake }
}

describe('Batch', () => {
  it('issues calls without waiting and collects the responses in call order', async () => {
    const { client, fake } = setup(async (index, url) => {
      await pause((7 - index) * 2)
      return answer(200, url.slice(url.lastIndexOf('/') + 1))
    })
    const batch = client.createBatch()
    expect(batch).toBeInstanceOf(Batch)
    for (let index = 0; index < 8; index++) batch.getObject({ container: 'c1', path: `o${index}` })
    expect(batch.pending).toBe(8)
    const result = await batch.wait()
    expect(result).toBeInstanceOf(Responses)
    expect(result.length).toBe(8)
    expect([...result].map((response) => response.text())).toEqual([
      'o0',
      'o1',
      'o2',
      'o3',
      'o4',
      'o5',
      'o6',
      'o7',
    ])
    expect(fake.requests).toHaveLength(8)
  })

  it('never exceeds maxConnections, across parallel batches and direct calls', async () => {
    const { client, fake } = setup(
      async (index) => {
        await pause(index % 3)
        return answer(200)
      },
      { maxConnections: 3 },
    )
    const first = client.createBatch()
    const second = client.createBatch()
    for (let index = 0; index < 30; index++) {
      first.headContainer({ container: 'c1' })
      second.headContainer({ container: 'c2' })
    }
    const direct = Promise.all(Array.from({ length: 10 }, () => client.headContainer({ container: 'c3' })))
    const [a, b] = await Promise.all([first.wait(), second.wait(), direct])
    expect(a.responses).toHaveLength(30)
    expect(b.responses).toHaveLength(30)
    expect(fake.requests).toHaveLength(70)
    expect(fake.peak).toBe(3)
  })

  it('survives a batch of nothing but failures: the next batch runs normally', async () => {
    let healthy = false
    const { client } = setup(() => (healthy ? answer(200) : networkFailure('ECONNRESET')), {
      maxConnections: 2,
      retry: false,
    })
    const batch = client.createBatch()
    for (let index = 0; index < 40; index++) batch.headContainer({ container: 'c1' })
    const error = (await rejection(batch.wait())) as BatchError
    expect(error.errors.every((failure) => failure instanceof NetworkError)).toBe(true)
    expect(error.responses.every((response) => response === undefined)).toBe(true)
    healthy = true
    for (let index = 0; index < 40; index++) batch.headContainer({ container: 'c1' })
    expect((await batch.wait()).responses.every((response) => response.statusCode === 200)).toBe(true)
  })

  it('records invalid options at their index without sending them', async () => {
    const { client, fake } = setup(() => answer(200))
    const batch = client.createBatch()
    batch.headContainer({ container: 'c1' })
    batch.headContainer({ container: 'has/slash' })
    batch.getObject({ container: 'c1', path: 'o', timeout: -5 })
    const error = (await rejection(batch.wait())) as BatchError
    expect(error.errors.map((failure) => (failure as ValidationError | undefined)?.parameter)).toEqual([
      undefined,
      'container',
      'timeout',
    ])
    expect(error.errors[1]).toBeInstanceOf(ValidationError)
    expect(fake.requests).toHaveLength(1)
  })

  it("aborts every queued and in-flight call with wait's signal; only the in-flight ones were sent", async () => {
    const { client, fake } = setup(() => 'hang', { maxConnections: 2 })
    const batch = client.createBatch()
    for (let index = 0; index < 10; index++) batch.headContainer({ container: 'c1' })
    const controller = new AbortController()
    const waiting = batch.wait({ signal: controller.signal })
    await pause(5)
    controller.abort('shutdown')
    const error = (await rejection(waiting)) as BatchError
    expect(error.errors).toHaveLength(10)
    for (const failure of error.errors)
      expect(failure).toMatchObject({ name: 'RequestAbortedError', reason: 'shutdown' })
    expect(fake.requests).toHaveLength(2)
  })

  it('aborts everything at once when wait is given an aborted signal', async () => {
    const { client, fake } = setup(() => 'hang', { maxConnections: 1 })
    client.batch.headContainer({ container: 'c1' })
    client.batch.headContainer({ container: 'c1' })
    const error = (await rejection(client.batch.wait({ signal: AbortSignal.abort() }))) as BatchError
    expect(error.errors.every((failure) => failure instanceof RequestAbortedError)).toBe(true)
    expect(fake.requests.length).toBeLessThanOrEqual(1)
  })

  it('applies wait-level raise-for-status, and a per-call value when a JavaScript caller passes one', async () => {
    const { client } = setup(() => answer(404, '{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}'))
    const batch = client.createBatch()
    batch.getObject({ container: 'c1', path: 'a' })
    batch.getObject({ container: 'c1', path: 'b', raiseForStatus: 'never' } as never)
    const error = (await rejection(batch.wait())) as BatchError
    expect(error.errors[0]).toBeInstanceOf(HttpResponseError)
    expect(error.errors[1]).toBeUndefined()
    expect((error.errors[0] as HttpResponseError).url).toBe('http://h:1/c1/a')
    expect(error.responses.map((response) => response?.statusCode)).toEqual([404, 404])
    expect(error.message).toBe(
      '1 of 2 batch calls failed; the first (#0): GetObject GET http://h:1/c1/a failed with status 404: No such file or directory (error code -2)',
    )
    expect(error.cause).toBe(error.errors[0])
  })

  it('rejects a bad wait policy before taking the pending calls', async () => {
    const { client } = setup(() => answer(200))
    client.batch.headContainer({ container: 'c1' })
    expect(await rejection(client.batch.wait({ raiseForStatus: 'sometimes' as 'never' }))).toBeInstanceOf(
      ValidationError,
    )
    expect((await client.batch.wait()).responses).toHaveLength(1)
  })

  it('types every method as returning nothing, with the operation options minus raiseForStatus', () => {
    const client = new Client({ endpoint: 'h:1', accessKey: 'key' })
    expectTypeOf(client.batch.putObject).returns.toBeVoid()
    expectTypeOf(client.batch.getItem).returns.toBeVoid()
    expectTypeOf(client.batch.putItems).returns.toBeVoid()
    expectTypeOf(client.batch.deleteStream).returns.toBeVoid()
    expectTypeOf(client.batch.getContainers)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof client.batch.getContainers>[0]>()
    expectTypeOf(client.batch.wait).returns.resolves.toEqualTypeOf<Responses>()
    if (Math.random() > 2) {
      // @ts-expect-error raise-for-status belongs to wait()
      client.batch.getObject({ container: 'c1', path: 'o', raiseForStatus: 'never' })
      // @ts-expect-error helpers (cursors, readers) are not batch methods
      client.batch.newItemsCursor({ container: 'c1', path: 't/' })
      client.batch.getObject({ container: 'c1', path: 'o', timeout: 5, signal: AbortSignal.abort() })
    }
  })

  it('keeps its thousands of entries out of serialisation and out of printed responses', async () => {
    const { client } = setup(() => answer(404))
    for (let index = 0; index < 3000; index++) client.batch.headContainer({ container: 'c1' })
    const error = (await rejection(client.batch.wait())) as BatchError
    expect(error.responses).toHaveLength(3000)
    expect(error.failures).toHaveLength(3000)
    expect(Object.keys(error)).toEqual(['name'])
    expect(JSON.stringify(error)).toBe('{"name":"BatchError"}')
    // Node prints `errors` as it does for AggregateError (at most 100 of them), never the responses.
    expect(inspect(error)).not.toContain('responses')
  })

  it("aborts a composite with wait's signal too", async () => {
    const { client, fake } = setup(() => 'hang')
    const batch = client.createBatch()
    batch.deleteStream({ container: 'c1', path: 'stream' })
    const controller = new AbortController()
    const waiting = batch.wait({ signal: controller.signal })
    await pause(5)
    controller.abort('enough')
    const error = (await rejection(waiting)) as BatchError
    expect(error.errors[0]).toMatchObject({ name: 'RequestAbortedError', reason: 'enough' })
    expect(fake.requests[0]?.signal.aborted).toBe(true)
  })
})
