import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it } from 'vitest'
import {
  Client,
  fetchTransport,
  kyTransport,
  RequestTimeoutError,
  ResponseTooLargeError,
  type Transport,
} from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { type MisbehavingServer, startMisbehavingServer } from '../support/misbehaving-server.js'
import { rejection } from '../support/rejection.js'

// A collection mid-call is what makes ky's cloned request lose its abort signal (an undici bug): the
// test forces them with V8's own `gc`, exposed for this file only.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const transports: Array<[string, () => Transport]> = [
  ['kyTransport', () => kyTransport()],
  ['fetchTransport', () => fetchTransport()],
  ['nodeHttpTransport', () => nodeHttpTransport()],
]

let server: MisbehavingServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe.each(transports)('deadlines the client enforces itself, on %s', (_, newTransport) => {
  it('times out a call whose server sent headers then went silent, with garbage collections mid-call, and frees the slot', async () => {
    server = await startMisbehavingServer((index) => (index === 0 ? 'headers-then-silence' : 'ok'))
    const client = new Client({
      endpoint: server.url,
      accessKey: 'k',
      maxConnections: 1,
      timeout: 400,
      transport: newTransport(),
    })
    const collections = setInterval(gc, 50)
    const started = performance.now()
    try {
      const error = await rejection(client.getObject({ container: 'c', path: '/o' }))
      const elapsed = performance.now() - started
      expect(error).toBeInstanceOf(RequestTimeoutError)
      expect(error).toMatchObject({ operation: 'GetObject', timeout: 400 })
      expect(elapsed).toBeGreaterThanOrEqual(390)
      expect(elapsed).toBeLessThan(3000)
    } finally {
      clearInterval(collections)
    }
    // The only slot is free again: the next call runs (on a new connection) and succeeds.
    const response = await client.getObject({ container: 'c', path: '/o', timeout: 5000 })
    expect(new TextDecoder().decode(response.body)).toBe('ok')
    expect(server.requests).toBe(2)
  })

  it('stops reading an endless body at maxResponseBytes instead of buffering it, without retrying', async () => {
    server = await startMisbehavingServer(() => 'endless-body')
    const client = new Client({
      endpoint: server.url,
      accessKey: 'k',
      timeout: 20_000,
      maxResponseBytes: 1 << 20,
      transport: newTransport(),
    })
    const error = await rejection(client.getItem({ container: 'c', path: '/t/k' }))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error).toMatchObject({ operation: 'GetItem', limit: 1 << 20 })
    expect(server.requests).toBe(1)
  })
})

describe('a batch deadline covering queueing', () => {
  it('ends every call of a batch against a hung server at wait({ timeout }), queued ones included', async () => {
    server = await startMisbehavingServer(() => 'headers-then-silence')
    const client = new Client({
      endpoint: server.url,
      accessKey: 'k',
      maxConnections: 4,
      transport: nodeHttpTransport(),
    })
    const batch = client.createBatch()
    for (let index = 0; index < 60; index++) batch.getObject({ container: 'c', path: `/o${index}` })
    const started = performance.now()
    const error = (await rejection(batch.wait({ timeout: 300 }))) as { errors: unknown[] }
    expect(performance.now() - started).toBeLessThan(3000)
    expect(error.errors).toHaveLength(60)
    for (const failure of error.errors)
      expect(failure).toMatchObject({ name: 'RequestTimeoutError', timeout: 300 })
    // Only the calls that got one of the 4 slots reached the server.
    expect(server.requests).toBe(4)
  })
})

describe('an answer that comes before the whole body was sent', () => {
  it('gets its 413 in one attempt per call on nodeHttpTransport, though the server resets the upload', async () => {
    server = await startMisbehavingServer(() => 'early-413')
    let attempts = 0
    const client = new Client({
      endpoint: server.url,
      accessKey: 'k',
      transport: nodeHttpTransport(),
      hooks: { beforeRequest: () => attempts++ },
    })
    const body = new Uint8Array(8 << 20)
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, index) =>
        client.putObject({ container: 'c', path: `/big${index}`, body }),
      ),
    )
    expect(attempts).toBe(20)
    for (const outcome of outcomes) {
      expect(outcome.status).toBe('rejected')
      expect((outcome as PromiseRejectedResult).reason).toMatchObject({
        name: 'HttpResponseError',
        statusCode: 413,
        errorCode: -27,
        errorMessage: 'File too large',
      })
    }
  })
})
