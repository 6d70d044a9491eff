import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { nodeHttpTransport } from '../../src/node/index.js'
import { keepAliveHint } from '../../src/node/keep-alive-agents.js'

/** Polls until `condition()` holds (a socket closing is seen by the server a moment later). */
async function eventually(condition: () => boolean, milliseconds = 3000): Promise<void> {
  const deadline = performance.now() + milliseconds
  while (!condition()) {
    if (performance.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** A server answering `ok` with `headers`; it counts connections and those still open. */
async function countingServer(headers: Record<string, string> = {}) {
  const sockets = new Set<Socket>()
  let connections = 0
  const server = createServer((request, response: ServerResponse) => {
    request.resume()
    request.on('end', () => response.writeHead(200, headers).end('ok'))
  })
  server.keepAliveTimeout = 60_000
  server.on('connection', (socket: Socket) => {
    connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/c/o`
  return { url, open: () => sockets.size, connections: () => connections }
}

const get = (url: string) => ({
  url,
  method: 'GET',
  headers: {},
  signal: new AbortController().signal,
})

describe('nodeHttpTransport idle connections', () => {
  it('keeps a connection across requests and closes it once idle for idleTimeout', async () => {
    const server = await countingServer()
    const transport = nodeHttpTransport({ idleTimeout: 150 })
    for (let index = 0; index < 5; index++) {
      const response = await transport(get(server.url))
      expect(new TextDecoder().decode(response.body)).toBe('ok')
    }
    expect(server.connections()).toBe(1)
    expect(server.open()).toBe(1)
    const idleSince = performance.now()
    await eventually(() => server.open() === 0)
    expect(performance.now() - idleSince).toBeGreaterThanOrEqual(100)
    // The next request opens a new connection.
    expect((await transport(get(server.url))).status).toBe(200)
    expect(server.connections()).toBe(2)
    transport.destroy()
  })

  it('keeps an idle connection open while idleTimeout has not passed', async () => {
    const server = await countingServer()
    const transport = nodeHttpTransport({ idleTimeout: 60_000 })
    await transport(get(server.url))
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(server.open()).toBe(1)
    await transport(get(server.url))
    expect(server.connections()).toBe(1)
    transport.destroy()
    await eventually(() => server.open() === 0)
  })

  it("honours a server's shorter Keep-Alive timeout, and drops a connection it would close too soon", async () => {
    const shorter = await countingServer({ 'Keep-Alive': 'timeout=2' })
    const transport = nodeHttpTransport({ idleTimeout: 60_000 })
    await transport(get(shorter.url))
    expect(shorter.open()).toBe(1)
    // timeout=2 leaves one second after Node's margin of one second: closed well before idleTimeout.
    await eventually(() => shorter.open() === 0, 2500)

    const tooShort = await countingServer({ 'Keep-Alive': 'timeout=1' })
    await transport(get(tooShort.url))
    await transport(get(tooShort.url))
    expect(tooShort.connections()).toBe(2)
    await eventually(() => tooShort.open() === 0)
    transport.destroy()
  })
})

/** The reading the hint had before it was made allocation-free: the first `Keep-Alive`, Node's regex. */
function regexHint(raw: string[]): number | undefined {
  for (let index = 0; index < raw.length; index += 2) {
    if (raw[index]?.toLowerCase() !== 'keep-alive') continue
    const seconds = /^timeout=(\d+)/.exec(raw[index + 1] as string)?.[1]
    return seconds === undefined ? undefined : Number.parseInt(seconds, 10)
  }
  return undefined
}

describe('keepAliveHint', () => {
  it("reads the first Keep-Alive header's leading timeout, in any case of the name", () => {
    const hint = (...raw: string[]) => keepAliveHint(raw)
    expect(hint('Connection', 'keep-alive', 'Keep-Alive', 'timeout=5')).toBe(5)
    expect(hint('KEEP-ALIVE', 'timeout=125, max=100')).toBe(125)
    expect(hint('keep-alive', 'timeout=07')).toBe(7)
    expect(hint('Keep-Alive', 'max=100, timeout=5')).toBeUndefined()
    expect(hint('Keep-Alive', 'Timeout=5')).toBeUndefined()
    expect(hint('Keep-Alive', 'timeout=')).toBeUndefined()
    expect(hint('Keep-Alive', 'timeout=x5')).toBeUndefined()
    expect(hint('Keep-Alive', 'max=1', 'Keep-Alive', 'timeout=5')).toBeUndefined()
    expect(hint('Keep-Alivf', 'timeout=5', 'Content-Length', '0')).toBeUndefined()
    expect(hint()).toBeUndefined()
    expect(keepAliveHint(undefined)).toBeUndefined()
  })

  it('agrees with the regular expression it replaces', () => {
    const name = fc.constantFrom('Keep-Alive', 'keep-alive', 'KEEP-ALIVE', 'Keep_Alive', 'Connection', 'Date')
    const value = fc.oneof(
      fc.string(),
      fc.stringMatching(/^timeout=\d{0,6}[,; a-z0-9=]{0,8}$/),
      fc.constantFrom('timeout=5', 'timeout=0', 'timeout=1', ' timeout=5'),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 5 }), (pairs) => {
        const raw = pairs.flat()
        expect(keepAliveHint(raw)).toBe(regexHint(raw))
      }),
    )
  })
})
