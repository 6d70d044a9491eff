/**
 * The members of a GetItems request, checked and resolved (kv.md "GetItems", ED-38, ED-45): the scanned
 * directory, the kind of scan and its bounds, the page size, the resume position.
 */

import { invalidArgument, noSuchFile, notADirectory } from '../api-error.js'
import type { RequestContext } from '../context.js'
import { type ParsedCondition, parseCondition } from '../expressions/index.js'
import type { DirectoryNode } from '../storage/nodes.js'
import { type AttributeSelection, parseAttributesToGet } from './attribute-selection.js'
import { checkPathLength, relativeSegments } from './item-addressing.js'
import { RequestMembers } from './request-body.js'
import { decodeMarker, type MarkerPosition, type ScanIdentity, scanFingerprint } from './scan-markers.js'
import { SLICE_COUNT, segmentSlices, sliceOfShardingKey } from './scan-order.js'

/** Most items in one page, whatever `Limit` says (ED-38). */
export const MAX_PAGE_ITEMS = 1000

/** A range scan: one sharding key, optionally bounded sorting keys (start inclusive, end exclusive). */
export interface RangeBounds {
  readonly shardingKey: string
  readonly slice: number
  readonly start: string | undefined
  readonly end: string | undefined
}

/** A checked GetItems request. */
export interface ScanRequest {
  readonly directory: DirectoryNode
  readonly identity: ScanIdentity
  readonly fingerprint: string
  readonly selection: AttributeSelection
  readonly filter: ParsedCondition
  /** Items per page: `Limit`, at most {@link MAX_PAGE_ITEMS}. */
  readonly limit: number
  /** The position of the request's marker, if any: the scan resumes strictly after it. */
  readonly resumeAfter: MarkerPosition | undefined
  /** Present for range scans. */
  readonly range: RangeBounds | undefined
  /** The slices scanned: all of them, one (range scans), or a segment's. */
  readonly slices: { readonly first: number; readonly last: number }
  /** `"AllowObjectScatter":"true"` asks for `"Scattered":"FALSE"` in the answer (ED-38). */
  readonly scatter: boolean
}

function scannedDirectory(context: RequestContext, segments: readonly string[]): DirectoryNode {
  if (segments.length === 0) return context.container.root
  const found = context.store.lookup(context.container.root, segments)
  if (!found.node) throw found.blockedByFile ? notADirectory(404) : noSuchFile()
  if (found.node.kind !== 'directory') throw notADirectory(404)
  return found.node
}

function readSegments(members: RequestMembers): { segment: number; total: number } | undefined {
  const segment = members.integer('Segment')
  const total = members.integer('TotalSegment')
  if (segment === undefined && total === undefined) return undefined
  if (segment === undefined || total === undefined) {
    throw invalidArgument('Segment and TotalSegment must be given together')
  }
  if (total < 1 || total > SLICE_COUNT) throw invalidArgument(`TotalSegment must be 1 to ${SLICE_COUNT}`)
  if (segment < 0 || segment >= total) throw invalidArgument('Segment must be 0 to TotalSegment-1')
  return { segment, total }
}

function readRange(members: RequestMembers): RangeBounds | undefined {
  // An empty ShardingKey is treated as absent, as clients send "" for "not set".
  const shardingKey = members.string('ShardingKey') || undefined
  const start = members.string('SortKeyRangeStart')
  const end = members.string('SortKeyRangeEnd')
  if (shardingKey === undefined) {
    if (start !== undefined || end !== undefined) {
      throw invalidArgument('SortKeyRangeStart and SortKeyRangeEnd require ShardingKey')
    }
    return undefined
  }
  return { shardingKey, slice: sliceOfShardingKey(shardingKey), start, end }
}

/** Reads and checks a GetItems body; the directory must exist (404 otherwise). */
export function readScanRequest(context: RequestContext): ScanRequest {
  const members = RequestMembers.fromBody(context.body)
  const selection = parseAttributesToGet(members.string('AttributesToGet'), 'items')
  const tableName = members.string('TableName')
  const filter = parseCondition(members.string('FilterExpression') ?? '', 'FilterExpression')
  const marker = members.string('Marker') || undefined
  const limit = members.integer('Limit')
  if (limit !== undefined && limit < 1) throw invalidArgument('Limit must be at least 1')
  const segments = readSegments(members)
  const range = readRange(members)
  if (segments && range)
    throw invalidArgument('a range scan (ShardingKey) cannot be a parallel scan (Segment)')
  const scatter = String(members.raw('AllowObjectScatter')).toLowerCase() === 'true'

  const path = [
    ...context.segments,
    ...(tableName === undefined ? [] : relativeSegments(tableName, 'TableName')),
  ]
  checkPathLength(path)
  const directory = scannedDirectory(context, path)
  const identity: ScanIdentity = {
    kind: range ? 'range' : segments ? 'segment' : 'plain',
    container: context.container.name,
    directory: path.join('/'),
    shardingKey: range?.shardingKey,
    segment: segments?.segment,
    totalSegment: segments?.total,
  }
  const fingerprint = scanFingerprint(identity)
  return {
    directory,
    identity,
    fingerprint,
    selection,
    filter,
    limit: Math.min(limit ?? MAX_PAGE_ITEMS, MAX_PAGE_ITEMS),
    resumeAfter: marker === undefined ? undefined : decodeMarker(marker, fingerprint),
    range,
    slices: range
      ? { first: range.slice, last: range.slice }
      : segments
        ? segmentSlices(segments.segment, segments.total)
        : { first: 0, last: SLICE_COUNT - 1 },
    scatter,
  }
}
