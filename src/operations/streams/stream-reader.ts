import { whenAborted } from '../../core/abort-signals.js'
import { ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { describeStream } from './describe-stream.js'
import type { SequenceNumber } from './sequence-numbers.js'
import { type RecordReaderOptions, type ShardRecord, shardRecords } from './shard-reader.js'
import { type StreamAddress, validateShardId } from './stream-paths.js'

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

type Pending = Promise<{ index: number; result: IteratorResult<ShardRecord, void> }>

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
  const { shards, after, signal, ...shared } = options
  if ((options.seekType as string) === 'SEQUENCE')
    throw new ValidationError('seekType', 'SEQUENCE needs a number per shard: give `after` instead')
  if (shards !== undefined && !Array.isArray(shards))
    throw new ValidationError('shards', 'must be an array of shard ids')
  for (const [index, id] of (shards ?? []).entries()) validateShardId(id, `shards[${index}]`)
  // One controller stops every shard reader, whether the caller aborts or the iteration ends.
  const controller = new AbortController()
  if (signal?.aborted) return
  const stopListening = whenAborted(signal, (reason) => controller.abort(reason))
  const pending = new Map<number, Pending>()
  try {
    let ids = shards
    if (ids === undefined) {
      const { output } = await executor.execute(describeStream, {
        container: options.container,
        path: options.path,
        accessKey: options.accessKey,
        timeout: options.timeout,
        signal: controller.signal,
        raiseForStatus: 'always',
      })
      ids = Array.from({ length: output.shardCount }, (_, id) => id)
    }
    const readers = ids.map((shardId) =>
      shardRecords(executor, { ...shared, shardId, after: after?.[shardId], signal: controller.signal }),
    )
    const pull = (index: number) =>
      pending.set(
        index,
        (readers[index] as AsyncGenerator<ShardRecord, void>).next().then((result) => ({ index, result })),
      )
    for (const index of readers.keys()) pull(index)
    while (pending.size > 0) {
      const { index, result } = await Promise.race(pending.values())
      pending.delete(index)
      if (result.done) continue
      pull(index)
      yield result.value
    }
  } catch (error) {
    if (signal?.aborted) return
    throw error
  } finally {
    controller.abort()
    stopListening()
    // The readers end promptly once aborted; waiting for them leaves no request or timer behind.
    await Promise.allSettled(pending.values())
  }
}
