import { consumerGroup } from './consumer-group/consumer-group.js'
import { createStream } from './create-stream.js'
import { deleteStream } from './delete-stream.js'
import { describeStream } from './describe-stream.js'
import { getRecords } from './get-records.js'
import { putRecords } from './put-records.js'
import { seekShard } from './seek-shard.js'
import { shardRecords } from './shard-reader.js'
import { streamRecords } from './stream-reader.js'
import { updateStream } from './update-stream.js'

// Each one by name too, for the modular style (`core.execute(getItem, …)`): importing one bundles only it.
export {
  createStream,
  deleteStream,
  describeStream,
  getRecords,
  putRecords,
  seekShard,
  shardRecords,
  streamRecords,
  updateStream,
}

/** Stream operations; each becomes a method of `Client` and of its batches. */
export const streamOperations = {
  /**
   * Creates a stream: a directory with `shardCount` shards (default 1) keeping records at least
   * `retentionPeriodHours` (default 24). An existing path answers 409 `ResourceInUseException`.
   * @example await client.createStream({ container: 'users', path: '/my-test-stream', shardCount: 8 })
   */
  createStream,
  /**
   * Reads a stream's `output.shardCount` and `output.retentionPeriodHours`; 404 when there is no stream
   * (the usual existence check).
   */
  describeStream,
  /** Grows a stream to `shardCount` shards (counts never shrink); the new shards accept records at once. */
  updateStream,
  /**
   * Writes 1 … 1000 records (`data` as text or bytes; optional `shardId`, `partitionKey`, `clientInfo`).
   * Answers 200 even if some records failed: check `output.failedRecordCount` and each entry of
   * `output.records` (`sequenceNumber`/`shardId`, or `errorCode`/`errorMessage`), in input order.
   * @example await client.putRecords({ container: 'users', path: '/my-test-stream', records: [{ shardId: 1, data: 'hello' }] })
   */
  putRecords,
  /**
   * Finds where to read a shard: `seekType` `EARLIEST`, `LATEST`, `SEQUENCE` (+ `startingSequenceNumber`)
   * or `TIME` (+ `timestamp`). `path` names the shard (`/my-test-stream/1`), or give the stream's path and
   * `shardId`. Resolves to `output.location` for `getRecords`.
   */
  seekShard,
  /**
   * Reads records from a `location` (`limit` at most): `output.records` (`data` bytes, `sequenceNumber`,
   * `arrivalTime`, `clientInfo`, `partitionKey`), `output.nextLocation` to continue from, and the lag
   * (`recordsBehindLatest` is 0 once everything has been read).
   */
  getRecords,
} as const

/** Stream composites (several requests, one `Response`); methods of `Client` and of its batches. */
export const streamComposites = {
  /**
   * Deletes a stream: its shards, any other files in it (consumer-group state), then its directory.
   * Pass `raiseForStatus: [200, 204, 404]` to accept a stream that does not exist.
   */
  deleteStream,
} as const

/** Stream helpers (shard readers); methods of `Client` only. */
export const streamHelpers = {
  /**
   * Reads one shard as an async iterator: seeks, follows `nextLocation`, waits for new records at the
   * end, stops cleanly on `signal`; `after: n` resumes right after a saved sequence number.
   * @example for await (const record of client.shardRecords({ container, path: '/my-stream/0', signal })) …
   */
  shardRecords,
  /**
   * Reads every shard of a stream concurrently as one async iterator of records tagged with `shardId`;
   * `after: { [shardId]: n }` resumes shards after saved sequence numbers.
   */
  streamRecords,
  /**
   * A consumer group of a stream, state byte-compatible with the Go SDK's (Nuclio): `join({ memberName })`
   * claims a shard group; the member's `records()` resumes after the group's commits, `mark(record)` and
   * `commit()`/`close()` commit progress; `state()`, `committedSequenceNumber(shardId)` and `lag()` inspect.
   * @example const member = await client.consumerGroup({ container, path: '/my-stream', name: 'analytics', maxReplicas: 2 }).join({ memberName: 'worker-a' })
   */
  consumerGroup,
} as const

export type * from './create-stream.js'
export type * from './delete-stream.js'
export type * from './describe-stream.js'
export type * from './get-records.js'
export type * from './put-records.js'
export type { RecordBytesInput } from './record-bytes.js'
export type * from './seek-shard.js'
export type { SequenceNumber } from './sequence-numbers.js'
export type * from './shard-reader.js'
export type { ShardAddress, StreamAddress } from './stream-paths.js'
export type * from './stream-reader.js'
export type * from './update-stream.js'
