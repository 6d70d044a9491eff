import { whenAborted } from '../core/abort-signals.js'
import type { RawResponse } from '../core/descriptor.js'
import { ResponseTooLargeError } from '../core/errors.js'
import { contentLengthError } from '../core/stream-body.js'
import type { Transport, TransportRequest } from './transport.js'

/**
 * A transport calling the runtime's `fetch` (or the one given) directly, without ky: the client owns
 * retries, timeouts and cancellation, so this saves ky's per-request cost (a `Request` object, a cloned
 * body stream, merged signals). docs/benchmarks.md measures both.
 *
 * Every response body is read to the end, or cancelled when there is nothing to read, so that the
 * connection goes back to the keep-alive pool at once instead of when the garbage collector finds it.
 * In Node (the `node` entry of the package), HEAD requests go through `node:http` with a keep-alive
 * agent instead, unless a `fetchImplementation` is given: Node's `fetch` closes the connection after
 * every HEAD request.
 *
 * @param fetchImplementation A `fetch` to use instead of the global one: a test double, or in Node one
 *   bound to a custom dispatcher (proxy, private CA, connection limits).
 */
export function fetchTransport(fetchImplementation?: typeof fetch): Transport {
  return fetchTransportWith(fetchImplementation, undefined)
}

/** {@link fetchTransport} with its HEAD requests sent by `head` (the Node entry's keep-alive HEAD). */
export function fetchTransportWith(
  fetchImplementation: typeof fetch | undefined,
  head: ((request: TransportRequest) => Promise<RawResponse>) | undefined,
): Transport {
  return transportOver((url, init) => (fetchImplementation ?? globalThis.fetch)(url, init), head)
}

/**
 * A transport over any fetch-shaped function (`fetch` itself, ky): builds the init from the request and
 * reads the response with {@link readRawResponse}.
 */
export function transportOver(
  send: (url: string, init: RequestInit) => Promise<globalThis.Response>,
  head?: (request: TransportRequest) => Promise<RawResponse>,
): Transport {
  const transport: Transport = async (request) => {
    if (head && request.method === 'HEAD') return head(request)
    // Loaded on demand: apps that never stream nor watch progress never load it.
    if (request.transfer !== undefined || request.body instanceof ReadableStream)
      return import('./fetch-transfer.js').then((loaded) =>
        loaded.fetchTransfer(send, request, { readRawResponse, whenAborted, contentLengthError, readAtMost }),
      )
    const response = await send(request.url, {
      method: request.method,
      headers: request.headers,
      // A Uint8Array is a valid fetch body; the DOM typings only lag behind generic typed arrays.
      body: (request.body ?? null) as BodyInit | null,
      signal: request.signal,
    })
    return readRawResponse(response, request.method, request.maxResponseBytes)
  }
  // Node's fetch frees a connection on the turn after its response (see Transport).
  return Object.assign(transport, { reusesConnectionsNextTurn: true })
}

/**
 * Reads a fetch `Response` into a {@link RawResponse}: the whole body, or none for HEAD (whose stream is
 * cancelled), so that the connection goes back to the keep-alive pool at once. A body longer than
 * `maxResponseBytes` is cancelled as soon as it is known to be (from `Content-Length`, or while reading
 * a body without one) and fails with `ResponseTooLargeError`.
 */
export async function readRawResponse(
  response: globalThis.Response,
  method: string,
  maxResponseBytes = Number.POSITIVE_INFINITY,
): Promise<RawResponse> {
  const { status, headers } = response
  if (method === 'HEAD') {
    await response.body?.cancel()
    return { status, headers, body: new Uint8Array(0) }
  }
  const declared = headers.get('Content-Length')
  // A declared length frames the body: no more can arrive, and arrayBuffer() is the cheapest read.
  if (
    maxResponseBytes === Number.POSITIVE_INFINITY ||
    (declared !== null && Number(declared) <= maxResponseBytes)
  )
    return { status, headers, body: new Uint8Array(await response.arrayBuffer()) }
  if (declared !== null || !response.body) {
    await response.body?.cancel()
    if (declared === null) return { status, headers, body: new Uint8Array(0) }
    throw new ResponseTooLargeError(maxResponseBytes)
  }
  return { status, headers, body: await readAtMost(response.body, maxResponseBytes) }
}

/**
 * Reads a body stream to its end, cancelling it and failing once it exceeds `limit` bytes; a stream
 * that errors fails with its own error.
 */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    length += value.byteLength
    if (length > limit) {
      await reader.cancel()
      throw new ResponseTooLargeError(limit)
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const body = new Uint8Array(length)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
