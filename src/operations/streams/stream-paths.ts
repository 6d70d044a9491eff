import { ValidationError } from '../../core/errors.js'
import {
  asDirectory,
  joinKey,
  normalizeObjectPath,
  objectUrlPath,
  validateContainer,
} from '../../core/path.js'

/** Where a stream operation goes: a container and a stream path. */
export interface StreamAddress {
  /** The container holding the stream. */
  container: string
  /** The stream's path in the container, e.g. `/my-test-stream`. */
  path: string
}

/**
 * Where a shard operation goes. Either `path` names the shard itself (`/my-test-stream/1`, as in the
 * Python SDK), or `path` names the stream and `shardId` the shard.
 */
export interface ShardAddress {
  /** The container holding the stream. */
  container: string
  /** The shard's path (`/my-test-stream/1`), or the stream's path when `shardId` is given. */
  path: string
  /** The shard's id (0 … ShardCount-1); when given, `path` is the stream's path. */
  shardId?: number
}

const shardName = /^(?:0|[1-9][0-9]*)$/

/** Validates a shard id option: an integer ≥ 0. */
export function validateShardId(shardId: unknown, parameter = 'shardId'): number {
  if (typeof shardId !== 'number' || !Number.isSafeInteger(shardId) || shardId < 0)
    throw new ValidationError(parameter, `must be an integer ≥ 0, got ${String(shardId)}`)
  return shardId
}

/** The URL path of a stream operation: `/<c>/<s>/` (trailing slash enforced, transport.md). */
export function streamUrlPath(address: StreamAddress): string {
  const container = validateContainer(address.container)
  return objectUrlPath(container, asDirectory(normalizeObjectPath(address.path)))
}

/** The container-relative path of a shard, without trailing slash, and its id. */
export function resolveShard(address: ShardAddress): { path: string; shardId: number } {
  if (address.shardId !== undefined) {
    const shardId = validateShardId(address.shardId)
    const stream = normalizeObjectPath(address.path).replace(/\/$/, '')
    return { path: joinKey(stream, String(shardId), 'shardId'), shardId }
  }
  const path = normalizeObjectPath(address.path).replace(/\/$/, '')
  const last = path.slice(path.lastIndexOf('/') + 1)
  if (!path.includes('/') || !shardName.test(last))
    throw new ValidationError(
      'path',
      `must name a shard such as "/my-stream/1" (or give shardId with the stream's path), got ${JSON.stringify(address.path)}`,
    )
  return { path, shardId: Number(last) }
}

/** The URL path of a shard operation: `/<c>/<s>/<n>/` (trailing slash enforced, transport.md). */
export function shardUrlPath(address: ShardAddress): string {
  const container = validateContainer(address.container)
  return objectUrlPath(container, `${resolveShard(address).path}/`)
}
