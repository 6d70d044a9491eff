import { randomInt } from 'node:crypto'
import { invalidArgument, notADirectory } from '../api-error.js'
import type { Handler } from '../context.js'
import { optionalInteger, parseRequestJson } from './request-json.js'
import { isShardName } from './shard-log.js'
import { targetSegments } from './stream-address.js'
import { resourceInUse } from './stream-errors.js'

/** Most shards of a stream (streams.md, limits). */
export const maxShardCount = 4096
/** Longest retention in hours: one year (ED-40). */
export const maxRetentionPeriodHours = 8760

/** An integer member within `[minimum, maximum]`, or its default when absent. */
function boundedInteger(
  json: Record<string, unknown>,
  name: string,
  fallback: number,
  minimum: number,
  maximum: number,
): number {
  const value = optionalInteger(json, name) ?? fallback
  if (value < minimum || value > maximum)
    throw invalidArgument(`${name} must be from ${minimum} to ${maximum}, got ${value}`)
  return value
}

/**
 * CreateStream (ED-3, ED-40): makes the path (and missing parents) a stream directory with no shard
 * objects; 204. Any existing path answers 409 `ResourceInUseException`.
 */
export const createStream: Handler = (context) => {
  const { store, container } = context
  const json = parseRequestJson(context.body)
  const segments = targetSegments(context, json)
  const shardCount = boundedInteger(json, 'ShardCount', 1, 1, maxShardCount)
  const retentionPeriodHours = boundedInteger(json, 'RetentionPeriodHours', 24, 1, maxRetentionPeriodHours)
  if (segments.length === 0) throw invalidArgument('CreateStream needs a stream path, not the container root')
  const found = store.lookup(container.root, segments)
  if (found.node) throw resourceInUse()
  if (found.blockedByFile) throw notADirectory()
  if (found.parent?.stream && isShardName(segments.at(-1)))
    throw invalidArgument('the path names a shard of an existing stream')
  const directory = store.ensureDirectory(container.root, segments)
  directory.stream = {
    shardCount,
    retentionPeriodHours,
    // Non-zero, so that no real token looks like the "oldest record" token (ED-44).
    incarnation: randomInt(1, 2 ** 32),
    roundRobin: 0,
  }
  return { status: 204 }
}
