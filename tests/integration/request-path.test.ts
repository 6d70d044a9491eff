import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { clientHeader, clientHeaderValue } from '../../src/core/version.js'
import { getObject, HttpResponseError, NetworkError, type TransportRequest } from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { testAccessKey, uniquePath, useEmulator } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

// What the request path's per-call shortcuts (one header copy, the URL built once, the last origin
// reused without scanning the URL) must leave exactly as it was.
describe('the request path through nodeHttpTransport', () => {
  const fixture = useEmulator()
  const inner = nodeHttpTransport()
  const sent: Array<Record<string, string>> = []
  const transport = (request: TransportRequest) => {
    sent.push({ ...request.headers })
    return inner(request)
  }
  const newClient = () => fixture.newClient({ transport, retry: false })
  afterAll(() => inner.destroy())

  it("sends the operation's headers, the client header and the credential, without changing the descriptor", async () => {
    const client = newClient()
    const path = uniquePath('request-path-headers')
    await client.putObject({ container: 'bigdata', path, body: '0123456789' })
    const options = { container: 'bigdata', path, offset: 2, numBytes: 3 }
    const descriptor = client.describe(getObject, options)
    const before = { ...descriptor.headers }
    sent.length = 0
    const response = await client.getObject(options)
    expect(new TextDecoder().decode(response.body)).toBe('234')
    expect(sent).toEqual([
      { Range: 'bytes=2-4', [clientHeader]: clientHeaderValue, 'X-v3io-session-key': testAccessKey },
    ])
    expect(descriptor.headers).toEqual(before)
    // A per-call key replaces the client's in that call only.
    sent.length = 0
    await client.getObject({ container: 'bigdata', path, accessKey: 'another-key' })
    await client.getObject({ container: 'bigdata', path })
    expect(sent.map((headers) => headers['X-v3io-session-key'])).toEqual(['another-key', testAccessKey])
  })

  it('reports the URL it requested in responses and in errors', async () => {
    const client = newClient()
    const path = uniquePath('request-path-url')
    const endpoint = fixture.emulator.url
    const put = await client.putObject({ container: 'bigdata', path: `/${path}`, body: 'x' })
    expect(put.request).toEqual({ operation: 'PutObject', method: 'PUT', url: `${endpoint}/bigdata/${path}` })
    const listing = await client.getContainerContents({ container: 'bigdata', path: '/', limit: 1 })
    expect(listing.request?.url).toBe(`${endpoint}/bigdata?prefix=&max-keys=1`)
    const missing = (await rejection(client.getObject({ container: 'bigdata', path: `${path}-gone` }))) as
      | HttpResponseError
      | undefined
    expect(missing).toBeInstanceOf(HttpResponseError)
    expect(missing?.url).toBe(`${endpoint}/bigdata/${path}-gone`)
    expect(missing?.method).toBe('GET')
    expect(missing?.statusCode).toBe(404)
  })

  it('names the URL of a call that got no answer, and never its access key', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const client = fixture.newClient({ endpoint: `http://127.0.0.1:${port}`, transport, retry: false })
    const error = await rejection(client.getObject({ container: 'bigdata', path: 'nowhere' }))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toContain(`GetObject GET http://127.0.0.1:${port}/bigdata/nowhere`)
    expect((error as Error).message).not.toContain(testAccessKey)
  })

  it('answers header lookups in any case', async () => {
    const client = newClient()
    const path = uniquePath('request-path-case')
    await client.putObject({ container: 'bigdata', path, body: 'hello' })
    const { headers } = await client.getObject({ container: 'bigdata', path })
    expect(headers.get('content-length')).toBe('5')
    expect(headers.get('CONTENT-LENGTH')).toBe('5')
    expect(headers.get('X-V3IO-Transaction-Verifier')).toMatch(/^__mtime_secs==\d+ and __mtime_nsecs==\d+$/)
    expect(headers.has('content-type')).toBe(true)
    expect(headers.get('no-such-header')).toBeNull()
  })
})
