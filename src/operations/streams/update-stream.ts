import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { maxShardCount, validateRange } from './create-stream.js'
import { type StreamAddress, streamUrlPath } from './stream-paths.js'

/** Options of {@link updateStream}. */
export interface UpdateStreamOptions extends StreamAddress {
  /**
   * The new total number of shards: larger than the current count and at most 4096 (counts only grow;
   * otherwise 400 `InvalidShardCountException`). New shards accept records at once.
   */
  shardCount: number
}

/**
 * UpdateStream: `POST /<c>/<s>/` with `{"ShardCount":n}`; 204 (ED-3). Not retried automatically: a retry
 * after a lost success answers `InvalidShardCountException` (check with `describeStream`).
 */
export const updateStream: Operation<UpdateStreamOptions, undefined> = {
  encode(options) {
    const path = streamUrlPath(options)
    const shardCount = validateRange(options.shardCount, 'shardCount', 1, maxShardCount)
    return {
      operation: 'UpdateStream',
      method: 'POST',
      path,
      headers: functionHeaders('UpdateStream'),
      body: JSON.stringify({ ShardCount: shardCount }),
      idempotent: false,
    }
  },
  decode: () => undefined,
}
