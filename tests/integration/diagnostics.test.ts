import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startEmulator } from '../../src/emulator/index.js'
import {
  Client,
  type ExchangeLog,
  fetchTransport,
  HttpResponseError,
  kyTransport,
  NetworkError,
  sdkVersion,
  type Transport,
} from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { testAccessKey, uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// Issue 11's diagnostics over HTTP: what errors and logs say, the identifying header, and hooks that
// change the request (docs/decisions-io.md).

const node = nodeHttpTransport()
const transports: [string, () => Transport][] = [
  ['nodeHttpTransport', () => node],
  ['fetchTransport', () => fetchTransport()],
  ['kyTransport', () => kyTransport()],
]
afterAll(() => node.destroy())

/** A port nothing listens on: one a server had, closed again. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe.each(transports)('diagnostics through %s', (_, transport) => {
  const fixture = useEmulator()

  it('names the operation, method, URL, status and platform message of a failed call, never the key', async () => {
    const client = fixture.newClient({ transport: transport() })
    const path = uniquePath('missing')
    const error = await rejection(client.getItem({ container: 'bigdata', path }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as Error).message).toBe(
      `GetItem PUT ${fixture.emulator.url}/bigdata/${path} failed with status 404: No such file or directory (error code -2)`,
    )
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      testAccessKey,
    )
  })

  it('names the host and port of a refused connection', async () => {
    const port = await closedPort()
    const client = new Client({
      endpoint: `http://127.0.0.1:${port}`,
      accessKey: testAccessKey,
      transport: transport(),
      retry: false,
    })
    const error = await rejection(client.getObject({ container: 'bigdata', path: 'a' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toBe(
      `GetObject GET http://127.0.0.1:${port}/bigdata/a failed: connect ECONNREFUSED 127.0.0.1:${port}`,
    )
  })

  it('logs each attempt (operation, status, duration, retries) to the logger, never the key', async () => {
    const lines: string[] = []
    const details: ExchangeLog[] = []
    const record = (line: string, detail?: ExchangeLog) => {
      lines.push(line)
      if (detail) details.push(detail)
    }
    const client = fixture.newClient({ transport: transport(), logger: { debug: record, warn: record } })
    const path = uniquePath('logged')
    await client.putObject({ container: 'bigdata', path, body: 'x' })
    await client.getObject({ container: 'bigdata', path: `${path}-missing`, raiseForStatus: 'never' })
    const url = `${fixture.emulator.url}/bigdata/${path}`
    // The formatting loads on demand with the first line.
    await vi.waitFor(() => expect(lines).toHaveLength(2))
    expect(lines[0]).toMatch(new RegExp(`^v3io PutObject PUT ${url} → 200 in \\d+\\.\\d ms$`))
    expect(lines[1]).toMatch(new RegExp(`^v3io GetObject GET ${url}-missing → 404 in \\d+\\.\\d ms$`))
    expect(details[0]).toMatchObject({ operation: 'PutObject', status: 200, attempt: 1, willRetry: false })
    expect(JSON.stringify([lines, details])).not.toContain(testAccessKey)
  })

  it('logs retries and the final failure of an unreachable endpoint at warn', async () => {
    const port = await closedPort()
    const debug: string[] = []
    const warn: string[] = []
    const client = new Client({
      endpoint: `http://127.0.0.1:${port}`,
      accessKey: testAccessKey,
      transport: transport(),
      retry: { attempts: 2, initialDelay: 1, maxDelay: 2 },
      logger: { debug: (line) => debug.push(line), warn: (line) => warn.push(line) },
    })
    await rejection(client.getObject({ container: 'bigdata', path: 'a' }))
    await vi.waitFor(() => expect(warn).toHaveLength(1))
    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(/GetObject GET \S+ → failed: .*ECONNREFUSED.* in [\d.]+ ms, retrying$/)
    expect(warn).toHaveLength(1)
    expect(warn[0]).toMatch(/→ failed: .*ECONNREFUSED.* in [\d.]+ ms \(attempt 2\)$/)
  })

  it('logs to the console when V3IO_DEBUG is set, and not when it is 0', async () => {
    const printed: unknown[][] = []
    const spy = vi.spyOn(console, 'debug').mockImplementation((...args) => void printed.push(args))
    try {
      vi.stubEnv('V3IO_DEBUG', '1')
      await fixture.newClient({ transport: transport() }).headContainer({ container: 'bigdata' })
      await vi.waitFor(() => expect(printed).toHaveLength(1))
      vi.stubEnv('V3IO_DEBUG', '0')
      await fixture.newClient({ transport: transport() }).headContainer({ container: 'bigdata' })
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      vi.unstubAllEnvs()
      spy.mockRestore()
    }
    expect(printed).toHaveLength(1)
    expect(printed[0]?.[0]).toMatch(/^v3io HeadContainer HEAD \S+\/bigdata → 200 in/)
    expect(JSON.stringify(printed)).not.toContain(testAccessKey)
  })
})

describe('hooks that change the request', () => {
  const key = 'a-key-only-the-hook-knows'
  let emulator: Awaited<ReturnType<typeof startEmulator>>
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, accessKeys: [key] })
  })
  afterAll(() => emulator.close())

  it.each(transports)('send the headers beforeRequest added, through %s', async (_, transport) => {
    const client = new Client({
      endpoint: emulator.url,
      authenticate: false,
      transport: transport(),
      hooks: {
        beforeRequest: (request) => {
          request.headers['X-v3io-session-key'] = key
        },
      },
    })
    expect((await client.headContainer({ container: 'bigdata' })).statusCode).toBe(200)
    const refused = new Client({ endpoint: emulator.url, authenticate: false, transport: transport() })
    expect(await rejection(refused.headContainer({ container: 'bigdata' }))).toMatchObject({
      statusCode: 401,
    })
  })
})

describe('the identifying header', () => {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    request.resume()
    request.on('end', () => response.end())
  })
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)))
  afterAll(() => new Promise((resolve) => server.close(resolve)))

  it.each(transports)('goes with every request through %s', async (_, transport) => {
    seen.length = 0
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const client = new Client({ endpoint, accessKey: testAccessKey, transport: transport() })
    await client.putObject({ container: 'c', path: 'p', body: 'x' })
    await client.headContainer({ container: 'c' })
    expect(seen.map((headers) => headers['x-v3io-client'])).toEqual([
      `v3io-js/${sdkVersion}`,
      `v3io-js/${sdkVersion}`,
    ])
  })
})
