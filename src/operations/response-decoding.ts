/**
 * The response decoders, loaded on demand in browsers (response-decoding-loader.ts: by the `prepare` of
 * the operations that use them, in parallel with their request; `v3io.response-decoding.js` beside the
 * CDN script) and installed at startup by the Node, Deno and Bun entries: lossless JSON, typed values,
 * array blobs, base64, the transaction verifier, and the answers of GetItem, GetItems, PutRecords,
 * GetRecords, SeekShard, DescribeStream and GetClusterMD. It must import no module that the rest of the
 * SDK imports (only types, and modules that only it imports): what it needs of the SDK comes through
 * response-decoding-dependencies.ts. `v3io` does not export it.
 */
import type { RawResponse, RequestDescriptor } from '../core/descriptor.js'
import { decodeJsonBody } from './json-body-decoding.js'
import type { GetClusterMetadataOutput } from './objects/get-cluster-metadata.js'
import { decodeError, requireField, safeIntegerText } from './response-decoding-dependencies.js'
import type { DescribeStreamOutput } from './streams/describe-stream.js'
import type { SeekShardOutput } from './streams/seek-shard.js'

export { decodeAttributeValue, decodeItem } from './kv/attribute-value-decoding.js'
export { decodeGetItem, decodeGetItems, parseTransactionVerifier } from './kv/item-answer-decoding.js'
export { provideDependencies } from './response-decoding-dependencies.js'
export { decodeGetRecords, decodePutRecords } from './streams/record-answer-decoding.js'

/** SeekShard's answer: the location to read from. */
export function decodeSeekShard(response: RawResponse, descriptor: RequestDescriptor): SeekShardOutput {
  const json = decodeJsonBody(response, descriptor)
  const location = requireField(json.Location, 'Location', response, descriptor)
  if (typeof location !== 'string') throw decodeError(response, descriptor, 'Location is not a string')
  return { location }
}

/** DescribeStream's answer: the shard count and the retention. */
export function decodeDescribeStream(
  response: RawResponse,
  descriptor: RequestDescriptor,
): DescribeStreamOutput {
  const json = decodeJsonBody(response, descriptor)
  const number = (field: string) =>
    safeIntegerText(requireField(json[field], field, response, descriptor), field, response, descriptor)
  return { shardCount: number('ShardCount'), retentionPeriodHours: number('RetentionPeriodHours') }
}

/** GetClusterMD's answer: the number of virtual nodes, at least 1. */
export function decodeGetClusterMetadata(
  response: RawResponse,
  descriptor: RequestDescriptor,
): GetClusterMetadataOutput {
  const json = decodeJsonBody(response, descriptor)
  const text = requireField(json.NumberOfVNs, 'NumberOfVNs', response, descriptor)
  const numberOfVNs = safeIntegerText(text, 'NumberOfVNs', response, descriptor)
  // A scan cannot have fewer than one segment; an answer saying so is not usable.
  if (numberOfVNs < 1) throw decodeError(response, descriptor, `NumberOfVNs must be ≥ 1: ${numberOfVNs}`)
  return { numberOfVNs }
}
