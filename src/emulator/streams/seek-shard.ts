import { invalidArgument } from '../api-error.js'
import { type Handler, jsonResult } from '../context.js'
import type { ShardState } from '../storage/nodes.js'
import { encodeLocation } from './location-token.js'
import { member, parseRequestJson } from './request-json.js'
import { endPosition, findShard, firstPosition, recordIndex } from './shard-log.js'
import { resolveShard } from './stream-address.js'

const seekTypes = new Set(['EARLIEST', 'LATEST', 'SEQUENCE', 'TIME'])

/** A required integer member of a seek, under any of its accepted spellings; absent or `null` → 400 (ED-42). */
function requiredInteger(json: Record<string, unknown>, names: readonly string[]): number {
  const name = names.find((candidate) => member(json, candidate) !== undefined)
  const value = name === undefined ? undefined : member(json, name)
  if (value === undefined) throw invalidArgument(`${names[0]} is required`)
  if (typeof value !== 'number' || !Number.isInteger(value))
    throw invalidArgument(`${name} must be an integer`)
  return value
}

/** The sequence number a SEQUENCE seek lands on: that record, or the end for the next number (ED-42). */
function sequencePosition(shard: ShardState | undefined, sequenceNumber: number): number {
  if (recordIndex(shard, sequenceNumber) >= 0) return sequenceNumber
  if (sequenceNumber === endPosition(shard)) return sequenceNumber
  throw invalidArgument(`sequence number ${sequenceNumber} is not in the shard`)
}

/** The first retained record that arrived at or after `time`, else the end (ED-42). */
function timePosition(shard: ShardState | undefined, time: bigint): number {
  const found = shard?.records.find((record) => record.arrivalTime >= time)
  return found?.sequenceNumber ?? endPosition(shard)
}

/** SeekShard (alias Seek): 200 `{"Location":"…"}` for EARLIEST, LATEST, SEQUENCE or TIME (ED-42). */
export const seekShard: Handler = (context) => {
  const json = parseRequestJson(context.body)
  const target = resolveShard(context, json)
  const type = member(json, 'Type')
  if (type === undefined) throw invalidArgument('Type is required')
  if (typeof type !== 'string' || !seekTypes.has(type))
    throw invalidArgument('Type must be EARLIEST, LATEST, SEQUENCE or TIME')
  const shard = findShard(target.directory, target.shardId)
  let sequenceNumber: number
  if (type === 'EARLIEST') sequenceNumber = firstPosition(shard)
  else if (type === 'LATEST') sequenceNumber = endPosition(shard)
  else if (type === 'SEQUENCE')
    sequenceNumber = sequencePosition(
      shard,
      requiredInteger(json, ['StartingSequenceNumber', 'StartSequenceNumber']),
    )
  else {
    const seconds = requiredInteger(json, ['TimestampSec', 'TimeStampSec'])
    const nanoseconds = requiredInteger(json, ['TimestampNSec', 'TimeStampNSec'])
    sequenceNumber = timePosition(shard, BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds))
  }
  const location = encodeLocation({
    shardId: target.shardId,
    incarnation: target.stream.incarnation,
    sequenceNumber,
  })
  return jsonResult(200, { Location: location })
}
