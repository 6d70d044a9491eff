import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { assertWellFormed, normalizePath } from '../../core/path.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'
import type { AttributeDecodingOptions } from './attribute-decoding.js'
import { type AttributeNames, attributesToGet } from './attribute-selection.js'
import type { Item } from './attribute-values.js'
import { type ExpressionInput, expressionText } from './expression-option.js'
import { type ReadingDescriptor, validateDecoding } from './item-decoding.js'
import { tableUrlPath } from './item-paths.js'

/** Options of {@link getItems}: one page of a scan. */
export interface GetItemsOptions {
  /** The container. */
  container: string
  /** The table (directory) to scan, e.g. `/bobs-burgers/`; `''` or `/` scans the container root. */
  path: string
  /** A table path relative to `path` (may contain `/`), sent as `TableName`. */
  tableName?: string
  /** `'*'` (default): user attributes and `__name`. `'**'`: all attributes. Or a list of names. */
  attributeNames?: AttributeNames
  /** Only items for which this condition is true, e.g. `age > 15`. */
  filterExpression?: ExpressionInput
  /** Continue a scan: the previous page's `nextMarker`. The other scan options must be the same. */
  marker?: string
  /** Most items in this page (≥ 1). A page may hold fewer even when more items match. */
  limit?: number
  /** Parallel scan: the segment to scan, 0 … `totalSegments`-1. Requires `totalSegments`. */
  segment?: number
  /** Parallel scan: the number of segments, 1 … 1024 (sent as `TotalSegment`). Requires `segment`. */
  totalSegments?: number
  /** Range scan: only items whose sharding key (the name up to the first `.`) equals this. */
  shardingKey?: string
  /** Range scan: smallest sorting key, inclusive (compared byte-wise). Requires `shardingKey`. */
  sortKeyRangeStart?: string
  /** Range scan: sorting-key bound, exclusive. Requires `shardingKey`. */
  sortKeyRangeEnd?: string
  /** How values are decoded: integers as `bigint`, array blobs as bytes, or typed values. */
  decoding?: AttributeDecodingOptions
}

/** Output of {@link getItems}: one page. */
export interface GetItemsOutput {
  /** The items of this page; each has `__name` (its key) unless `attributeNames` left it out. */
  items: Item[]
  /** Whether the scan is complete (no matching item remains after this page). */
  lastItemIncluded: boolean
  /** Same as `lastItemIncluded` (the official Python SDK's name). */
  last: boolean
  /** While the scan is incomplete: the `marker` that continues it. */
  nextMarker?: string
  /** Number of items in this page. */
  numItems: number
}

function optionalText(value: unknown, parameter: string): string | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'string') throw new ValidationError(parameter, 'must be a string')
  assertWellFormed(value, parameter)
  return value
}

function optionalInteger(value: unknown, parameter: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max)
    throw new ValidationError(parameter, `must be an integer ${min} … ${max}, got ${String(value)}`)
  return value as number
}

function validateTableName(value: unknown): string | undefined {
  const tableName = optionalText(value, 'tableName')
  if (tableName !== undefined) normalizePath(tableName, 'tableName')
  return tableName
}

/** Checks the scan-kind rules of kv.md "GetItems" so that bad combinations fail before sending. */
function scanMembers(options: GetItemsOptions) {
  const shardingKey = optionalText(options.shardingKey, 'shardingKey')
  const start = optionalText(options.sortKeyRangeStart, 'sortKeyRangeStart')
  const end = optionalText(options.sortKeyRangeEnd, 'sortKeyRangeEnd')
  const totalSegments = optionalInteger(options.totalSegments, 'totalSegments', 1, 1024)
  const segment = optionalInteger(options.segment, 'segment', 0, (totalSegments ?? 1024) - 1)
  if (shardingKey !== undefined && (shardingKey === '' || shardingKey.includes('.')))
    throw new ValidationError(
      'shardingKey',
      `must be non-empty and contain no "." (got ${JSON.stringify(shardingKey)})`,
    )
  if ((start !== undefined || end !== undefined) && shardingKey === undefined)
    throw new ValidationError(
      start !== undefined ? 'sortKeyRangeStart' : 'sortKeyRangeEnd',
      'requires shardingKey',
    )
  if ((segment === undefined) !== (totalSegments === undefined))
    throw new ValidationError(
      segment === undefined ? 'segment' : 'totalSegments',
      'segment and totalSegments go together',
    )
  if (shardingKey !== undefined && segment !== undefined)
    throw new ValidationError('shardingKey', 'a range scan cannot be combined with a parallel scan (segment)')
  return { shardingKey, start, end, segment, totalSegments }
}

/**
 * GetItems: `PUT /<c>/<t>/` — one page of a table scan, optionally filtered, parallel (segments) or ranged
 * (sharding key). Follow `nextMarker` until `lastItemIncluded`, or use `newItemsCursor`.
 */
export const getItems: Operation<GetItemsOptions, GetItemsOutput> = {
  encode(options) {
    const path = tableUrlPath(options.container, options.path)
    const scan = scanMembers(options)
    const marker = optionalText(options.marker, 'marker')
    const descriptor: ReadingDescriptor = {
      operation: 'GetItems',
      method: 'PUT',
      path,
      headers: functionHeaders('GetItems'),
      // Member order of the official Python SDK.
      body: JSON.stringify({
        AttributesToGet: attributesToGet(options.attributeNames),
        TableName: validateTableName(options.tableName),
        FilterExpression: expressionText(options.filterExpression, 'filterExpression') || undefined,
        Marker: marker || undefined,
        ShardingKey: scan.shardingKey,
        Limit: optionalInteger(options.limit, 'limit', 1, Number.MAX_SAFE_INTEGER),
        Segment: scan.segment,
        TotalSegment: scan.totalSegments,
        SortKeyRangeStart: scan.start,
        SortKeyRangeEnd: scan.end,
      }),
      idempotent: true,
      decoding: validateDecoding(options.decoding),
    }
    return descriptor
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodeGetItems(response, descriptor),
}
