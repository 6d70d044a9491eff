import { describe, expect, it } from 'vitest'
import { clientHeaderValue } from '../../src/core/version.js'
import { Client, type ClientOptions, NetworkError } from '../../src/index.js'
import { rejection } from '../support/rejection.js'
import { answer, networkFailure, type Reply, scriptedTransport } from './fake-transport.js'

// What the client adds to, and lets hooks change in, each request; and the one-attempt rule of stream
// bodies (docs/decisions-io.md).
const accessKey = '3f4e2a10-0000-4000-8000-00000000abcd'
const fast = { initialDelay: 1, maxDelay: 2 }

function setup(script: (index: number) => Reply, options: ClientOptions = {}) {
  const fake = scriptedTransport((_, index) => script(index))
  const client = new Client({
    endpoint: 'http://h:1',
    accessKey,
    transport: fake.transport,
    retry: fast,
    ...options,
  })
  return { client, fake }
}

describe('request headers', () => {
  it('identify the SDK on every request', async () => {
    const { client, fake } = setup(() => answer(200))
    await client.putObject({ container: 'c', path: 'p', body: 'x' })
    await client.deleteObject({ container: 'c', path: 'p' })
    expect(fake.requests.map((request) => request.headers['X-v3io-client'])).toEqual([
      clientHeaderValue,
      clientHeaderValue,
    ])
    expect(clientHeaderValue).toMatch(/^v3io-js\/\d+\.\d+\.\d+/)
  })

  it('carry what beforeRequest added, replaced or deleted, and the credential it left sanitized', async () => {
    const { client, fake } = setup(() => answer(200), {
      hooks: {
        beforeRequest: (request) => {
          request.headers['Proxy-Authorization'] = `Bearer for attempt ${request.attempt}`
          request.headers['X-v3io-client'] = 'my-app/2 v3io-js'
          delete request.headers['Content-Type']
        },
      },
    })
    await client.putItem({ container: 'c', path: 'p', attributes: { a: 1 } })
    expect(fake.requests[0]?.headers).toEqual({
      'X-v3io-function': 'PutItem',
      'X-v3io-session-key': accessKey,
      'X-v3io-client': 'my-app/2 v3io-js',
      'Proxy-Authorization': 'Bearer for attempt 1',
    })
  })

  it('are changed per attempt: a retry sees the headers afresh', async () => {
    const replies: Reply[] = [answer(503), answer(200)]
    const { client, fake } = setup((index) => replies[index] as Reply, {
      hooks: {
        beforeRequest: (request) => {
          request.headers['X-Attempt'] = String(request.attempt)
        },
      },
    })
    await client.getObject({ container: 'c', path: 'p' })
    expect(fake.requests.map((request) => request.headers['X-Attempt'])).toEqual(['1', '2'])
  })

  it('keep a credential a hook replaced, and drop one it deleted', async () => {
    const replaced = setup(() => answer(200), {
      hooks: {
        beforeRequest: (request) => {
          request.headers['X-v3io-session-key'] = 'other-key'
        },
      },
    })
    await replaced.client.headContainer({ container: 'c' })
    expect(replaced.fake.requests[0]?.headers['X-v3io-session-key']).toBe('other-key')
    const deleted = setup(() => answer(200), {
      hooks: { beforeRequest: (request) => void delete request.headers['X-v3io-session-key'] },
    })
    await deleted.client.headContainer({ container: 'c' })
    expect(deleted.fake.requests[0]?.headers).not.toHaveProperty('X-v3io-session-key')
  })
})

describe('a stream body', () => {
  const stream = () => new ReadableStream<Uint8Array>({ start: (c) => c.close() })

  it('is sent once, even after a failure that never reached the server', async () => {
    const { client, fake } = setup(() => networkFailure('ECONNREFUSED'))
    const error = await rejection(client.putObject({ container: 'c', path: 'p', body: stream() }))
    expect(error).toBeInstanceOf(NetworkError)
    expect(fake.requests).toHaveLength(1)
    // A byte body is retried after the same failure.
    await rejection(client.putObject({ container: 'c', path: 'p', body: 'x' }))
    expect(fake.requests).toHaveLength(5)
  })

  it('is sent once after a retryable status, even with retryUnsafe', async () => {
    const { client, fake } = setup(() => answer(503))
    const response = await client.putObject({
      container: 'c',
      path: 'p',
      body: stream(),
      retryUnsafe: true,
      raiseForStatus: 'never',
    })
    expect(response.statusCode).toBe(503)
    expect(fake.requests).toHaveLength(1)
    expect(fake.requests[0]?.transfer).toEqual({ streamResponse: undefined })
  })

  it('is refused when it is already being read', async () => {
    const locked = stream()
    locked.getReader()
    const { client } = setup(() => answer(200))
    await expect(client.putObject({ container: 'c', path: 'p', body: locked })).rejects.toMatchObject({
      name: 'ValidationError',
      parameter: 'body',
    })
  })
})

describe('ordinary calls', () => {
  it('carry no transfer, so that transports take their plain path', async () => {
    const { client, fake } = setup(() => answer(200))
    await client.putObject({ container: 'c', path: 'p', body: 'x' })
    await client.getObject({ container: 'c', path: 'p' })
    expect(fake.requests.map((request) => request.transfer)).toEqual([undefined, undefined])
  })
})
