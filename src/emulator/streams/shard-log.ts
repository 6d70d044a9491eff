import type { DirectoryNode, FileNode, ShardState, StreamRecord, StreamState } from '../storage/nodes.js'
import type { Store } from '../storage/store.js'

const shardName = /^(?:0|[1-9][0-9]*)$/
const nanosecondsPerHour = 3_600_000_000_000n

/** Whether a name is a shard id: `0` or a decimal number without leading zeros (ED-40). */
export function isShardName(name: string | undefined): name is string {
  return name !== undefined && shardName.test(name)
}

/** The state of a shard object that holds no record yet (`__last_sequence_num` 0). */
export function newShardState(): ShardState {
  return { records: [], lastSequenceNumber: 0, retainedBytes: 0 }
}

/** The shard's state, or `undefined` while the shard object does not exist (it reads as empty). */
export function findShard(stream: DirectoryNode, shardId: number): ShardState | undefined {
  const node = stream.children.get(String(shardId))
  return node?.kind === 'file' ? node.shard : undefined
}

/**
 * The shard object of `shardId`, created (empty) if missing — by its first record, or by an attribute
 * write (ED-40). `undefined` when a directory occupies the name and no shard can live there.
 */
export function ensureShardNode(store: Store, stream: DirectoryNode, shardId: number): FileNode | undefined {
  const name = String(shardId)
  const existing = stream.children.get(name)
  if (existing?.kind === 'directory') return undefined
  const node = existing ?? store.createFile(stream, name)
  node.shard ??= newShardState()
  return node
}

/** Sequence number of the oldest retained record, or of the next record to be written when none is. */
export function firstPosition(shard: ShardState | undefined): number {
  return shard?.records[0]?.sequenceNumber ?? endPosition(shard)
}

/** The end of the shard: the sequence number the next record will get. */
export function endPosition(shard: ShardState | undefined): number {
  return (shard?.lastSequenceNumber ?? 0) + 1
}

/** Index in `shard.records` of the record numbered `sequenceNumber`, or -1 (records are consecutive). */
export function recordIndex(shard: ShardState | undefined, sequenceNumber: number): number {
  const first = shard?.records[0]
  if (!shard || !first) return -1
  const index = sequenceNumber - first.sequenceNumber
  return index >= 0 && index < shard.records.length ? index : -1
}

/** Removes the records older than the retention period before `now` (ED-43: purge on write). */
export function purgeExpired(shard: ShardState, stream: StreamState, now: bigint): void {
  const cutoff = now - BigInt(stream.retentionPeriodHours) * nanosecondsPerHour
  let expired = 0
  // Arrival times never decrease within a shard, so the expired records are a prefix.
  while (expired < shard.records.length && (shard.records[expired] as StreamRecord).arrivalTime < cutoff) {
    shard.retainedBytes -= (shard.records[expired] as StreamRecord).data.length
    expired++
  }
  if (expired > 0) shard.records.splice(0, expired)
}

/** The arrival time of the shard's newest retained record, if any. */
export function lastArrivalTime(shard: ShardState): bigint | undefined {
  return shard.records.at(-1)?.arrivalTime
}

/** Appends a record with the shard's next sequence number, which it returns. */
export function appendRecord(shard: ShardState, record: Omit<StreamRecord, 'sequenceNumber'>): number {
  const sequenceNumber = shard.lastSequenceNumber + 1
  shard.records.push({ ...record, sequenceNumber })
  shard.lastSequenceNumber = sequenceNumber
  shard.retainedBytes += record.data.length
  return sequenceNumber
}
