import { readFileSync } from 'node:fs'
import { createServer, Agent as HttpsAgent, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeHttpTransport } from '../../src/node/index.js'

// The transport hands its own agents the TLS server name it works out once per origin: the name sent
// (SNI) must be the one Node's agent would have worked out per request.
describe('nodeHttpTransport TLS server names', () => {
  const fixtures = new URL('./fixtures/', import.meta.url)
  // A self-signed certificate for localhost and 127.0.0.1 (tests only).
  const cert = readFileSync(new URL('localhost.cert.pem', fixtures), 'utf8')
  const key = readFileSync(new URL('localhost.key.pem', fixtures), 'utf8')
  let server: Server
  let port: number
  const transports: Array<ReturnType<typeof nodeHttpTransport>> = []

  beforeAll(async () => {
    // Answers with the server name the client sent, or `none`.
    server = createServer({ cert, key }, (request, response) => {
      request.resume()
      const name = (request.socket as TLSSocket).servername
      request.on('end', () => response.end(typeof name === 'string' && name !== '' ? name : 'none'))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    port = (server.address() as AddressInfo).port
  })
  afterAll(async () => {
    for (const transport of transports) transport.destroy()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  const serverName = async (host: string, options: Parameters<typeof nodeHttpTransport>[0]) => {
    const transport = nodeHttpTransport(options)
    transports.push(transport)
    const url = `https://${host}:${port}/x`
    const response = await transport({
      url,
      method: 'GET',
      headers: {},
      signal: new AbortController().signal,
    })
    return new TextDecoder().decode(response.body)
  }

  it('sends the host name, and none for an IP address', async () => {
    expect(await serverName('localhost', { tls: { ca: cert } })).toBe('localhost')
    expect(await serverName('127.0.0.1', { tls: { ca: cert } })).toBe('none')
  })

  it('sends tls.servername when given, and lets a caller’s agent choose its own', async () => {
    expect(await serverName('127.0.0.1', { tls: { ca: cert, servername: 'localhost' } })).toBe('localhost')
    const agent = new HttpsAgent({ ca: cert, keepAlive: true })
    try {
      expect(await serverName('localhost', { agent })).toBe('localhost')
      expect(await serverName('127.0.0.1', { agent })).toBe('none')
    } finally {
      agent.destroy()
    }
  })
})
