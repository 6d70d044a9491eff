import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeHttpTransport } from '../../src/node/index.js'
import { rejection } from '../support/rejection.js'

/** A server answering with the port it listens on and the request target it received. */
async function echoServer(): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    request.resume()
    const port = (server.address() as AddressInfo).port
    request.on('end', () => response.end(`${port} ${request.url}`))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

// The transport sends to the origin of its last request without parsing the URL again: only a URL
// whose authority is exactly that origin may take the shortcut.
describe('nodeHttpTransport origins', () => {
  const transport = nodeHttpTransport()
  const servers: Server[] = []
  afterAll(async () => {
    transport.destroy()
    for (const server of servers) await new Promise((resolve) => server.close(resolve))
  })
  const answer = async (url: string) =>
    new TextDecoder().decode(
      (await transport({ url, method: 'GET', headers: {}, signal: new AbortController().signal })).body,
    )

  it('sends each URL to its own origin, whichever origin came last', async () => {
    const first = await echoServer()
    const second = await echoServer()
    servers.push(first.server, second.server)
    const at = (port: number, suffix: string) => `http://127.0.0.1:${port}${suffix}`
    expect(await answer(at(first.port, '/a'))).toBe(`${first.port} /a`)
    expect(await answer(at(first.port, '?q=1'))).toBe(`${first.port} /?q=1`)
    expect(await answer(at(first.port, ''))).toBe(`${first.port} /`)
    expect(await answer(at(first.port, '#fragment'))).toBe(`${first.port} /`)
    expect(await answer(at(second.port, '/b'))).toBe(`${second.port} /b`)
    expect(await answer(at(first.port, '/c'))).toBe(`${first.port} /c`)
    expect(await answer(`http://localhost:${first.port}/d`)).toBe(`${first.port} /d`)
  })

  it("never sends a URL whose authority merely starts with the last origin's to that origin", async () => {
    const { server, port } = await echoServer()
    servers.push(server)
    expect(await answer(`http://127.0.0.1:${port}/a`)).toBe(`${port} /a`)
    // Port 1 appended: another port (nothing listens there, or none so large exists), never this server.
    const error = await rejection(answer(`http://127.0.0.1:${port}1/a`))
    expect(error).toBeInstanceOf(Error)
    expect(await answer(`http://127.0.0.1:${port}/b`)).toBe(`${port} /b`)
  })
})
