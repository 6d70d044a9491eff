import type { Executor } from '../../core/executor.js'
import { loadReadingEngine } from '../reading-engine-loader.js'
import type { SequenceNumber } from './sequence-numbers.js'
import type { RecordReaderOptions, ShardRecord } from './shard-reader.js'
import type { StreamAddress } from './stream-paths.js'

/** Options of {@link streamRecords}. */
export interface StreamRecordsOptions extends StreamAddress, RecordReaderOptions {
  /** The shards to read. Default: all of them (`describeStream` tells how many there are). */
  shards?: readonly number[]
  /**
   * Per-shard resume points, `{ [shardId]: last processed sequence number }`: those shards continue right
   * after it; the others start at `seekType`.
   */
  after?: Readonly<Record<number, SequenceNumber>>
}

/**
 * Reads all shards of a stream concurrently (one {@link shardRecords} reader per shard, through the
 * client and its connection limit), yielding records tagged with their `shardId` as they arrive. Order is
 * kept within a shard only. Ends when `signal` aborts (without an error), when the consumer stops, or —
 * with `follow: false` — once every shard has been read to its end. An error of one shard stops all.
 *
 * @example
 * for await (const record of client.streamRecords({ container: 'users', path: '/my-stream', signal }))
 *   console.log(record.shardId, record.sequenceNumber, new TextDecoder().decode(record.data))
 */
export async function* streamRecords(
  executor: Executor,
  options: StreamRecordsOptions,
): AsyncGenerator<ShardRecord, void, undefined> {
  // Loaded on demand, like shardRecords (shard-reader.ts).
  yield* (await loadReadingEngine()).readStream(executor, options)
}
