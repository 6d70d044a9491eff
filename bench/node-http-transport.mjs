/**
 * A `Transport` (the SDK's pluggable HTTP layer) on Node's `http` module with a keep-alive agent. It is
 * not part of the SDK (whose code must run in browsers); the benchmark plugs it in through the client's
 * `transport` option to separate the SDK's own cost from the cost of the runtime's `fetch`.
 */
import http from 'node:http'

/** A transport with at most `sockets` keep-alive connections per host. */
export function nodeHttpTransport(sockets) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  return (request) =>
    new Promise((resolve, reject) => {
      const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body
      const headers = body ? { ...request.headers, 'Content-Length': body.byteLength } : request.headers
      const outgoing = http.request(
        request.url,
        { agent, method: request.method, headers, signal: request.signal },
        (response) => {
          const chunks = []
          response.on('data', (chunk) => chunks.push(chunk))
          response.on('error', reject)
          response.on('end', () => {
            const received = new Headers()
            for (const [name, value] of Object.entries(response.headers))
              if (value !== undefined) received.set(name, Array.isArray(value) ? value.join(', ') : value)
            const all = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
            resolve({
              status: response.statusCode,
              headers: received,
              body: new Uint8Array(all.buffer, all.byteOffset, all.byteLength),
            })
          })
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
}
