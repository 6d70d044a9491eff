/**
 * The data plane of `v3io` (containers, objects, key-value items and streams): everything `index.ts`
 * exports but the control plane and the two namespaces. The CDN's global `v3io` is this module alone, since the control plane
 * does not fit the CDN script's budget (docs/control-plane.md, "Browsers and the CDN").
 *
 * @packageDocumentation
 */
// Exports are kept in path order (Biome sorts them): batching, client, core, key-value, objects, streams, transport.
export { Batch, type WaitOptions } from './batch/batch.js'
export type {
  BatchCallOptions,
  BatchCompositeMethods,
  BatchOperationMethods,
  WithoutRaiseForStatus,
} from './batch/batch-methods.js'
export { BatchError, type BatchFailure, Responses } from './batch/responses.js'
export { Client } from './client/client.js'
export { type CallOptions, type ClientOptions, CoreClient } from './client/core-client.js'
export type { CredentialOptions } from './client/credentials.js'
export type { BodyInput } from './core/body.js'
export type { HttpMethod, Operation, RawResponse, RequestBody, RequestDescriptor } from './core/descriptor.js'
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
export type { Executor } from './core/executor.js'
export { RaiseForStatus, type RaiseForStatusOption } from './core/raise-for-status.js'
export { type RequestSummary, Response } from './core/response.js'
export type { StreamBodyInput } from './core/stream-body.js'
export { sdkVersion } from './core/version.js'
export {
  AttributeDecodingError,
  decodeAttributeValue,
  decodeItem,
} from './operations/kv/attribute-decoding.js'
export {
  encodeAttributes,
  encodeAttributeValue,
  type WireAttributes,
  type WireValue,
} from './operations/kv/attribute-encoding.js'
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
export {
  createSchema,
  deleteItem,
  deleteTable,
  getItem,
  getItems,
  kvComposites,
  kvHelpers,
  kvOperations,
  newItemsCursor,
  newParallelItemsCursor,
  putItem,
  putItems,
  updateItem,
} from './operations/kv/index.js'
export { ItemsCursor } from './operations/kv/items-cursor.js'
export { PutItemsError } from './operations/kv/put-items.js'
export { Timestamp } from './operations/kv/timestamp.js'
export { parseTransactionVerifier } from './operations/kv/transaction-verifier.js'
export { updateItemRequest } from './operations/kv/update-item.js'
export { UpdateMode } from './operations/kv/update-mode.js'
export type * from './operations/objects/index.js'
export {
  containerContentsPages,
  createDirectory,
  deleteObject,
  getClusterMetadata,
  getContainerContents,
  getContainers,
  getObject,
  headContainer,
  headObject,
  objectHelpers,
  objectOperations,
  putObject,
} from './operations/objects/index.js'
export {
  ConsumerGroup,
  consumerGroup,
  type GroupSession,
  type GroupStateView,
  type JoinOptions,
  type ShardLag,
} from './operations/streams/consumer-group/consumer-group.js'
export {
  CommitError,
  ConsumerGroupError,
  SessionLostError,
  StateFormatError,
} from './operations/streams/consumer-group/errors.js'
export type { ConsumerGroupOptions } from './operations/streams/consumer-group/group-options.js'
export {
  formatGroupState,
  type GroupState,
  parseGroupState,
  type SessionState,
} from './operations/streams/consumer-group/group-state.js'
export { ConsumerGroupMember } from './operations/streams/consumer-group/member.js'
export { replicaShardGroups } from './operations/streams/consumer-group/shard-assignment.js'
export type * from './operations/streams/index.js'
export {
  createStream,
  deleteStream,
  describeStream,
  getRecords,
  putRecords,
  seekShard,
  shardRecords,
  streamComposites,
  streamHelpers,
  streamOperations,
  streamRecords,
  updateStream,
} from './operations/streams/index.js'
export {
  isIllegalLocationError,
  isStreamNotFoundError,
  streamExceptionName,
} from './operations/streams/stream-errors.js'
export { fetchTransport } from './transport/fetch-transport.js'
export type { ClientHooks, ObservedRequest, ObservedResponse } from './transport/hooks.js'
export { kyTransport } from './transport/ky-transport.js'
export type { BodyAbort, ProgressCallback, Transfer, TransferProgress } from './transport/progress.js'
export type { ExchangeLog, Logger } from './transport/request-log.js'
export type { RetryOptions } from './transport/retry-policy.js'
export type { Transport, TransportRequest } from './transport/transport.js'
