import { describe, expect, it } from 'vitest'
import { type BatchError, Client, RequestAbortedError, RequestTimeoutError } from '../../src/index.js'
import { answer, type Reply, scriptedTransport } from '../client/fake-transport.js'
import { rejection } from '../support/rejection.js'

const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

function setup(script: (index: number) => Reply | Promise<Reply>, maxConnections: number) {
  const fake = scriptedTransport((_, index) => script(index))
  const client = new Client({
    endpoint: 'http://h:1',
    accessKey: 'key',
    transport: fake.transport,
    maxConnections,
    retry: false,
  })
  return { client, fake }
}

describe('batched calls waiting for a slot', () => {
  it('send what the options said when the call was issued, even if the caller reuses the object', async () => {
    const { client, fake } = setup(() => answer(200), 1)
    const batch = client.createBatch()
    const options = { container: 'c1', path: 'first', body: 'one' }
    batch.putObject(options)
    options.path = 'second'
    options.body = 'two'
    batch.putObject(options)
    await batch.wait()
    expect(
      fake.requests.map((request) => [request.url, new TextDecoder().decode(request.body as Uint8Array)]),
    ).toEqual([
      ['http://h:1/c1/first', 'one'],
      ['http://h:1/c1/second', 'two'],
    ])
  })

  it('reach the transport only when a slot frees, in issue order with the client’s other calls', async () => {
    let release: (() => void) | undefined
    const { client, fake } = setup(
      (index) =>
        index === 0 ? new Promise((resolve) => (release = () => resolve(answer(200)))) : answer(200),
      1,
    )
    const batch = client.createBatch()
    batch.headObject({ container: 'c1', path: 'a' })
    batch.headObject({ container: 'c1', path: 'b' })
    const direct = client.headObject({ container: 'c1', path: 'direct' })
    batch.headObject({ container: 'c1', path: 'c' })
    await pause(5)
    expect(fake.requests).toHaveLength(1)
    release?.()
    const [responses] = await Promise.all([batch.wait(), direct])
    expect(responses).toHaveLength(3)
    expect(fake.requests.map((request) => request.url.slice('http://h:1/c1/'.length))).toEqual([
      'a',
      'b',
      'direct',
      'c',
    ])
    expect(fake.peak).toBe(1)
  })

  it("fail at once on wait's signal even while another call holds every slot, and send nothing", async () => {
    const { client, fake } = setup((index) => (index === 0 ? 'hang' : answer(200)), 1)
    const holder = new AbortController()
    const holding = client.headContainer({ container: 'c1', signal: holder.signal })
    const batch = client.createBatch()
    for (let index = 0; index < 3; index++) batch.headObject({ container: 'c1', path: `o${index}` })
    const controller = new AbortController()
    const waiting = batch.wait({ signal: controller.signal })
    await pause(5)
    const aborted = performance.now()
    controller.abort('enough')
    const error = (await rejection(waiting)) as BatchError
    expect(performance.now() - aborted).toBeLessThan(1000)
    expect(error.errors).toHaveLength(3)
    for (const failure of error.errors) {
      expect(failure).toBeInstanceOf(RequestAbortedError)
      expect(failure).toMatchObject({ operation: 'HeadObject', reason: 'enough' })
    }
    expect(fake.requests).toHaveLength(1)
    holder.abort('done')
    await rejection(holding)
    // The failed calls' places in the queue pass the slot on: the client still works.
    expect((await client.headObject({ container: 'c1', path: 'after' })).statusCode).toBe(200)
    expect(fake.requests.map((request) => request.url)).toEqual(['http://h:1/c1', 'http://h:1/c1/after'])
  })

  it('fail with RequestTimeoutError at wait({ timeout }) while queued', async () => {
    const { client, fake } = setup(() => 'hang', 1)
    const batch = client.createBatch()
    batch.headObject({ container: 'c1', path: 'running' })
    batch.headObject({ container: 'c1', path: 'queued' })
    const error = (await rejection(batch.wait({ timeout: 30 }))) as BatchError
    expect(error.errors.map((failure) => failure?.constructor)).toEqual([
      RequestTimeoutError,
      RequestTimeoutError,
    ])
    expect(fake.requests).toHaveLength(1)
  })
})
