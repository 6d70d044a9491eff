import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http'
import { type AddressInfo, connect, type Socket } from 'node:net'
import { createServer as createTlsServer } from 'node:tls'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client, type GetItemOutput, NetworkError, type TransportRequest } from '../../src/index.js'
import { nodeHttpTransport } from '../../src/node/index.js'
import { neverReachedServer } from '../../src/transport/retry-policy.js'
import { testAccessKey, uniquePath } from '../support/emulator.js'
import { rejection } from '../support/rejection.js'

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const never = () => new AbortController().signal

/** Polls until `condition()` holds (a socket closing is seen by the server a moment later). */
async function eventually(condition: () => boolean, milliseconds = 2000): Promise<void> {
  const deadline = performance.now() + milliseconds
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/**
 * A bare HTTP server that records what it receives, then lets `respond` answer through the response or,
 * for broken answers, write to (or destroy) the socket itself.
 */
async function recordingServer(respond: (response: ServerResponse, socket: Socket) => void) {
  const received: Array<{
    method: string
    url: string
    headers: IncomingHttpHeaders
    rawHeaders: string[]
    body: string
  }> = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        rawHeaders: request.rawHeaders,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      respond(response, request.socket)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { server, url, received, close: () => closeServer(server) }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

describe('nodeHttpTransport against the emulator', () => {
  let emulator: RunningEmulator
  const transport = nodeHttpTransport()
  const request = (overrides: Partial<TransportRequest> & { path: string }): TransportRequest => ({
    url: `${emulator.url}${overrides.path}`,
    method: 'GET',
    headers: { 'X-v3io-session-key': testAccessKey },
    signal: never(),
    ...overrides,
  })

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 })
  })
  afterAll(async () => {
    transport.destroy()
    await emulator.close()
  })

  it('sends string, Uint8Array and Blob bodies, and reads every byte back', async () => {
    const binary = Uint8Array.from({ length: 256 }, (_, index) => index)
    const large = new Uint8Array(300_000).map((_, index) => (index * 7) % 251)
    const bodies: Array<[string, TransportRequest['body'], Uint8Array]> = [
      ['string', 'héllo, there ✓', new TextEncoder().encode('héllo, there ✓')],
      ['bytes', binary, binary],
      [
        'blob',
        new Blob([binary, 'tail'], { type: 'application/octet-stream' }),
        new Uint8Array([...binary, ...new TextEncoder().encode('tail')]),
      ],
      ['empty', new Uint8Array(0), new Uint8Array(0)],
      ['large', large, large],
    ]
    const directory = uniquePath('node-bodies')
    for (const [name, body, expected] of bodies) {
      const path = `/bigdata/${directory}/${name}`
      const put = await transport(request({ path, method: 'PUT', body }))
      expect(put.status, name).toBe(200)
      const got = await transport(request({ path }))
      expect(got.status, name).toBe(200)
      expect(Buffer.compare(got.body, expected), name).toBe(0)
      expect(got.body.buffer.byteLength, `${name}: the body owns its buffer`).toBe(expected.byteLength)
      expect(got.headers.get('content-length'), name).toBe(String(expected.byteLength))
    }
  })

  it('answers HEAD with the headers and no body, and keeps the connection', async () => {
    const path = `/bigdata/${uniquePath('node-head')}`
    await transport(request({ path, method: 'PUT', body: 'twelve bytes' }))
    const opened = emulator.connections.opened
    const head = await transport(request({ path, method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(head.headers.get('Content-Length')).toBe('12')
    expect(head.body).toEqual(new Uint8Array(0))
    expect(text((await transport(request({ path }))).body)).toBe('twelve bytes')
    expect(emulator.connections.opened).toBe(opened)
  })

  it('resolves error statuses with their body', async () => {
    const missing = await transport(request({ path: `/bigdata/${uniquePath('node-missing')}` }))
    expect(missing.status).toBe(404)
    expect(JSON.parse(text(missing.body))).toMatchObject({ ErrorCode: expect.any(Number) })
    const fault = emulator.injectFaults({ status: 503, retryAfter: 7, pathPrefix: '/bigdata/node-503' })
    const unavailable = await transport(request({ path: '/bigdata/node-503' }))
    expect(unavailable.status).toBe(503)
    expect(unavailable.headers.get('retry-after')).toBe('7')
    expect(fault.hits).toBe(1)
  })

  it('reuses one keep-alive connection for sequential requests', async () => {
    const own = await startEmulator({ port: 0 })
    const fresh = nodeHttpTransport()
    try {
      for (let index = 0; index < 25; index++) {
        const response = await fresh({
          ...request({ path: '/bigdata/' }),
          url: `${own.url}/bigdata/k${index}`,
          method: 'PUT',
          body: `v${index}`,
        })
        expect(response.status).toBe(200)
        const head = await fresh({
          ...request({ path: '/' }),
          url: `${own.url}/bigdata/k${index}`,
          method: 'HEAD',
        })
        expect(head.status).toBe(200)
      }
      expect(own.connections).toEqual({ opened: 1, open: 1 })
      fresh.destroy()
      await eventually(() => own.connections.open === 0)
    } finally {
      fresh.destroy()
      await own.close()
    }
  })

  it('aborts a request in flight at once, destroying its connection', async () => {
    const own = await startEmulator({ port: 0 })
    const fresh = nodeHttpTransport()
    try {
      own.injectFaults({ delay: 2000 })
      const controller = new AbortController()
      const started = performance.now()
      const pending = fresh({
        url: `${own.url}/bigdata/slow`,
        method: 'GET',
        headers: {},
        signal: controller.signal,
      })
      setTimeout(() => controller.abort('enough'), 50)
      expect(await rejection(pending)).toBe('enough')
      expect(performance.now() - started).toBeLessThan(500)
      await eventually(() => own.connections.open === 0)
    } finally {
      fresh.destroy()
      await own.close()
    }
  })

  it('rejects at once, sending nothing, when the signal has already aborted', async () => {
    const opened = emulator.connections.opened
    const reason = new Error('already')
    const error = await rejection(
      transport(request({ path: '/bigdata/x', signal: AbortSignal.abort(reason) })),
    )
    expect(error).toBe(reason)
    expect(emulator.connections.opened).toBe(opened)
  })

  it('rejects with ECONNREFUSED as the cause when nothing listens, which the retry policy recognises', async () => {
    const closed = await startEmulator({ port: 0 })
    await closed.close()
    const error = await rejection(
      transport({ url: `${closed.url}/bigdata/o`, method: 'PUT', headers: {}, body: 'x', signal: never() }),
    )
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/ECONNREFUSED/)
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' })
    expect(neverReachedServer(error)).toBe(true)
  })

  it('runs the seed object example through a Client', async () => {
    const client = new Client({ endpoint: emulator.url, accessKey: testAccessKey, transport })
    const path = `/${uniquePath('my-object')}`
    await client.putObject({ container: 'users', path, body: 'hello, there' })
    const response = await client.getObject({ container: 'users', path })
    expect(text(response.body)).toBe('hello, there')
    await client.deleteObject({ container: 'users', path })
    expect((await client.getObject({ container: 'users', path, raiseForStatus: 'never' })).statusCode).toBe(
      404,
    )
  })

  it('keeps a Client to one connection per slot: sequential calls one, a batch maxConnections', async () => {
    const own = await startEmulator({ port: 0 })
    const fresh = nodeHttpTransport()
    try {
      const client = new Client({
        endpoint: own.url,
        accessKey: testAccessKey,
        maxConnections: 4,
        transport: fresh,
      })
      for (let index = 0; index < 20; index++) {
        await client.putItem({ container: 'bigdata', path: `/t/k${index}`, attributes: { n: index } })
        expect((await client.getItem({ container: 'bigdata', path: `/t/k${index}` })).output.item).toEqual({
          n: index,
        })
      }
      expect(own.connections.opened).toBe(1)
      const batch = client.createBatch()
      for (let index = 0; index < 200; index++)
        batch.getItem({ container: 'bigdata', path: `/t/k${index % 20}` })
      const { responses } = await batch.wait()
      expect(responses.map((response) => (response.output as GetItemOutput).item?.n)).toEqual(
        Array.from({ length: 200 }, (_, index) => index % 20),
      )
      expect(own.connections.opened).toBeLessThanOrEqual(4)
    } finally {
      fresh.destroy()
      await own.close()
    }
  })

  it('caps the sockets at maxSockets, below the client’s maxConnections', async () => {
    const own = await startEmulator({ port: 0 })
    const capped = nodeHttpTransport({ maxSockets: 2 })
    try {
      const client = new Client({
        endpoint: own.url,
        accessKey: testAccessKey,
        maxConnections: 16,
        transport: capped,
      })
      const batch = client.createBatch()
      for (let index = 0; index < 64; index++)
        batch.putObject({ container: 'bigdata', path: `/o${index}`, body: `${index}` })
      const { responses } = await batch.wait()
      expect(responses.every((response) => response.statusCode === 200)).toBe(true)
      expect(own.connections.opened).toBe(2)
    } finally {
      capped.destroy()
      await own.close()
    }
  })

  it('refuses invalid options', () => {
    expect(() => nodeHttpTransport({ maxSockets: 0 })).toThrow(/maxSockets/)
    expect(() => nodeHttpTransport({ maxSockets: 2.5 })).toThrow(RangeError)
    expect(() => nodeHttpTransport({ idleTimeout: -1 })).toThrow(/idleTimeout/)
    expect(nodeHttpTransport({ maxSockets: Number.POSITIVE_INFINITY, idleTimeout: 0 })).toBeTypeOf('function')
  })
})

describe('nodeHttpTransport on the wire', () => {
  const transport = nodeHttpTransport()
  afterAll(() => transport.destroy())

  it('writes Host and Content-Length itself, and Content-Length 0 on a body-less PUT', async () => {
    const server = await recordingServer((response) => {
      response.writeHead(204, [
        ['X-Twice', 'a'],
        ['x-twice', 'b'],
      ])
      response.end()
    })
    try {
      const send = (init: Partial<TransportRequest>) =>
        transport({ url: `${server.url}/c/o?q=1`, method: 'GET', headers: {}, signal: never(), ...init })
      const put = await send({
        method: 'PUT',
        // Framing headers from the caller are the transport's business: they are replaced, not sent twice.
        headers: {
          'X-v3io-function': 'PutItem',
          host: 'elsewhere',
          'content-length': '999',
          Connection: 'close',
        },
        body: '{"Item":{}}',
      })
      expect(put.status).toBe(204)
      expect(put.headers.get('x-twice')).toBe('a, b')
      await send({ method: 'PUT' })
      await send({ method: 'GET' })
      await send({ method: 'PUT', body: new Blob(['<a/>'], { type: 'text/xml' }) })
      await send({
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: new Blob(['{}'], { type: 'text/xml' }),
      })
      const [withBody, emptyPut, get, typedBlob, explicitType] = server.received
      const host = server.url.slice('http://'.length)
      expect(withBody).toMatchObject({ method: 'PUT', url: '/c/o?q=1', body: '{"Item":{}}' })
      expect(withBody?.headers).toMatchObject({
        host,
        'content-length': '11',
        'x-v3io-function': 'PutItem',
        connection: 'keep-alive',
      })
      expect(
        withBody?.rawHeaders.filter((name) => /^(host|content-length|connection)$/i.test(name)),
      ).toHaveLength(3)
      expect(emptyPut?.headers['content-length']).toBe('0')
      expect(get?.headers['content-length']).toBeUndefined()
      expect(get?.headers['transfer-encoding']).toBeUndefined()
      expect(typedBlob).toMatchObject({
        body: '<a/>',
        headers: { 'content-type': 'text/xml', 'content-length': '4' },
      })
      expect(explicitType?.headers['content-type']).toBe('application/json')
    } finally {
      await server.close()
    }
  })

  it('hands over a body that owns its buffer, not a view of the socket’s read buffer', async () => {
    // Status line, headers and body in one write, so that they arrive in one read.
    const server = await recordingServer((_, socket) =>
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello'),
    )
    try {
      const response = await transport({
        url: `${server.url}/x`,
        method: 'GET',
        headers: {},
        signal: never(),
      })
      expect(text(response.body)).toBe('hello')
      expect(response.body.buffer.byteLength).toBe(5)
    } finally {
      await server.close()
    }
  })

  it('aborts while the body is still arriving, closing the connection', async () => {
    let closed = false
    const server = await recordingServer((response, socket) => {
      socket.once('close', () => {
        closed = true
      })
      response.writeHead(200, { 'Content-Length': '100' })
      response.write('partial')
    })
    try {
      const controller = new AbortController()
      const pending = transport({
        url: `${server.url}/slow-body`,
        method: 'GET',
        headers: {},
        signal: controller.signal,
      })
      await eventually(() => server.received.length === 1)
      setTimeout(() => controller.abort('stop reading'), 20)
      expect(await rejection(pending)).toBe('stop reading')
      await eventually(() => closed)
    } finally {
      await server.close()
    }
  })

  it('rejects, with the cause, a connection dropped before the answer or in the middle of the body', async () => {
    const dropped = await recordingServer((_, socket) => socket.destroy())
    const truncated = await recordingServer((_, socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b')
      socket.destroy()
    })
    try {
      const reset = await rejection(
        transport({ url: `${dropped.url}/x`, method: 'GET', headers: {}, signal: never() }),
      )
      expect((reset as Error).cause).toMatchObject({ code: 'ECONNRESET' })
      expect(neverReachedServer(reset)).toBe(false)
      const cut = await rejection(
        transport({ url: `${truncated.url}/x`, method: 'GET', headers: {}, signal: never() }),
      )
      expect((cut as Error).cause).toMatchObject({ code: 'ECONNRESET' })
    } finally {
      await dropped.close()
      await truncated.close()
    }
  })

  it('sends the path and query of the URL, never its fragment', async () => {
    const server = await recordingServer((response) => response.end())
    try {
      const send = (suffix: string) =>
        transport({ url: `${server.url}${suffix}`, method: 'GET', headers: {}, signal: never() })
      for (const suffix of ['', '?x=1', '/c/o?q=1#fragment', '#only', '/a%20b/'])
        expect((await send(suffix)).status).toBe(200)
      expect(server.received.map((request) => request.url)).toEqual([
        '/',
        '/?x=1',
        '/c/o?q=1',
        '/',
        '/a%20b/',
      ])
    } finally {
      await server.close()
    }
  })

  it('names the failure when every address of a host name refuses', async () => {
    const closed = await startEmulator({ port: 0 })
    await closed.close()
    const url = `http://localhost:${closed.port}/x`
    const error = await rejection(transport({ url, method: 'GET', headers: {}, signal: never() }))
    expect((error as Error).message).toMatch(/^HTTP request failed: .*ECONNREFUSED/)
    expect(neverReachedServer(error)).toBe(true)
  })

  it('rejects URLs it cannot send to', async () => {
    const send = (url: string) => transport({ url, method: 'GET', headers: {}, signal: never() })
    expect(await rejection(send('ftp://127.0.0.1/x'))).toBeInstanceOf(TypeError)
    expect(await rejection(send('http://user:secret@127.0.0.1:1/x'))).toBeInstanceOf(TypeError)
    expect(await rejection(send('/relative'))).toBeInstanceOf(TypeError)
  })
})

describe('nodeHttpTransport over TLS', () => {
  // A self-signed certificate for localhost and 127.0.0.1 (tests only), in front of the emulator.
  const fixtures = new URL('./fixtures/', import.meta.url)
  const cert = readFileSync(new URL('localhost.cert.pem', fixtures), 'utf8')
  const key = readFileSync(new URL('localhost.key.pem', fixtures), 'utf8')
  let emulator: RunningEmulator
  let endpoint: string
  const proxy = createTlsServer({ cert, key }, (secure) => {
    const plain = connect(emulator.port, emulator.host)
    secure.pipe(plain).pipe(secure)
    secure.on('error', () => plain.destroy())
    plain.on('error', () => secure.destroy())
  })
  const transports: Array<ReturnType<typeof nodeHttpTransport>> = []
  const tracked = (options: Parameters<typeof nodeHttpTransport>[0]) => {
    const transport = nodeHttpTransport(options)
    transports.push(transport)
    return transport
  }

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 })
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
    endpoint = `https://localhost:${(proxy.address() as AddressInfo).port}`
  })
  afterEach(() => {
    for (const transport of transports.splice(0)) transport.destroy()
  })
  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve))
    await emulator.close()
  })

  const seedExample = async (client: Client) => {
    const path = `/${uniquePath('tls-object')}`
    await client.putObject({ container: 'users', path, body: 'hello, there' })
    return text((await client.getObject({ container: 'users', path })).body)
  }

  it('verifies certificates by default: a self-signed one is refused', async () => {
    const client = new Client({ endpoint, accessKey: testAccessKey, retry: false, transport: tracked({}) })
    const error = await rejection(seedExample(client))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as NetworkError).cause).toMatchObject({ cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' } })
  })

  it('trusts a private CA given as tls.ca, and checks the host name against it', async () => {
    const client = new Client({
      endpoint,
      accessKey: testAccessKey,
      transport: tracked({ tls: { ca: cert } }),
    })
    expect(await seedExample(client)).toBe('hello, there')
    const wrongName = new Client({
      endpoint,
      accessKey: testAccessKey,
      retry: false,
      transport: tracked({ tls: { ca: cert, servername: 'other.example' } }),
    })
    const error = await rejection(seedExample(wrongName))
    expect((error as NetworkError).cause).toMatchObject({ cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } })
  })

  it('accepts any certificate only when told to (rejectUnauthorized: false)', async () => {
    const client = new Client({
      endpoint,
      accessKey: testAccessKey,
      transport: tracked({ tls: { rejectUnauthorized: false } }),
    })
    expect(await seedExample(client)).toBe('hello, there')
  })
})
