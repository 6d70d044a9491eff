import type { Executor } from '../../core/executor.js'
import {
  describeStream,
  ValidationError,
  validateShardId,
  whenAborted,
} from '../reading-engine-dependencies.js'
import type { ShardRecord } from './shard-reader.js'
import { readShard } from './shard-reading.js'
import type { StreamRecordsOptions } from './stream-reader.js'

type Pending = Promise<{ index: number; result: IteratorResult<ShardRecord, void> }>

/** `streamRecords` (stream-reader.ts), loaded on demand with the reading engine. */
export async function* readStream(
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
      readShard(executor, { ...shared, shardId, after: after?.[shardId], signal: controller.signal }),
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
