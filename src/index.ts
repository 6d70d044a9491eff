/**
 * `v3io`: the TypeScript SDK of the Iguazio V3IO data layer (containers, objects, key-value items and
 * streams), for browsers, Node, Deno and a CDN `<script>` tag.
 *
 * @packageDocumentation
 */
import { Client } from './client/client.js'
import { RaiseForStatus } from './core/raise-for-status.js'

export type { CallOptions, ClientOptions } from './client/client.js'
export { Client } from './client/client.js'
export type { CredentialOptions } from './client/credentials.js'
export type { BodyInput } from './core/body.js'
export type {
  HttpMethod,
  Operation,
  RawResponse,
  RequestBody,
  RequestDescriptor,
  ResponseKind,
} from './core/descriptor.js'
export {
  ConfigurationError,
  DecodeError,
  type ErrorBody,
  HttpResponseError,
  NetworkError,
  RequestAbortedError,
  RequestTimeoutError,
  V3ioError,
  ValidationError,
} from './core/errors.js'
export { RaiseForStatus, type RaiseForStatusOption } from './core/raise-for-status.js'
export { Response } from './core/response.js'
export { kvOperations } from './operations/kv/index.js'
export type * from './operations/objects/index.js'
export { objectOperations } from './operations/objects/index.js'
export { streamOperations } from './operations/streams/index.js'
export { ConcurrencyGate } from './transport/concurrency-gate.js'
export { fetchTransport } from './transport/fetch-transport.js'
export type { RetryOptions } from './transport/retry-policy.js'
export type { Transport, TransportRequest } from './transport/transport.js'

/** The data-plane namespace, mirroring the Python SDK's `v3io.dataplane` (`dataplane.Client`). */
export const dataplane = { Client, RaiseForStatus } as const
