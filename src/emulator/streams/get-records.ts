import { invalidArgument } from '../api-error.js'
import { type Handler, jsonResult } from '../context.js'
import type { ShardState, StreamRecord } from '../storage/nodes.js'
import { decodeLocation, encodeLocation } from './location-token.js'
import { member, optionalInteger, parseRequestJson } from './request-json.js'
import { endPosition, findShard, firstPosition, recordIndex } from './shard-log.js'
import { resolveShard, type ShardTarget } from './stream-address.js'
import { illegalLocation } from './stream-errors.js'

/** Records per response when `Limit` is absent or 0 (ED-43). */
export const defaultLimit = 1000
/** Most decoded `Data` bytes per response (ED-43). */
export const maxResponseDataBytes = 10 * 1024 * 1024

const nanosecondsPerMillisecond = 1_000_000n
const nanosecondsPerSecond = 1_000_000_000n

/** The position a location names in the addressed shard, or 400 `IllegalLocationException` (ED-6, ED-44). */
function position(token: string, target: ShardTarget, shard: ShardState | undefined): number {
  const decoded = decodeLocation(token)
  if (decoded === undefined) throw illegalLocation()
  if (decoded === 'oldest') return firstPosition(shard)
  if (decoded.shardId !== target.shardId || decoded.incarnation !== target.stream.incarnation)
    throw illegalLocation()
  // Before the oldest retained record (purged) or past the end: nothing valid is there.
  if (decoded.sequenceNumber < firstPosition(shard) || decoded.sequenceNumber > endPosition(shard))
    throw illegalLocation()
  return decoded.sequenceNumber
}

// Buffer's encoder is native: a 10 MiB page encodes in milliseconds rather than seconds.
const base64 = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')

function recordJson(record: StreamRecord): Record<string, unknown> {
  const json: Record<string, unknown> = {
    ArrivalTimeSec: Number(record.arrivalTime / nanosecondsPerSecond),
    ArrivalTimeNSec: Number(record.arrivalTime % nanosecondsPerSecond),
    SequenceNumber: record.sequenceNumber,
  }
  if (record.clientInfo) json.ClientInfo = base64(record.clientInfo)
  if (record.partitionKey !== undefined) json.PartitionKey = record.partitionKey
  json.Data = base64(record.data)
  return json
}

/**
 * GetRecords (ED-43): up to `Limit` records from the location, at least one when any is available and no
 * more than 10 MiB of data; `NextLocation` after the last one returned; lag relative to the newest record.
 */
export const getRecords: Handler = (context) => {
  const json = parseRequestJson(context.body)
  const target = resolveShard(context, json)
  const location = member(json, 'Location')
  if (location === undefined) throw invalidArgument('Location is required')
  if (typeof location !== 'string') throw invalidArgument('Location must be a string')
  const limit = optionalInteger(json, 'Limit')
  if (limit !== undefined && limit < 0) throw invalidArgument('Limit must not be negative')
  const shard = findShard(target.directory, target.shardId)
  const start = position(location, target, shard)

  const returned: StreamRecord[] = []
  let index = recordIndex(shard, start)
  let bytes = 0
  while (shard && index >= 0 && index < shard.records.length && returned.length < (limit || defaultLimit)) {
    const record = shard.records[index] as StreamRecord
    if (returned.length > 0 && bytes + record.data.length > maxResponseDataBytes) break
    bytes += record.data.length
    returned.push(record)
    index++
  }
  const lastReturned = returned.at(-1)
  const newest = shard?.records.at(-1)
  const behind = lastReturned && shard ? shard.lastSequenceNumber - lastReturned.sequenceNumber : 0
  const msecBehind =
    lastReturned && newest
      ? Number((newest.arrivalTime - lastReturned.arrivalTime) / nanosecondsPerMillisecond)
      : 0
  const next = lastReturned ? lastReturned.sequenceNumber + 1 : start
  return jsonResult(200, {
    NextLocation: encodeLocation({
      shardId: target.shardId,
      incarnation: target.stream.incarnation,
      sequenceNumber: next,
    }),
    MSecBehindLatest: msecBehind,
    RecordsBehindLatest: behind,
    Records: returned.map(recordJson),
  })
}
