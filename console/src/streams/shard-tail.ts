import type { Client, SequenceNumber, ShardRecord } from 'v3io'

/**
 * Follows a shard live: every record after `after` (the shard's last sequence number when the user
 * started, so nothing written since is missed; from the start of an empty shard), until `signal` aborts.
 * Resolves on abort; rejects on any other failure.
 */
export async function tailShard(
  client: Pick<Client, 'shardRecords'>,
  shard: { container: string; path: string; after: SequenceNumber },
  onRecord: (record: ShardRecord) => void,
  signal: AbortSignal,
): Promise<void> {
  const start = BigInt(shard.after) > 0n ? { after: shard.after } : { seekType: 'EARLIEST' as const }
  try {
    for await (const record of client.shardRecords({
      container: shard.container,
      path: shard.path,
      ...start,
      pollInterval: 100,
      maxPollInterval: 500,
      signal,
    })) {
      onRecord(record)
    }
  } catch (error) {
    if (!signal.aborted) throw error
  }
}
