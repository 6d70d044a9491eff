/**
 * `v3io`: the TypeScript SDK of the Iguazio V3IO data layer (containers, objects, key-value items and
 * streams), for browsers, Node, Deno and a CDN `<script>` tag.
 *
 * @packageDocumentation
 */
import { Client } from './client/client.js'
import { RaiseForStatus } from './core/raise-for-status.js'

// Exports are kept in path order (Biome sorts them): batching, client, core, key-value, objects, streams, transport.
export { Batch, type WaitOptions } from './batch/batch.js'
export type { BatchCallOptions, BatchCompositeMethods, BatchOperationMethods } from './batch/batch-methods.js'
export { BatchError, type BatchFailure, Responses } from './batch/responses.js'
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
  ResponseTooLargeError,
  V3ioError,
  ValidationError,
} from './core/errors.js'
export { RaiseForStatus, type RaiseForStatusOption } from './core/raise-for-status.js'
export { Response } from './core/response.js'
export { decodeAttributeValue, decodeItem } from './operations/kv/attribute-decoding.js'
export { encodeAttributes, encodeAttributeValue } from './operations/kv/attribute-encoding.js'
export { double, int64, TypedAttribute, UnknownAttributeValue } from './operations/kv/attribute-values.js'
export { isConditionFailed, isItemExists, isNotFound } from './operations/kv/error-predicates.js'
export {
  AttributeName,
  attr,
  Expression,
  expr,
  formatAttributeName,
  formatLiteral,
  inList,
  LiteralList,
} from './operations/kv/expression-builder.js'
export type * from './operations/kv/index.js'
export { kvComposites, kvHelpers, kvOperations } from './operations/kv/index.js'
export { ItemsCursor } from './operations/kv/items-cursor.js'
export { PutItemsError } from './operations/kv/put-items.js'
export { Timestamp } from './operations/kv/timestamp.js'
export { parseTransactionVerifier } from './operations/kv/transaction-verifier.js'
export { updateItemRequest } from './operations/kv/update-item.js'
export { UpdateMode } from './operations/kv/update-mode.js'
export type * from './operations/objects/index.js'
export { objectOperations } from './operations/objects/index.js'
export type * from './operations/streams/index.js'
export { streamComposites, streamHelpers, streamOperations } from './operations/streams/index.js'
export {
  isIllegalLocationError,
  isStreamNotFoundError,
  streamExceptionName,
} from './operations/streams/stream-errors.js'
export type { ReleaseSlot } from './transport/concurrency-gate.js'
export { ConcurrencyGate } from './transport/concurrency-gate.js'
export { fetchTransport } from './transport/fetch-transport.js'
export type { ClientHooks, ObservedRequest, ObservedResponse } from './transport/hooks.js'
export { kyTransport } from './transport/ky-transport.js'
export type { RetryOptions } from './transport/retry-policy.js'
export type { Transport, TransportRequest } from './transport/transport.js'

/** The data-plane namespace, mirroring the Python SDK's `v3io.dataplane` (`dataplane.Client`). */
export const dataplane = { Client, RaiseForStatus } as const
