import { describe, expect, it } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import {
  type BatchError,
  Client,
  HttpResponseError,
  NetworkError,
  type ObservedRequest,
  type ObservedResponse,
  RequestAbortedError,
  RequestTimeoutError,
} from '../../src/index.js'
import * as nodeEntry from '../../src/index.node.js'
import { testAccessKey, uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

const text = (body: Uint8Array) => new TextDecoder().decode(body)
const fastRetry = { initialDelay: 5, maxDelay: 20 }

describe('timeouts and cancellation', () => {
  const fixture = useEmulator()

  it('applies the client timeout, and a per-call timeout overrides it', async () => {
    const client = fixture.newClient({ timeout: 100 })
    const path = uniquePath('timeout/o')
    // The set-up call gets time of its own: on a loaded machine a first request can take 100 ms.
    await client.putObject({ container: 'bigdata', path, body: 'x', timeout: 10_000 })
    fixture.emulator.injectFaults({ delay: 400, count: 2, methods: ['GET'], pathPrefix: `/bigdata/${path}` })
    const started = performance.now()
    const error = await rejection(client.getObject({ container: 'bigdata', path }))
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(error).toMatchObject({ operation: 'GetObject', timeout: 100 })
    expect(performance.now() - started).toBeLessThan(350)
    const slow = await client.getObject({ container: 'bigdata', path, timeout: 2000 })
    expect(text(slow.body)).toBe('x')
  })

  it('applies a per-call timeout shorter than the client one', async () => {
    const { client, emulator } = fixture
    const path = uniquePath('timeout/o')
    emulator.injectFaults({ delay: 500, pathPrefix: `/bigdata/${path}` })
    const error = await rejection(client.putObject({ container: 'bigdata', path, body: 'x', timeout: 50 }))
    expect(error).toMatchObject({ name: 'RequestTimeoutError', timeout: 50 })
  })

  it('aborts an in-flight call with its signal', async () => {
    const { client, emulator } = fixture
    const path = uniquePath('abort/o')
    emulator.injectFaults({ delay: 1000, pathPrefix: `/bigdata/${path}` })
    const controller = new AbortController()
    setTimeout(() => controller.abort('stop'), 50)
    const error = await rejection(client.getObject({ container: 'bigdata', path, signal: controller.signal }))
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect((error as RequestAbortedError).reason).toBe('stop')
  })

  it('rejects at once with an already aborted signal, sending nothing', async () => {
    const requests: string[] = []
    const client = fixture.newClient({ hooks: { beforeRequest: (request) => requests.push(request.url) } })
    const error = await rejection(client.getContainers({ signal: AbortSignal.abort('early') }))
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(requests).toEqual([])
  })

  it('combines a timeout and a signal: whichever comes first wins', async () => {
    const { client, emulator } = fixture
    const path = uniquePath('both/o')
    emulator.injectFaults({ delay: 600, count: 2, pathPrefix: `/bigdata/${path}` })
    const late = new AbortController()
    const timer = setTimeout(() => late.abort(), 500)
    const timedOut = await rejection(
      client.getObject({ container: 'bigdata', path, timeout: 50, signal: late.signal }),
    )
    clearTimeout(timer)
    expect(timedOut).toBeInstanceOf(RequestTimeoutError)
    const early = new AbortController()
    setTimeout(() => early.abort(), 30)
    const aborted = await rejection(
      client.getObject({ container: 'bigdata', path, timeout: 500, signal: early.signal }),
    )
    expect(aborted).toBeInstanceOf(RequestAbortedError)
  })

  it('aborts a call waiting in back-off before a retry', async () => {
    const { client, emulator } = fixture
    const path = uniquePath('backoff/o')
    const fault = emulator.injectFaults({ status: 503, retryAfter: 10, pathPrefix: `/bigdata/${path}` })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 100)
    const started = performance.now()
    const error = await rejection(client.getObject({ container: 'bigdata', path, signal: controller.signal }))
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(fault.hits).toBe(1)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('abandons a stuck attempt after retry.attemptTimeout and retries a safe operation', async () => {
    const client = fixture.newClient({ retry: { ...fastRetry, attemptTimeout: 150 } })
    const path = uniquePath('attempt/o')
    await client.putObject({ container: 'bigdata', path, body: 'late' })
    const stuck = fixture.emulator.injectFaults({
      delay: 3000,
      methods: ['GET'],
      pathPrefix: `/bigdata/${path}`,
    })
    const response = await client.getObject({ container: 'bigdata', path })
    expect(text(response.body)).toBe('late')
    expect(stuck.hits).toBe(1)
    stuck.clear()
    const appendStuck = fixture.emulator.injectFaults({ delay: 3000, pathPrefix: `/bigdata/${path}` })
    const error = await rejection(client.putObject({ container: 'bigdata', path, body: '+', append: true }))
    expect(error).toMatchObject({ name: 'RequestTimeoutError', timeout: 150 })
    expect(appendStuck.hits).toBe(1)
  })
})

describe('retries', () => {
  const served: Array<{ method: string; url: string; status: number }> = []
  const fixture = useEmulator({ log: (entry) => served.push(entry) })
  const servedFor = (path: string) => served.filter((entry) => entry.url.startsWith(`/bigdata/${path}`))

  it('retries a safe operation after 503s and after dropped connections', async () => {
    const client = fixture.newClient({ retry: fastRetry })
    const path = uniquePath('retry/o')
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
      count: 3,
      pathPrefix: `/bigdata/${path}`,
    })
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('v')
    expect(dropped.hits).toBe(3)
    // The successful attempts reached the handler exactly once each.
    expect(servedFor(path).map((entry) => `${entry.method} ${entry.status}`)).toEqual([
      'PUT 200',
      'GET 200',
      'GET 200',
    ])
  })

  it('retries 502, 504 and 429 too, but gives up after the configured attempts', async () => {
    const attempts: number[] = []
    const client = fixture.newClient({
      retry: { ...fastRetry, attempts: 3 },
      hooks: { beforeRequest: (request) => attempts.push(request.attempt) },
    })
    const path = uniquePath('retry/statuses')
    await client.putObject({ container: 'bigdata', path, body: 'v' })
    for (const status of [502, 504, 429]) {
      fixture.emulator.injectFaults({ status, count: 1, methods: ['HEAD'], pathPrefix: `/bigdata/${path}` })
      expect((await client.headObject({ container: 'bigdata', path })).statusCode).toBe(200)
    }
    attempts.length = 0
    const always = fixture.emulator.injectFaults({ status: 503, count: 10, pathPrefix: `/bigdata/${path}` })
    const error = await rejection(client.getObject({ container: 'bigdata', path }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as HttpResponseError).statusCode).toBe(503)
    expect(always.hits).toBe(3)
    expect(attempts).toEqual([1, 2, 3])
    always.clear()
  })

  it('never retries other statuses', async () => {
    const client = fixture.newClient({ retry: fastRetry })
    const path = uniquePath('retry/500')
    const fault = fixture.emulator.injectFaults({ status: 500, count: 5, pathPrefix: `/bigdata/${path}` })
    const error = await rejection(client.getObject({ container: 'bigdata', path }))
    expect((error as HttpResponseError).statusCode).toBe(500)
    expect(fault.hits).toBe(1)
    fault.clear()
  })

  it('honours Retry-After (seconds) and hands back answers that ask for too long', async () => {
    const client = fixture.newClient({ retry: { ...fastRetry, maxRetryAfter: 5000 } })
    const path = uniquePath('retry/after')
    await client.putObject({ container: 'bigdata', path, body: 'v' })
    fixture.emulator.injectFaults({ status: 429, retryAfter: 1, pathPrefix: `/bigdata/${path}` })
    const started = performance.now()
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('v')
    expect(performance.now() - started).toBeGreaterThanOrEqual(990)
    const tooLong = fixture.emulator.injectFaults({
      status: 503,
      retryAfter: 60,
      pathPrefix: `/bigdata/${path}`,
    })
    const quick = performance.now()
    const error = await rejection(client.getObject({ container: 'bigdata', path }))
    expect((error as HttpResponseError).statusCode).toBe(503)
    expect((error as HttpResponseError).response.headers.get('retry-after')).toBe('60')
    expect(tooLong.hits).toBe(1)
    expect(performance.now() - quick).toBeLessThan(500)
  })

  it('bounds all the retries with the call timeout', async () => {
    const client = fixture.newClient({ retry: { attempts: 50, initialDelay: 1, maxDelay: 1 } })
    const path = uniquePath('retry/timeout')
    const fault = fixture.emulator.injectFaults({
      status: 503,
      delay: 100,
      count: 50,
      pathPrefix: `/bigdata/${path}`,
    })
    const started = performance.now()
    const error = await rejection(client.getObject({ container: 'bigdata', path, timeout: 350 }))
    const elapsed = performance.now() - started
    // The deadline usually fires during an attempt (a timeout); when an attempt ends so close to it that
    // the next one could not start in time, the last 503 is handed back instead (docs/decisions.md,
    // "Batching and transport"): on a loaded machine either can happen, never a 51st attempt.
    if (error instanceof RequestTimeoutError) expect(error.timeout).toBe(350)
    else {
      expect(error).toMatchObject({ name: 'HttpResponseError', statusCode: 503 })
      expect(elapsed).toBeGreaterThan(250)
    }
    expect(elapsed).toBeLessThan(700)
    expect(fault.hits).toBeGreaterThanOrEqual(3)
    expect(fault.hits).toBeLessThanOrEqual(4)
    fault.clear()
  })

  it('never retries an unsafe operation after a status or a dropped connection', async () => {
    const client = fixture.newClient({ retry: fastRetry })
    const path = uniquePath('unsafe/log')
    await client.putObject({ container: 'bigdata', path, body: 'a' })
    const unavailable = fixture.emulator.injectFaults({
      status: 503,
      count: 5,
      pathPrefix: `/bigdata/${path}`,
    })
    const refused = await rejection(client.putObject({ container: 'bigdata', path, body: 'b', append: true }))
    expect((refused as HttpResponseError).statusCode).toBe(503)
    expect(unavailable.hits).toBe(1)
    unavailable.clear()
    const dropped = fixture.emulator.injectFaults({
      dropConnection: true,
      count: 5,
      pathPrefix: `/bigdata/${path}`,
    })
    const reset = await rejection(client.putObject({ container: 'bigdata', path, body: 'c', append: true }))
    expect(reset).toBeInstanceOf(NetworkError)
    expect(dropped.hits).toBe(1)
    dropped.clear()
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('a')
  })

  it('retries an unsafe operation when the caller opts in with retryUnsafe', async () => {
    const client = fixture.newClient({ retry: fastRetry })
    const path = uniquePath('unsafe/opt-in')
    await client.putObject({ container: 'bigdata', path, body: 'a' })
    const dropped = fixture.emulator.injectFaults({
      dropConnection: true,
      count: 2,
      pathPrefix: `/bigdata/${path}`,
    })
    await client.putObject({ container: 'bigdata', path, body: 'b', append: true, retryUnsafe: true })
    expect(dropped.hits).toBe(2)
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('ab')
  })

  it('retries even an unsafe operation when the connection was refused (it never reached a server)', async () => {
    const closed = await startEmulator({ port: 0 })
    await closed.close()
    const attempts: ObservedRequest[] = []
    const client = new Client({
      endpoint: closed.url,
      accessKey: testAccessKey,
      retry: fastRetry,
      hooks: { beforeRequest: (request) => attempts.push(request) },
    })
    const error = await rejection(
      client.putObject({ container: 'bigdata', path: 'log', body: 'x', append: true }),
    )
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).message).toMatch(/ECONNREFUSED/)
    expect(attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3, 4])
  })

  it('shows every attempt to the hooks, without the credential', async () => {
    const before: ObservedRequest[] = []
    const after: ObservedResponse[] = []
    const client = fixture.newClient({
      retry: fastRetry,
      hooks: {
        beforeRequest: (request) => before.push(request),
        afterResponse: (response) => {
          after.push(response)
          throw new Error('a broken hook must not break the call')
        },
      },
    })
    const path = uniquePath('hooks/o')
    await client.putObject({ container: 'bigdata', path, body: 'v' })
    fixture.emulator.injectFaults({ status: 503, count: 1, pathPrefix: `/bigdata/${path}`, methods: ['GET'] })
    fixture.emulator.injectFaults({
      dropConnection: true,
      count: 1,
      pathPrefix: `/bigdata/${path}`,
      methods: ['GET'],
    })
    await client.getObject({ container: 'bigdata', path })
    expect(before.map((request) => `${request.method} ${request.attempt}`)).toEqual([
      'PUT 1',
      'GET 1',
      'GET 2',
      'GET 3',
    ])
    expect(after.map((response) => [response.status, response.willRetry])).toEqual([
      [200, false],
      [503, true],
      [undefined, true],
      [200, false],
    ])
    expect(after[2]?.error).toBeInstanceOf(Error)
    expect(text(after[3]?.body ?? new Uint8Array())).toBe('v')
    expect(before[1]?.headers['X-v3io-session-key']).toBe('SANITIZED')
    expect(before[1]?.url).toBe(`${fixture.emulator.url}/bigdata/${path}`)
    expect(JSON.stringify([before, after])).not.toContain(testAccessKey)
  })
})

describe('connections', () => {
  it('reuses one keep-alive connection for sequential calls', async () => {
    const emulator = await startEmulator({ port: 0 })
    try {
      const client = new Client({ endpoint: emulator.url, accessKey: testAccessKey })
      const path = uniquePath('keepalive/o')
      await client.putObject({ container: 'bigdata', path, body: 'x' })
      for (let index = 0; index < 30; index++) {
        expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('x')
        await client.putObject({ container: 'bigdata', path, body: 'x' })
        await client.getContainers()
      }
      expect(emulator.connections).toEqual({ opened: 1, open: 1 })
    } finally {
      await emulator.close()
    }
  })

  // The default (node:http) transport sends every request on its one connection; the fetch ones open a
  // second, for their HEAD requests, which go through node:http in Node.
  it.each([
    ['the default transport', undefined, 0],
    ['fetchTransport', nodeEntry.fetchTransport(), 1],
    ['kyTransport', nodeEntry.kyTransport(), 1],
  ])(
    'keeps HEAD requests on one connection with %s (Node fetch alone closes it after each)',
    async (_, transport, headConnections) => {
      const emulator = await startEmulator({ port: 0 })
      try {
        const client = new nodeEntry.Client({ endpoint: emulator.url, accessKey: testAccessKey, transport })
        const path = uniquePath('keepalive/head')
        await client.putObject({ container: 'bigdata', path, body: 'four' })
        const before = emulator.connections.opened
        for (let index = 0; index < 40; index++) {
          const head = await client.headObject({ container: 'bigdata', path })
          expect(head.output.size).toBe(4)
          expect((await client.headContainer({ container: 'bigdata' })).statusCode).toBe(200)
        }
        expect(emulator.connections.opened - before).toBe(headConnections)
      } finally {
        await emulator.close()
      }
    },
  )

  it('leaks no connection over 500 failing calls, and stays within maxConnections', async () => {
    const emulator = await startEmulator({ port: 0 })
    try {
      const client = new Client({ endpoint: emulator.url, accessKey: testAccessKey, maxConnections: 8 })
      const batch = client.createBatch()
      for (let index = 0; index < 500; index++)
        batch.getObject({ container: 'bigdata', path: uniquePath('leak/missing') })
      const error = (await rejection(batch.wait())) as BatchError
      expect(error.failures).toHaveLength(500)
      expect(error.responses.every((response) => response?.statusCode === 404)).toBe(true)
      expect(emulator.connections.opened).toBeLessThanOrEqual(8)
      for (let index = 0; index < 100; index++) {
        const missing = await client.getObject({
          container: 'bigdata',
          path: 'missing',
          raiseForStatus: 'never',
        })
        expect(missing.statusCode).toBe(404)
      }
      const path = uniquePath('leak/after')
      await client.putObject({ container: 'bigdata', path, body: 'still works' })
      expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('still works')
      expect(emulator.connections.opened).toBeLessThanOrEqual(8)
      expect(emulator.connections.open).toBeLessThanOrEqual(8)
    } finally {
      await emulator.close()
    }
  })
})
