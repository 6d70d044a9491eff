import { describe, expect, it } from 'vitest'
import { clientHeaderValue } from '../../src/core/version.js'
import {
  Client,
  type ClientOptions,
  HttpResponseError,
  NetworkError,
  type ObservedRequest,
  type ObservedResponse,
  RequestAbortedError,
  RequestTimeoutError,
  type Transport,
  ValidationError,
} from '../../src/index.js'
import { rejection } from '../support/rejection.js'
import { answer, networkFailure, type Reply, scriptedTransport } from './fake-transport.js'

const accessKey = '3f4e2a10-0000-4000-8000-00000000abcd'
const fast = { initialDelay: 1, maxDelay: 2 }

function setup(script: (index: number) => Reply | Promise<Reply>, options: ClientOptions = {}) {
  const fake = scriptedTransport((_, index) => script(index))
  const client = new Client({
    endpoint: 'http://emulator.test:8081',
    accessKey,
    transport: fake.transport,
    retry: fast,
    ...options,
  })
  return { client, fake }
}

describe('sending', () => {
  it('adds the credential at send time and keeps the endpoint path prefix', async () => {
    const fake = scriptedTransport(() => answer(200, 'hello'))
    const client = new Client({
      endpoint: 'https://proxy.example.com/v3io/',
      accessKey,
      transport: fake.transport,
    })
    const response = await client.getObject({ container: 'bigdata', path: '/dir/o' })
    expect(response.text()).toBe('hello')
    expect(fake.requests[0]).toMatchObject({
      url: 'https://proxy.example.com/v3io/bigdata/dir/o',
      method: 'GET',
      headers: { 'X-v3io-session-key': accessKey },
    })
  })

  it('sends a per-call access key instead of the client one, and checks it first', async () => {
    const { client, fake } = setup(() => answer(200))
    await client.headContainer({ container: 'users', accessKey: 'other-key' })
    expect(fake.requests[0]?.headers['X-v3io-session-key']).toBe('other-key')
    const error = await rejection(
      client.headContainer({ container: 'users', accessKey: 'bad\r\nX-Injected: 1' }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).parameter).toBe('accessKey')
    expect(fake.requests).toHaveLength(1)
  })

  it('sends Basic credentials in Authorization', async () => {
    const fake = scriptedTransport(() => answer(200))
    const client = new Client({
      endpoint: 'h:1',
      username: 'ünï',
      password: 'pa:ss',
      transport: fake.transport,
    })
    await client.headContainer({ container: 'users' })
    const expected = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode('ünï:pa:ss')))}`
    expect(fake.requests[0]?.headers).toEqual({ Authorization: expected, 'X-v3io-client': clientHeaderValue })
  })

  it('sends no credential when authentication is switched off', async () => {
    const fake = scriptedTransport(() => answer(200))
    const client = new Client({ endpoint: 'h:1', authenticate: false, transport: fake.transport })
    await client.headContainer({ container: 'users' })
    expect(fake.requests[0]?.headers).toEqual({ 'X-v3io-client': clientHeaderValue })
  })
})

describe('retries', () => {
  it('retries a safe operation after network failures and retryable statuses, then succeeds', async () => {
    const replies: Reply[] = [networkFailure('ECONNRESET'), answer(503), answer(200, 'done')]
    const { client, fake } = setup((index) => replies[index] as Reply)
    expect((await client.getObject({ container: 'c1', path: 'o' })).text()).toBe('done')
    expect(fake.requests).toHaveLength(3)
  })

  it('stops after the configured attempts and raises on the last answer', async () => {
    const { client, fake } = setup(() => answer(503, '{"ErrorCode":-1,"ErrorMessage":"busy"}'))
    const error = await rejection(client.getObject({ container: 'c1', path: 'o' }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as HttpResponseError).errorMessage).toBe('busy')
    expect(fake.requests).toHaveLength(4)
    const once = setup(() => answer(503), { retry: false })
    await rejection(once.client.getObject({ container: 'c1', path: 'o' }))
    expect(once.fake.requests).toHaveLength(1)
  })

  it('wraps the last network failure in a NetworkError with its cause', async () => {
    const { client, fake } = setup(() => networkFailure('ECONNRESET'), { retry: { ...fast, attempts: 2 } })
    const error = await rejection(client.getObject({ container: 'c1', path: 'o' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).message).toBe(
      'GetObject GET http://emulator.test:8081/c1/o failed: connect ECONNRESET',
    )
    expect(((error as NetworkError).cause as Error).message).toBe('fetch failed')
    expect(fake.requests).toHaveLength(2)
  })

  it('never retries an unsafe operation after a status or a reset', async () => {
    const unavailable = setup(() => answer(503))
    await rejection(unavailable.client.putObject({ container: 'c1', path: 'o', body: 'x', append: true }))
    expect(unavailable.fake.requests).toHaveLength(1)
    const reset = setup(() => networkFailure('ECONNRESET'))
    expect(
      await rejection(reset.client.putObject({ container: 'c1', path: 'o', append: true })),
    ).toBeInstanceOf(NetworkError)
    expect(reset.fake.requests).toHaveLength(1)
  })

  it('retries an unsafe operation when the connection was refused or the name did not resolve', async () => {
    const replies: Reply[] = [networkFailure('ECONNREFUSED'), networkFailure('ENOTFOUND'), answer(200)]
    const { client, fake } = setup((index) => replies[index] as Reply)
    await client.putObject({ container: 'c1', path: 'o', body: 'x', append: true })
    expect(fake.requests).toHaveLength(3)
  })

  it('retries an unsafe operation when the caller opts in', async () => {
    const replies: Reply[] = [answer(502), networkFailure('ECONNRESET'), answer(200)]
    const { client, fake } = setup((index) => replies[index] as Reply)
    await client.putObject({ container: 'c1', path: 'o', body: 'x', append: true, retryUnsafe: true })
    expect(fake.requests).toHaveLength(3)
    expect(fake.requests.map((request) => request.headers.Range)).toEqual(['-1', '-1', '-1'])
  })

  it('never retries statuses outside 429, 502, 503, 504', async () => {
    for (const status of [400, 404, 409, 500]) {
      const { client, fake } = setup(() => answer(status))
      await rejection(client.getObject({ container: 'c1', path: 'o' }))
      expect(fake.requests).toHaveLength(1)
    }
  })

  it('hands back a Retry-After longer than maxRetryAfter at once', async () => {
    const { client, fake } = setup(() => answer(429, '', { 'Retry-After': '120' }))
    const started = performance.now()
    const error = await rejection(client.getObject({ container: 'c1', path: 'o' }))
    expect((error as HttpResponseError).statusCode).toBe(429)
    expect(fake.requests).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(500)
  })

  it('does not start a retry that cannot begin before the timeout expires', async () => {
    const { client, fake } = setup(() => answer(503, '', { 'Retry-After': '1' }))
    const started = performance.now()
    const error = await rejection(client.getObject({ container: 'c1', path: 'o', timeout: 300 }))
    expect((error as HttpResponseError).statusCode).toBe(503)
    expect(fake.requests).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(250)
  })

  it('honours Retry-After: 0 with an immediate retry', async () => {
    const replies: Reply[] = [answer(503, '', { 'Retry-After': '0' }), answer(200)]
    const { client, fake } = setup((index) => replies[index] as Reply, { retry: { initialDelay: 5000 } })
    const started = performance.now()
    await client.getObject({ container: 'c1', path: 'o' })
    expect(fake.requests).toHaveLength(2)
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('re-sends the same body on every attempt', async () => {
    const replies: Reply[] = [answer(503), answer(503), answer(200)]
    const { client, fake } = setup((index) => replies[index] as Reply)
    await client.putObject({ container: 'c1', path: 'o', body: 'payload' })
    const bodies = fake.requests.map((request) => new TextDecoder().decode(request.body as Uint8Array))
    expect(bodies).toEqual(['payload', 'payload', 'payload'])
  })
})

describe('timeouts and aborts', () => {
  it('raises RequestTimeoutError with the timeout that expired (client default, then per call)', async () => {
    const { client } = setup(() => 'hang', { timeout: 30 })
    const error = await rejection(client.getObject({ container: 'c1', path: 'o' }))
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(error).toMatchObject({
      operation: 'GetObject',
      timeout: 30,
      message: 'GetObject GET http://emulator.test:8081/c1/o timed out after 30 ms',
    })
    expect(await rejection(client.getObject({ container: 'c1', path: 'o', timeout: 10 }))).toMatchObject({
      timeout: 10,
    })
  })

  it('times out retries as a whole', async () => {
    const { client, fake } = setup(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 40))
        return answer(503)
      },
      { retry: { attempts: 100, initialDelay: 1, maxDelay: 1 } },
    )
    const error = await rejection(client.getObject({ container: 'c1', path: 'o', timeout: 150 }))
    expect(error).toBeInstanceOf(RequestTimeoutError)
    expect(fake.requests.length).toBeGreaterThanOrEqual(2)
    expect(fake.requests.length).toBeLessThanOrEqual(5)
  })

  it('abandons one stuck attempt with retry.attemptTimeout and retries a safe operation', async () => {
    const replies: Reply[] = ['hang', answer(200, 'second')]
    const { client, fake } = setup((index) => replies[index] as Reply, {
      retry: { ...fast, attemptTimeout: 20 },
    })
    expect((await client.getObject({ container: 'c1', path: 'o' })).text()).toBe('second')
    expect(fake.requests[0]?.signal.aborted).toBe(true)
    const unsafe = setup(() => 'hang', { retry: { ...fast, attemptTimeout: 20 } })
    expect(
      await rejection(unsafe.client.putObject({ container: 'c1', path: 'o', append: true })),
    ).toMatchObject({
      name: 'RequestTimeoutError',
      timeout: 20,
    })
    expect(unsafe.fake.requests).toHaveLength(1)
  })

  it("aborts with the caller's reason, in flight or already aborted", async () => {
    const { client, fake } = setup(() => 'hang')
    const controller = new AbortController()
    const pending = client.getObject({ container: 'c1', path: 'o', signal: controller.signal })
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort('user left')
    const error = await rejection(pending)
    expect(error).toBeInstanceOf(RequestAbortedError)
    expect(error).toMatchObject({ operation: 'GetObject', reason: 'user left' })
    expect(fake.requests[0]?.signal.aborted).toBe(true)
    expect(
      await rejection(client.getObject({ container: 'c1', path: 'o', signal: AbortSignal.abort() })),
    ).toBeInstanceOf(RequestAbortedError)
    expect(fake.requests).toHaveLength(1)
  })

  it('ends a call at its deadline even when the transport ignores the signal, and frees the slot', async () => {
    let sent = 0
    const deaf: Transport = (request) => {
      sent++
      return request.url.endsWith('/deaf') ? new Promise(() => undefined) : Promise.resolve(answer(200, 'ok'))
    }
    const client = new Client({ endpoint: 'h:1', accessKey, maxConnections: 1, timeout: 40, transport: deaf })
    const started = performance.now()
    expect(await rejection(client.getObject({ container: 'c1', path: 'deaf' }))).toMatchObject({
      name: 'RequestTimeoutError',
      timeout: 40,
    })
    expect(performance.now() - started).toBeLessThan(1000)
    expect((await client.getObject({ container: 'c1', path: 'fine' })).text()).toBe('ok')
    expect(sent).toBe(2)
  })

  it('takes a queued call out of the queue when its signal aborts, without sending it', async () => {
    const { client, fake } = setup(() => 'hang', { maxConnections: 1, timeout: 0 })
    const first = client.getObject({ container: 'c1', path: 'a' })
    const controller = new AbortController()
    const queued = client.getObject({ container: 'c1', path: 'b', signal: controller.signal })
    controller.abort('changed my mind')
    expect(await rejection(queued)).toMatchObject({ name: 'RequestAbortedError', reason: 'changed my mind' })
    expect(fake.requests.map((request) => request.url)).toEqual(['http://emulator.test:8081/c1/a'])
    first.catch(() => undefined)
  })

  it('checks the response limits at construction', () => {
    for (const maxResponseBytes of [-1, 1.5, Number.NaN])
      expect(() => new Client({ endpoint: 'h:1', accessKey, maxResponseBytes })).toThrow(ValidationError)
    expect(
      () => new Client({ endpoint: 'h:1', accessKey, maxObjectBytes: Number.POSITIVE_INFINITY }),
    ).not.toThrow()
  })

  it('lets timeout 0 mean no timeout', async () => {
    const { client } = setup(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 30))
        return answer(200)
      },
      { timeout: 1 },
    )
    expect((await client.getObject({ container: 'c1', path: 'o', timeout: 0 })).statusCode).toBe(200)
  })

  it('rejects invalid timeouts before sending', async () => {
    const { client, fake } = setup(() => answer(200))
    const error = await rejection(client.getObject({ container: 'c1', path: 'o', timeout: -1 }))
    expect((error as ValidationError).parameter).toBe('timeout')
    expect(() => new Client({ endpoint: 'h:1', accessKey, timeout: Number.NaN })).toThrow(ValidationError)
    expect(fake.requests).toHaveLength(0)
  })
})

describe('hooks', () => {
  it('observe every attempt with the credential sanitized, and cannot break the call', async () => {
    const before: ObservedRequest[] = []
    const after: ObservedResponse[] = []
    const replies: Reply[] = [networkFailure('ECONNRESET'), answer(200, 'ok', { 'X-Test': '1' })]
    const { client } = setup((index) => replies[index] as Reply, {
      hooks: {
        beforeRequest: (request) => {
          before.push(request)
          throw new Error('broken observer')
        },
        afterResponse: (response) => after.push(response),
      },
    })
    await client.getObject({ container: 'c1', path: 'o' })
    expect(before).toEqual([
      {
        operation: 'GetObject',
        method: 'GET',
        url: 'http://emulator.test:8081/c1/o',
        headers: { 'X-v3io-session-key': 'SANITIZED', 'X-v3io-client': clientHeaderValue },
        attempt: 1,
      },
      expect.objectContaining({ attempt: 2 }),
    ])
    expect(
      after.map((response) => [response.status, response.willRetry, response.error !== undefined]),
    ).toEqual([
      [undefined, true, true],
      [200, false, false],
    ])
    expect(after[1]?.headers?.get('x-test')).toBe('1')
    expect(after[1]?.milliseconds).toBeGreaterThanOrEqual(0)
    expect(JSON.stringify(before)).not.toContain(accessKey)
  })

  it('sanitize Basic credentials too', async () => {
    const seen: ObservedRequest[] = []
    const fake = scriptedTransport(() => answer(200))
    const client = new Client({
      endpoint: 'h:1',
      username: 'user',
      password: 'secret-password',
      transport: fake.transport,
      hooks: { beforeRequest: (request) => seen.push(request) },
    })
    await client.headContainer({ container: 'users' })
    expect(seen[0]?.headers).toEqual({ Authorization: 'SANITIZED', 'X-v3io-client': clientHeaderValue })
    expect(fake.requests[0]?.headers.Authorization).toMatch(/^Basic /)
  })
})
