/**
 * `v3io` as Node resolves it (the `node` condition of the package's `exports`; Deno and Bun match their
 * own conditions first and get `index.ts`): the same SDK, whose `Client` defaults to
 * `nodeHttpTransport()`, keep-alive `node:http`/`node:https` connections, instead of `fetch`. Browsers,
 * workers and bundlers for them never resolve this file, so they never see a Node module.
 *
 * @packageDocumentation
 */
import { Client as UniversalClient } from './client/client.js'
import { type ClientOptions, CoreClient as UniversalCoreClient } from './client/core-client.js'
import { ControlPlaneClient as UniversalControlPlaneClient } from './control-plane/client.js'
import type { ControlPlaneClientOptions } from './control-plane/options.js'
import { RaiseForStatus } from './core/raise-for-status.js'
import { type NodeHttpTransport, nodeHttpTransport } from './node/http-transport.js'
import * as responseDecodingModule from './operations/response-decoding.js'
import { installResponseDecoding } from './operations/response-decoding-loader.js'
import { fetchTransportWith } from './transport/fetch-transport.js'
import { kyTransportWith } from './transport/ky-transport.js'
import { nodeHeadRequest } from './transport/node-head-request.js'
import type { Transport } from './transport/transport.js'

export * from './index.js'

// The response decoders are part of this entry's startup, installed as it loads (its one top-level
// statement, kept by bundlers through package.json's `sideEffects`): browsers load them on demand, with
// the first call that needs them, but here `decode`, `decodeItem` and `parseTransactionVerifier` work
// without `prepare()`, as they always have (docs/architecture.md, "On demand").
installResponseDecoding(responseDecodingModule)

// One pool of keep-alive connections for every client left on the default: sockets are shared rather
// than opened per client, and each client still keeps to its own maxConnections.
let sharedTransport: NodeHttpTransport | undefined

/** The options with Node's default transport when they choose none (neither `transport` nor `fetch`). */
function withNodeDefault<Options extends ClientOptions | ControlPlaneClientOptions>(
  options: Options,
): Options {
  if (options.transport !== undefined || options.fetch !== undefined) return options
  sharedTransport ??= nodeHttpTransport()
  return { ...options, transport: sharedTransport }
}

/**
 * The V3IO data-plane client: containers, objects, key-value items and streams over the web API.
 * Every call resolves to a {@link Response}; errors are typed (`HttpResponseError`, `ValidationError`, …).
 * In Node its default transport is `nodeHttpTransport()`; `fetch` or `transport` choose another.
 *
 * @example
 * const client = new Client({ endpoint: 'http://127.0.0.1:8081', accessKey })
 * await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
 */
export class Client extends UniversalClient {
  constructor(options: ClientOptions = {}) {
    super(withNodeDefault(options))
  }
}

/**
 * The core of a V3IO client for the smallest bundles: settings and `execute(operation, options)`. In
 * Node its default transport is `nodeHttpTransport()`; `fetch` or `transport` choose another.
 */
export class CoreClient extends UniversalCoreClient {
  constructor(options: ClientOptions = {}) {
    super(withNodeDefault(options))
  }
}

/**
 * A transport calling `fetch` directly, without ky (see the universal `fetchTransport`). In Node, HEAD
 * requests go through `node:http` with a keep-alive agent unless a `fetchImplementation` is given:
 * Node's `fetch` closes the connection after every HEAD request.
 *
 * @param fetchImplementation A `fetch` to use instead of the global one.
 */
export function fetchTransport(fetchImplementation?: typeof fetch): Transport {
  return fetchTransportWith(fetchImplementation, fetchImplementation ? undefined : nodeHeadRequest())
}

/**
 * `fetch` through ky (see the universal `kyTransport`). In Node, HEAD requests go through `node:http`
 * with a keep-alive agent unless a `fetchImplementation` is given, as for {@link fetchTransport}.
 *
 * @param fetchImplementation A `fetch` to use instead of the global one.
 */
export function kyTransport(fetchImplementation?: typeof fetch): Transport {
  return kyTransportWith(fetchImplementation, fetchImplementation ? undefined : nodeHeadRequest())
}

/**
 * The control-plane client (see the universal `ControlPlaneClient`); in Node its default transport is
 * `nodeHttpTransport()`, the one pool of the data-plane clients.
 */
export class ControlPlaneClient extends UniversalControlPlaneClient {
  constructor(options: ControlPlaneClientOptions = {}) {
    super(withNodeDefault(options))
  }
}

/** The data-plane namespace, mirroring the Python SDK's `v3io.dataplane` (`dataplane.Client`). */
export const dataplane = { Client, RaiseForStatus } as const
/** The control-plane namespace (`controlplane.Client`): containers, access keys and sessions. */
export const controlplane = { Client: ControlPlaneClient, RaiseForStatus } as const
