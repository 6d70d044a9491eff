import { invalidArgument } from '../api-error.js'
import type { Handler } from '../context.js'
import { maxShardCount } from './create-stream.js'
import { optionalInteger, parseRequestJson } from './request-json.js'
import { resolveStream } from './stream-address.js'
import { invalidShardCount } from './stream-errors.js'

/**
 * UpdateStream: grows the shard count at once (new shards are created lazily); 204. A count that does not
 * grow, or exceeds 4096, answers 400 `InvalidShardCountException` (ED-40).
 */
export const updateStream: Handler = (context) => {
  const json = parseRequestJson(context.body)
  const { directory, stream } = resolveStream(context, json)
  const shardCount = optionalInteger(json, 'ShardCount')
  if (shardCount === undefined) throw invalidArgument('ShardCount is required')
  if (shardCount <= stream.shardCount || shardCount > maxShardCount) throw invalidShardCount()
  stream.shardCount = shardCount
  // The stream's mtime stays; a durable store must still learn of the change.
  context.store.noteChange(directory)
  return { status: 204 }
}
