import { ApiError, invalidArgument } from '../api-error.js'
import type { RequestContext } from '../context.js'
import type { DirectoryNode, StreamState } from '../storage/nodes.js'
import { optionalInteger, optionalString } from './request-json.js'
import { isShardName } from './shard-log.js'
import { resourceNotFound, resourceNotStream, shardIdOutOfRange } from './stream-errors.js'

/** A resolved stream: its directory and metadata. */
export interface StreamTarget {
  readonly directory: DirectoryNode
  readonly stream: StreamState
}

/** A resolved shard of a stream. */
export interface ShardTarget extends StreamTarget {
  readonly shardId: number
}

const textEncoder = new TextEncoder()
const controlCharacter = /[\u0000-\u001f]/

/** The path the request addresses: the URL's segments, then `StreamName` resolved relative to them (ED-7). */
export function targetSegments(context: RequestContext, json: Record<string, unknown>): string[] {
  const streamName = optionalString(json, 'StreamName')
  if (streamName === undefined) return [...context.segments]
  const names = streamName.split('/').filter((name) => name !== '')
  let total = context.segments.reduce((sum, name) => sum + textEncoder.encode(name).length + 1, 0)
  for (const name of names) {
    if (name === '.' || name === '..')
      throw invalidArgument('StreamName must not contain "." or ".." segments')
    if (controlCharacter.test(name)) throw invalidArgument('StreamName must not contain control characters')
    const length = textEncoder.encode(name).length
    if (length > 255) throw new ApiError(400, -36, 'File name too long')
    total += length + 1
  }
  if (total > 4096) throw new ApiError(400, -36, 'File name too long')
  return [...context.segments, ...names]
}

function streamOf(context: RequestContext, segments: readonly string[]): DirectoryNode | undefined {
  const found = context.store.lookup(context.container.root, segments)
  return found.node?.kind === 'directory' && found.node.stream ? found.node : undefined
}

/**
 * The stream a stream operation (CreateStream excepted) addresses: 404 `ResourceNotFoundException` when
 * nothing is there, 400 `ResourceNotStreamException` for another kind of path, 400
 * `InvalidArgumentException` for a shard of a stream (ED-40).
 */
export function resolveStream(context: RequestContext, json: Record<string, unknown>): StreamTarget {
  const segments = targetSegments(context, json)
  const directory = streamOf(context, segments)
  if (directory?.stream) return { directory, stream: directory.stream }
  if (segments.length > 0 && isShardName(segments.at(-1)) && streamOf(context, segments.slice(0, -1)))
    throw invalidArgument('the path names a shard; stream operations take the stream path')
  const found = context.store.lookup(context.container.root, segments)
  throw found.node ? resourceNotStream() : resourceNotFound()
}

function inRange(target: StreamTarget, shardId: number): ShardTarget {
  if (shardId < 0 || shardId >= target.stream.shardCount) throw shardIdOutOfRange()
  return { ...target, shardId }
}

/**
 * The shard a shard operation (SeekShard, GetRecords) addresses: a URL (plus `StreamName`) ending with
 * a shard id inside a stream, or a stream path plus `ShardId`. A `ShardId` contradicting the URL, or a
 * stream without `ShardId`, answers 400 `InvalidArgumentException`; ids ≥ ShardCount answer 400
 * `ShardIDOutOfRangeException` (ED-40).
 */
export function resolveShard(context: RequestContext, json: Record<string, unknown>): ShardTarget {
  const segments = targetSegments(context, json)
  const shardMember = optionalInteger(json, 'ShardId')
  const last = segments.at(-1)
  if (segments.length > 0 && isShardName(last)) {
    const directory = streamOf(context, segments.slice(0, -1))
    if (directory?.stream) {
      const shardId = Number(last)
      if (shardMember !== undefined && shardMember !== shardId)
        throw invalidArgument(`ShardId ${shardMember} contradicts shard ${last} of the URL`)
      return inRange({ directory, stream: directory.stream }, shardId)
    }
  }
  const directory = streamOf(context, segments)
  if (!directory?.stream) {
    const { root } = context.container
    // `/<c>/<dir>/<n>/` where <dir> exists but is no stream: the path meant a shard of <dir>.
    const named =
      isShardName(last) && !context.store.lookup(root, segments).node ? segments.slice(0, -1) : segments
    throw context.store.lookup(root, named).node ? resourceNotStream() : resourceNotFound()
  }
  if (shardMember === undefined)
    throw invalidArgument('ShardId is required when the path names a stream rather than a shard')
  return inRange({ directory, stream: directory.stream }, shardMember)
}
