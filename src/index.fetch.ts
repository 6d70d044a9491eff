/**
 * `v3io` as Deno and Bun resolve it (the `deno` and `bun` conditions of the package's `exports`, matched
 * before `node`): the same SDK, whose `Client` defaults to `fetchTransport()`, the runtime's `fetch`
 * called directly. Both runtimes have a fast native `fetch`, and there bare `fetch` measured 1.2–2.0×
 * (Deno) and 1.0–1.4× (Bun) the throughput of ky over it (docs/benchmarks.md, "Deno and Bun"), so
 * ky's request normalisation is not worth its cost. Browsers and workers keep ky (`index.ts`).
 *
 * @packageDocumentation
 */
import { Client as UniversalClient } from './client/client.js'
import { type ClientOptions, CoreClient as UniversalCoreClient } from './client/core-client.js'
import { ControlPlaneClient as UniversalControlPlaneClient } from './control-plane/client.js'
import type { ControlPlaneClientOptions } from './control-plane/options.js'
import { RaiseForStatus } from './core/raise-for-status.js'
import * as responseDecodingModule from './operations/response-decoding.js'
import { installResponseDecoding } from './operations/response-decoding-loader.js'
import { fetchTransport } from './transport/fetch-transport.js'

export * from './index.js'

// The response decoders are part of this entry's startup, installed as it loads (its one top-level
// statement, kept by bundlers through package.json's `sideEffects`): browsers load them on demand, with
// the first call that needs them, but here `decode`, `decodeItem` and `parseTransactionVerifier` work
// without `prepare()`, as they always have (docs/architecture.md, "On demand").
installResponseDecoding(responseDecodingModule)

/** The options with this runtime's default transport when they choose none: bare `fetch` (a given one included). */
function withFetchDefault<Options extends ClientOptions | ControlPlaneClientOptions>(
  options: Options,
): Options {
  if (options.transport !== undefined) return options
  return { ...options, transport: fetchTransport(options.fetch) }
}

/**
 * The V3IO data-plane client: containers, objects, key-value items and streams over the web API.
 * Every call resolves to a {@link Response}; errors are typed (`HttpResponseError`, `ValidationError`, …).
 * In Deno and Bun its default transport is `fetchTransport()`; `transport` chooses another.
 *
 * @example
 * const client = new Client({ endpoint: 'http://127.0.0.1:8081', accessKey })
 * await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
 */
export class Client extends UniversalClient {
  constructor(options: ClientOptions = {}) {
    super(withFetchDefault(options))
  }
}

/**
 * The core of a V3IO client for the smallest bundles: settings and `execute(operation, options)`. In
 * Deno and Bun its default transport is `fetchTransport()`; `transport` chooses another.
 */
export class CoreClient extends UniversalCoreClient {
  constructor(options: ClientOptions = {}) {
    super(withFetchDefault(options))
  }
}

/** The control-plane client (see the universal `ControlPlaneClient`); in Deno and Bun its default transport is `fetchTransport()`. */
export class ControlPlaneClient extends UniversalControlPlaneClient {
  constructor(options: ControlPlaneClientOptions = {}) {
    super(withFetchDefault(options))
  }
}

/** The data-plane namespace, mirroring the Python SDK's `v3io.dataplane` (`dataplane.Client`). */
export const dataplane = { Client, RaiseForStatus } as const
/** The control-plane namespace (`controlplane.Client`): containers, access keys and sessions. */
export const controlplane = { Client: ControlPlaneClient, RaiseForStatus } as const
