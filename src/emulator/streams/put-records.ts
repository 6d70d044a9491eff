import { invalidArgument, invalidArgumentCode } from '../api-error.js'
import { type Handler, jsonResult, type RequestContext } from '../context.js'
import { xxHash32 } from '../hashing/xxhash32.js'
import { decodeStandardBase64 } from '../kv/base64.js'
import { utf8Length } from '../kv/unicode.js'
import type { FileNode } from '../storage/nodes.js'
import { member, optionalInteger, optionalString, parseRequestJson } from './request-json.js'
import { appendRecord, ensureShardNode, lastArrivalTime, purgeExpired } from './shard-log.js'
import { resolveStream, type StreamTarget } from './stream-address.js'
import { shardIdOutOfRangeCode } from './stream-errors.js'

/** Most records per request (ED-5). */
export const maxRecordsPerRequest = 1000
/** Largest decoded `Data` (ED-5). */
export const maxDataBytes = 1024 * 1024
/** Largest decoded `ClientInfo` (ED-41). */
export const maxClientInfoBytes = 128
/** Longest `PartitionKey`, in UTF-8 bytes. */
export const maxPartitionKeyBytes = 256

/** A request record that passed the structural checks (ED-41). */
interface RecordInput {
  readonly data: Uint8Array
  readonly clientInfo: Uint8Array | undefined
  readonly shardId: number | undefined
  readonly partitionKey: string | undefined
}

type Outcome = { readonly node: FileNode } | { readonly errorCode: number; readonly errorMessage: string }

function base64Member(json: Record<string, unknown>, name: string, label: string): Uint8Array | undefined {
  const text = optionalString(json, name, label)
  if (text === undefined) return undefined
  const bytes = decodeStandardBase64(text)
  if (!bytes) throw invalidArgument(`${label} is not valid base64`)
  return bytes
}

/** The records of the body; any structural problem fails the whole request (ED-41). */
function parseRecords(json: Record<string, unknown>): RecordInput[] {
  const records = member(json, 'Records')
  if (records === undefined) throw invalidArgument('Records is required')
  if (!Array.isArray(records)) throw invalidArgument('Records must be an array')
  if (records.length === 0 || records.length > maxRecordsPerRequest)
    throw invalidArgument(`Records must hold 1 to ${maxRecordsPerRequest} records, got ${records.length}`)
  return records.map((record: unknown, index) => {
    const at = `Records[${index}]`
    if (typeof record !== 'object' || record === null || Array.isArray(record))
      throw invalidArgument(`${at} must be an object`)
    const fields = record as Record<string, unknown>
    const data = base64Member(fields, 'Data', `${at}.Data`)
    if (!data) throw invalidArgument(`${at}.Data is required`)
    return {
      data,
      clientInfo: base64Member(fields, 'ClientInfo', `${at}.ClientInfo`),
      shardId: optionalInteger(fields, 'ShardId', `${at}.ShardId`),
      // An empty key counts as absent (ED-41).
      partitionKey: optionalString(fields, 'PartitionKey', `${at}.PartitionKey`) || undefined,
    }
  })
}

const invalidRecord = { errorCode: invalidArgumentCode, errorMessage: 'InvalidArgumentException' } as const
const shardOutOfRange = {
  errorCode: shardIdOutOfRangeCode,
  errorMessage: 'ShardIDOutOfRangeException',
} as const

/** Where one record goes, or why it fails; advances the round-robin counter only for records it places. */
function place(record: RecordInput, target: StreamTarget, context: RequestContext): Outcome {
  const { stream, directory } = target
  if (record.shardId !== undefined && (record.shardId < 0 || record.shardId >= stream.shardCount))
    return shardOutOfRange
  if (
    record.data.length > maxDataBytes ||
    (record.clientInfo?.length ?? 0) > maxClientInfoBytes ||
    (record.partitionKey !== undefined && utf8Length(record.partitionKey) > maxPartitionKeyBytes)
  )
    return invalidRecord
  const roundRobin = record.shardId === undefined && record.partitionKey === undefined
  const shardId =
    record.shardId ??
    (record.partitionKey !== undefined
      ? xxHash32(record.partitionKey) % stream.shardCount
      : stream.roundRobin % stream.shardCount)
  // A directory squatting on a shard name (made through the object API) leaves no room for the shard.
  const node = ensureShardNode(context.store, directory, shardId)
  if (!node) return invalidRecord
  if (roundRobin) stream.roundRobin++
  return { node }
}

/**
 * PutRecords (ED-41): validates the whole request, then places each record (explicit shard, partition-key
 * hash, or round-robin), purges expired records of the target shards (ED-43) and appends with one
 * arrival time. 200 with per-record results, also when records failed.
 */
export const putRecords: Handler = (context) => {
  const json = parseRequestJson(context.body)
  const target = resolveStream(context, json)
  const records = parseRecords(json)
  const outcomes = records.map((record) => place(record, target, context))
  const now = context.settings.clock()
  const shards = new Set<FileNode>()
  for (const outcome of outcomes) if ('node' in outcome) shards.add(outcome.node)
  // One arrival time per request, never earlier than a target shard's newest record (ED-41, ED-48).
  let arrivalTime = now
  for (const node of shards) {
    const shard = node.shard!
    purgeExpired(shard, target.stream, now)
    const last = lastArrivalTime(shard)
    if (last !== undefined && last > arrivalTime) arrivalTime = last
  }
  const results = outcomes.map((outcome, index) => {
    if (!('node' in outcome)) return { ErrorCode: outcome.errorCode, ErrorMessage: outcome.errorMessage }
    const record = records[index] as RecordInput
    const sequenceNumber = appendRecord(outcome.node.shard!, {
      arrivalTime,
      data: record.data,
      ...(record.clientInfo ? { clientInfo: record.clientInfo } : {}),
      ...(record.partitionKey !== undefined ? { partitionKey: record.partitionKey } : {}),
    })
    return { SequenceNumber: sequenceNumber, ShardId: Number(outcome.node.name) }
  })
  for (const node of shards) context.store.touch(node)
  const failed = outcomes.length - results.filter((result) => 'SequenceNumber' in result).length
  return jsonResult(200, { FailedRecordCount: failed, Records: results })
}
