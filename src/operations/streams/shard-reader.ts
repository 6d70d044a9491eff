import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import { loadReadingEngine } from '../reading-engine-loader.js'
import type { StreamRecord } from './get-records.js'
import type { SeekShardOptions } from './seek-shard.js'
import type { SequenceNumber } from './sequence-numbers.js'
import type { ShardAddress } from './stream-paths.js'

/** A record with the id of the shard it was read from. */
export interface ShardRecord extends StreamRecord {
  /** The shard the record was read from. */
  shardId: number
}

/** How a reader polls and where it starts; shared by {@link shardRecords} and the stream reader. */
export interface RecordReaderOptions extends Pick<CallOptions, 'accessKey' | 'timeout'> {
  /** Where to start when `after` is not given. Default `EARLIEST`. */
  seekType?: SeekShardOptions['seekType']
  /** For `TIME` seeks: read records that arrived at or after this time. */
  timestamp?: SeekShardOptions['timestamp']
  /** Records per `getRecords` call (≥ 1). Default: the server's (1000). */
  limit?: number
  /**
   * Keep waiting for new records at the end of the shard (default `true`). With `false` the iteration
   * ends once everything written so far has been read.
   */
  follow?: boolean
  /** Milliseconds to wait after an empty read before asking again; doubles while the shard stays idle. Default 250. */
  pollInterval?: number
  /** Upper bound of the idle wait, in milliseconds. Default 2000. */
  maxPollInterval?: number
  /**
   * After `IllegalLocationException` (e.g. retention purged the records the location pointed to), seek
   * again instead of failing: after the last record delivered, or from the start if none was. Default `true`.
   */
  recoverIllegalLocation?: boolean
  /** Stops the reader: the iteration simply ends (no error is thrown), also in the middle of a wait or request. */
  signal?: AbortSignal
}

/** Options of {@link shardRecords}. */
export interface ShardRecordsOptions extends ShardAddress, RecordReaderOptions {
  /** For `SEQUENCE` seeks: the first sequence number to read. */
  startingSequenceNumber?: SequenceNumber
  /**
   * Resume after this sequence number (the last record processed before a restart): reading starts with
   * the first record that follows it, whatever `seekType` says.
   */
  after?: SequenceNumber
}

/**
 * Reads one shard as an async iterator of records: seeks, then follows `nextLocation`, waiting with
 * back-off at the end of the shard for records written later. Ends when `signal` aborts (without an
 * error), when the consumer stops iterating, or — with `follow: false` — at the end of the shard.
 *
 * To resume exactly after a saved sequence number `n`, pass `after: n`: the reader seeks `SEQUENCE n+1`;
 * if the platform refuses that number (it is the next one to be written, or numbers are not consecutive),
 * it seeks `SEQUENCE n`, then `EARLIEST`, skipping records up to `n` in every case.
 *
 * @example
 * for await (const record of client.shardRecords({ container: 'users', path: '/my-stream/1', signal })) …
 */
export async function* shardRecords(
  executor: Executor,
  options: ShardRecordsOptions,
): AsyncGenerator<ShardRecord, void, undefined> {
  // The reader itself is loaded on demand (reading-engine-loader.ts); an async generator starts nothing
  // before its first `next()`, so loading first changes nothing a caller sees.
  yield* (await loadReadingEngine()).readShard(executor, options)
}
