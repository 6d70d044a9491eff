/**
 * The ceiling: a minimal HTTP client on Node's `http` module with a keep-alive agent, sending exactly the
 * requests the SDK builds (method, path, headers and body taken from `client.describe`).
 */
import http from 'node:http'

/** A raw client for one endpoint with at most `sockets` connections. */
export function rawClient(endpoint, sockets, accessKey) {
  const url = new URL(endpoint)
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets })
  const send = (request) =>
    new Promise((resolve, reject) => {
      const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body
      const headers = { ...request.headers, 'X-v3io-session-key': accessKey }
      if (body) headers['Content-Length'] = body.byteLength
      const outgoing = http.request(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          method: request.method,
          path: request.query ? `${request.path}?${request.query}` : request.path,
          headers,
        },
        (response) => {
          const chunks = []
          response.on('data', (chunk) => chunks.push(chunk))
          response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks) }))
          response.on('error', reject)
        },
      )
      outgoing.on('error', reject)
      outgoing.end(body)
    })
  return { send, close: () => agent.destroy() }
}
