import type { Transport } from '../transport/transport.js'

/**
 * The default transport outside Node: `kyTransport()`, with ky loaded by the first request rather
 * than at startup. ky is most of a transport's weight and every request is asynchronous anyway, so an
 * app's startup bundle leaves it out at no cost but one module load (docs/bundle-size.md).
 */
export function lazyKyTransport(fetchImplementation?: typeof fetch): Transport {
  let loading: Promise<Transport> | undefined
  const transport: Transport = async (request) => {
    loading ??= import('../transport/ky-transport.js').then(
      (module) => module.kyTransport(fetchImplementation),
      (error: unknown) => {
        // A lost chunk (a flaky network in a browser) is loaded again by the next request.
        loading = undefined
        throw error
      },
    )
    return (await loading)(request)
  }
  // As kyTransport's own (transportOver): Node's fetch frees a connection on the turn after a response.
  return Object.assign(transport, { reusesConnectionsNextTurn: true })
}
