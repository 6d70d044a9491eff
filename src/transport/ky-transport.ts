import type { KyInstance } from 'ky'
import type { RawResponse } from '../core/descriptor.js'
import { transportOver } from './fetch-transport.js'
import type { Transport, TransportRequest } from './transport.js'

/**
 * The default transport outside Node: `fetch` through ky, with ky's retries, timeouts and HTTP-error throwing switched
 * off (the client owns all three, because only it knows which operations are safe to retry).
 *
 * ky adds a small per-request cost (it builds a `Request` and merges abort signals; with retries off it
 * does not clone the request); where client CPU matters more than ky's request normalisation, pass
 * `transport: fetchTransport()` to call `fetch` directly (docs/benchmarks.md measures both).
 *
 * @param fetchImplementation A `fetch` to use instead of the global one: a test double, or in Node one
 *   bound to a custom dispatcher (proxy, private CA, connection limits).
 */
export function kyTransport(fetchImplementation?: typeof fetch): Transport {
  return kyTransportWith(fetchImplementation, undefined)
}

/** {@link kyTransport} with its HEAD requests sent by `head` (the Node entry's keep-alive HEAD). */
export function kyTransportWith(
  fetchImplementation: typeof fetch | undefined,
  head: ((request: TransportRequest) => Promise<RawResponse>) | undefined,
): Transport {
  // ky is imported on demand, from the moment the transport is created, rather than statically: it is
  // most of a transport's weight, and apps that never use it (Node's default) never load nor bundle it.
  let http: Promise<KyInstance> | undefined
  const load = () => {
    http ??= import('ky').then(
      ({ default: ky }) =>
        ky.create({
          // No retries also means no clone of each request (ky clones one only to be able to retry it).
          retry: 0,
          timeout: false,
          throwHttpErrors: false,
          // ky reads the global fetch when it is created; resolve it per request so that stubs installed later apply.
          fetch: fetchImplementation ?? ((input, init) => globalThis.fetch(input, init)),
        }),
      (error: unknown) => {
        // A lost chunk (a flaky network in a browser) is loaded again by the next request.
        http = undefined
        throw error
      },
    )
    return http
  }
  const prepare = () => load().then(() => undefined)
  // Started now; a failure is reported by the request that needs ky.
  prepare().catch(() => undefined)
  const transport = transportOver(async (url, init) => {
    const send = await load()
    try {
      return await send(url, init)
    } catch (error) {
      throw runtimeError(error)
    }
  }, head)
  return Object.assign(transport, { prepare })
}

/**
 * The runtime's own error behind ky's `NetworkError` wrapper, so that a failure reads the same through
 * ky as through `fetchTransport` (the runtime's message and code, e.g. `ECONNREFUSED` in Node).
 */
function runtimeError(error: unknown): unknown {
  return error instanceof Error && error.name === 'NetworkError' && error.cause !== undefined
    ? error.cause
    : error
}
