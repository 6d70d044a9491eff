import ky from 'ky'
import type { Transport } from './transport.js'

/**
 * The default transport: `fetch` through ky, with ky's own retries and timeouts switched off (the client
 * owns both, because only it knows which operations are safe to retry). The body is always read to the
 * end so that the connection returns to the keep-alive pool.
 */
export function fetchTransport(fetchImplementation?: typeof fetch): Transport {
  const http = ky.create({
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    ...(fetchImplementation ? { fetch: fetchImplementation } : {}),
  })
  return async (request) => {
    const response = await http(request.url, {
      method: request.method,
      headers: request.headers,
      // A Uint8Array is a valid fetch body; the DOM typings only lag behind generic typed arrays.
      body: (request.body ?? null) as BodyInit | null,
      signal: request.signal,
    })
    const body = request.method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await response.arrayBuffer())
    return { status: response.status, headers: response.headers, body }
  }
}
