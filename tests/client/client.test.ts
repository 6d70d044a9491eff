import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import {
  Client,
  ConfigurationError,
  CoreClient,
  dataplane,
  HttpResponseError,
  NetworkError,
  type Operation,
  objectOperations,
  RaiseForStatus,
  RequestTimeoutError,
  ValidationError,
} from '../../src/index.js'
import { rejection } from '../support/rejection.js'
import { answer, scriptedTransport } from './fake-transport.js'

const accessKey = 'e8bd4ca2-537b-4175-bf01-8c74963e90bf'
const password = 'p4ssw0rd-never-printed'

function thrown(action: () => unknown): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

afterEach(() => vi.unstubAllEnvs())

/** Unsets every variable the client reads, so that the machine running the tests does not leak in. */
function clearEnvironment(): void {
  for (const name of ['V3IO_API', 'V3IO_ACCESS_KEY', 'V3IO_USERNAME', 'V3IO_PASSWORD']) vi.stubEnv(name, '')
}

describe('endpoint resolution', () => {
  it('normalises the option: scheme added, trailing slashes removed, path prefix kept', () => {
    const endpoint = (value: string) => new Client({ endpoint: value, accessKey }).endpoint
    expect(endpoint('127.0.0.1:8081')).toBe('http://127.0.0.1:8081')
    expect(endpoint('http://h:8081///')).toBe('http://h:8081')
    expect(endpoint('HTTPS://webapi.tenant.example.com/')).toBe('https://webapi.tenant.example.com')
    expect(endpoint('https://proxy.example.com/v3io/')).toBe('https://proxy.example.com/v3io')
  })

  it('falls back to V3IO_API, and the option wins over it', () => {
    clearEnvironment()
    vi.stubEnv('V3IO_API', 'v3io-webapi:8081')
    expect(new Client({ accessKey }).endpoint).toBe('http://v3io-webapi:8081')
    expect(new Client({ endpoint: 'http://other:1', accessKey }).endpoint).toBe('http://other:1')
  })

  it('fails without an endpoint, naming the option and the variable (an empty variable counts as unset)', () => {
    clearEnvironment()
    const error = thrown(() => new Client({ accessKey }))
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toContain('`endpoint`')
    expect((error as Error).message).toContain('V3IO_API')
  })

  it('rejects a query string, a fragment or credentials in the endpoint', () => {
    expect(() => new Client({ endpoint: 'http://h:1/?a=1', accessKey })).toThrow(ConfigurationError)
    expect(() => new Client({ endpoint: 'http://h:1/#x', accessKey })).toThrow(ConfigurationError)
    const error = thrown(() => new Client({ endpoint: `http://user:${password}@h:1`, accessKey }))
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).not.toContain(password)
  })
})

describe('credential resolution', () => {
  async function sentHeaders(
    options: ConstructorParameters<typeof Client>[0],
    call: { accessKey?: string } = {},
  ) {
    const fake = scriptedTransport(() => answer(200))
    const client = new Client({ endpoint: 'h:1', ...options, transport: fake.transport })
    await client.headContainer({ container: 'users', ...call })
    // Every request also identifies the SDK (tested in tests/client/request-changes.test.ts).
    const { 'X-v3io-client': _client, ...headers } = fake.requests[0]?.headers ?? {}
    return headers
  }
  const basic = (user: string, secret: string) => `Basic ${btoa(`${user}:${secret}`)}`

  it('follows the contract order: call key, client key, client Basic, V3IO_ACCESS_KEY, V3IO_USERNAME/PASSWORD', async () => {
    clearEnvironment()
    vi.stubEnv('V3IO_ACCESS_KEY', 'env-key')
    vi.stubEnv('V3IO_USERNAME', 'env-user')
    vi.stubEnv('V3IO_PASSWORD', 'env-password')
    expect(await sentHeaders({ accessKey: 'client-key' }, { accessKey: 'call-key' })).toEqual({
      'X-v3io-session-key': 'call-key',
    })
    expect(await sentHeaders({ accessKey: 'client-key', username: 'u', password: 'p' })).toEqual({
      'X-v3io-session-key': 'client-key',
    })
    expect(await sentHeaders({ username: 'u', password: 'p' })).toEqual({ Authorization: basic('u', 'p') })
    expect(await sentHeaders({})).toEqual({ 'X-v3io-session-key': 'env-key' })
    vi.stubEnv('V3IO_ACCESS_KEY', '')
    expect(await sentHeaders({})).toEqual({ Authorization: basic('env-user', 'env-password') })
  })

  it('fails without credentials unless authentication is switched off', async () => {
    clearEnvironment()
    const error = thrown(() => new Client({ endpoint: 'h:1' }))
    expect(error).toBeInstanceOf(ConfigurationError)
    expect((error as Error).message).toMatch(/accessKey.*V3IO_ACCESS_KEY.*authenticate: false/s)
    expect(await sentHeaders({ authenticate: false })).toEqual({})
  })

  it('rejects keys that could inject headers and user names with ":", without echoing them', () => {
    const bad = 'abc\r\nX-Evil: 1'
    const error = thrown(() => new Client({ endpoint: 'h:1', accessKey: bad }))
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).parameter).toBe('accessKey')
    expect((error as Error).message).not.toContain('abc')
    expect(() => new Client({ endpoint: 'h:1', accessKey: '' })).toThrow(ValidationError)
    expect(
      (thrown(() => new Client({ endpoint: 'h:1', username: 'a:b', password })) as ValidationError).parameter,
    ).toBe('username')
    clearEnvironment()
    vi.stubEnv('V3IO_ACCESS_KEY', 'key with é')
    expect((thrown(() => new Client({ endpoint: 'h:1' })) as ValidationError).parameter).toBe(
      'V3IO_ACCESS_KEY',
    )
  })
})

describe('client options', () => {
  it('validates maxConnections', () => {
    for (const value of [0, -1, 1.5, Number.NaN]) {
      const error = thrown(() => new Client({ endpoint: 'h:1', accessKey, maxConnections: value }))
      expect((error as ValidationError).parameter).toBe('maxConnections')
    }
    expect(new Client({ endpoint: 'h:1', accessKey }).maxConnections).toBe(8)
  })

  it('keeps one built-in batch and creates independent ones on demand', () => {
    const client = new Client({ endpoint: 'h:1', accessKey })
    expect(client.batch).toBe(client.batch)
    expect(client.createBatch()).not.toBe(client.createBatch())
    expect(client.createBatch()).not.toBe(client.batch)
  })

  it('is also reachable as dataplane.Client', () => {
    expect(new dataplane.Client({ endpoint: 'h:1', accessKey })).toBeInstanceOf(Client)
    expect(dataplane.RaiseForStatus).toBe(RaiseForStatus)
  })
})

describe('raise-for-status', () => {
  const notFound = '{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}'
  function clientAnswering(status: number, options: ConstructorParameters<typeof Client>[0] = {}) {
    const fake = scriptedTransport(() => answer(status, status === 404 ? notFound : ''))
    return {
      fake,
      client: new Client({ endpoint: 'http://h:1', accessKey, transport: fake.transport, ...options }),
    }
  }

  it('raises on any status ≥ 300 by default, with the request and response in the error', async () => {
    const { client } = clientAnswering(404)
    const error = await rejection(client.getObject({ container: 'bigdata', path: 'dir/missing' }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(error).toMatchObject({
      statusCode: 404,
      errorCode: -2,
      errorMessage: 'No such file or directory',
      operation: 'GetObject',
      method: 'GET',
      url: 'http://h:1/bigdata/dir/missing',
      message:
        'GetObject GET http://h:1/bigdata/dir/missing failed with status 404: No such file or directory (error code -2)',
    })
    expect((error as HttpResponseError).response.statusCode).toBe(404)
    expect(await rejection(clientAnswering(304).client.headContainer({ container: 'c1' }))).toBeInstanceOf(
      HttpResponseError,
    )
  })

  it("never raises with 'never', and raises outside an acceptable list", async () => {
    const { client } = clientAnswering(404)
    const response = await client.getObject({
      container: 'c1',
      path: 'o',
      raiseForStatus: RaiseForStatus.never,
    })
    expect(response.statusCode).toBe(404)
    expect(response.error?.errorCode).toBe(-2)
    expect(
      (await client.getObject({ container: 'c1', path: 'o', raiseForStatus: [200, 404] })).statusCode,
    ).toBe(404)
    const ok = clientAnswering(200).client
    expect(await rejection(ok.headContainer({ container: 'c1', raiseForStatus: [404] }))).toBeInstanceOf(
      HttpResponseError,
    )
    expect((await ok.headContainer({ container: 'c1', raiseForStatus: 'always' })).statusCode).toBe(200)
  })

  it('lets a call override the client default', async () => {
    const { client } = clientAnswering(404, { raiseForStatus: 'never' })
    expect((await client.getObject({ container: 'c1', path: 'o' })).statusCode).toBe(404)
    expect(
      await rejection(client.getObject({ container: 'c1', path: 'o', raiseForStatus: 'always' })),
    ).toBeInstanceOf(HttpResponseError)
  })

  it('rejects an empty list or an unknown policy before sending anything', async () => {
    const { client, fake } = clientAnswering(200)
    const empty = await rejection(client.headContainer({ container: 'c1', raiseForStatus: [] }))
    expect(empty).toBeInstanceOf(ValidationError)
    expect((empty as ValidationError).parameter).toBe('raiseForStatus')
    const unknown = await rejection(
      client.headContainer({ container: 'c1', raiseForStatus: 'sometimes' as 'never' }),
    )
    expect(unknown).toBeInstanceOf(ValidationError)
    expect(fake.requests).toHaveLength(0)
    expect(() => new Client({ endpoint: 'h:1', accessKey, raiseForStatus: [] })).toThrow(ValidationError)
  })
})

describe('secrets', () => {
  const printed = (value: unknown) =>
    `${JSON.stringify(value) ?? ''}\n${inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true, getters: true })}\n${String(value)}`

  it('never shows the access key or the password when a client is printed or serialised', () => {
    const withKey = new Client({ endpoint: 'h:1', accessKey })
    const withBasic = new Client({ endpoint: 'h:1', username: 'user', password })
    for (const client of [withKey, withBasic, withKey.batch, withKey.createBatch()]) {
      const text = printed(client)
      expect(text).not.toContain(accessKey)
      expect(text).not.toContain(password)
      expect(text).not.toContain(btoa(`user:${password}`))
    }
    expect(printed(withKey)).toContain('http://h:1')
  })

  it('keeps credentials out of descriptors', () => {
    const client = new Client({ endpoint: 'h:1', accessKey })
    const descriptor = client.describe(objectOperations.putObject, { container: 'c1', path: 'o', body: 'x' })
    expect(printed(descriptor)).not.toContain(accessKey)
    expect(Object.keys(descriptor.headers)).toEqual([])
  })

  it('keeps credentials out of every error', async () => {
    const fake = scriptedTransport((_, index) => (index === 0 ? answer(403, '{"ErrorCode":-13}') : 'hang'))
    const client = new Client({ endpoint: 'h:1', accessKey, transport: fake.transport, timeout: 10 })
    const errors = [
      await rejection(client.getObject({ container: 'c1', path: 'o' })),
      await rejection(client.getObject({ container: 'c1', path: 'o' })),
      await rejection(client.getObject({ container: 'c1', path: 'o', accessKey: `${accessKey}\n` })),
    ]
    expect(errors.map((error) => (error as Error).name)).toEqual([
      'HttpResponseError',
      'RequestTimeoutError',
      'ValidationError',
    ])
    expect(errors[1]).toBeInstanceOf(RequestTimeoutError)
    for (const error of errors) expect(printed(error)).not.toContain(accessKey)
  })

  it('keeps credentials out of a real network failure', async () => {
    const closed = await startEmulator({ port: 0 })
    await closed.close()
    const client = new Client({ endpoint: closed.url, accessKey, retry: false })
    const error = await rejection(client.getObject({ container: 'c1', path: 'o' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect(printed(error)).not.toContain(accessKey)
  })
})

describe("an operation's prepare()", () => {
  // A prepare that fails (an on-demand chunk lost on a flaky network), for a custom operation.
  const chunkLost = new Error('chunk lost')
  const preparedOperation: Operation<Record<never, never>, string> = {
    encode: () => ({ operation: 'Prepared', method: 'GET', path: '/c/o', headers: {}, idempotent: true }),
    prepare: () => Promise.reject(chunkLost),
    decode: () => 'decoded',
  }

  it("fails a successful call with the load's error, and leaves none unhandled when the request fails first", async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const { transport } = scriptedTransport((_, index) => (index === 0 ? answer(200) : answer(503)))
      const core = new CoreClient({ endpoint: 'http://127.0.0.1:8081', accessKey, transport, retry: false })
      await expect(core.execute(preparedOperation, {})).rejects.toBe(chunkLost)
      const error = await rejection(core.execute(preparedOperation, {}))
      expect(error).toBeInstanceOf(HttpResponseError)
      expect((error as HttpResponseError).statusCode).toBe(503)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
