import { ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { loadReadingEngine } from '../reading-engine-loader.js'
import type { Item } from './attribute-values.js'
import {
  type CursorCallOptions,
  ItemsCursor,
  type ItemsCursorOptions,
  validateCursorLimit,
  validateScanOptions,
} from './items-cursor.js'

/** Options of {@link newParallelItemsCursor}. */
export interface ParallelItemsCursorOptions
  extends Omit<ItemsCursorOptions, 'segment' | 'totalSegments' | 'marker'> {
  /**
   * Into how many segments the table is split, 1 … 1024. Together the segments hold every item exactly
   * once. Default: one per virtual node of the cluster, asked with GetClusterMD (`getClusterMetadata`)
   * when the scan starts, at most 1024.
   */
  totalSegments?: number
  /** Which segments to scan (default: all, `0 … totalSegments-1`), e.g. this worker's share. Requires `totalSegments`. */
  segments?: readonly number[]
  /** Segments scanned at once. Default: the client's `maxConnections`. Requests also queue at the client's gate. */
  concurrency?: number
}

/** The segments to scan; `undefined` when the cluster decides how many there are (no `totalSegments`). */
function segmentList(options: ParallelItemsCursorOptions): number[] | undefined {
  const total = options.totalSegments
  if (total === undefined) {
    if (options.segments !== undefined)
      throw new ValidationError('totalSegments', 'is required when segments are given')
    return undefined
  }
  if (!Number.isInteger(total) || total < 1 || total > 1024)
    throw new ValidationError('totalSegments', `must be an integer 1 … 1024, got ${String(total)}`)
  const segments = options.segments ?? Array.from({ length: total }, (_, index) => index)
  if (!Array.isArray(segments) || segments.length === 0)
    throw new ValidationError('segments', 'must be a non-empty array of segment numbers')
  segments.forEach((segment, index) => {
    if (!Number.isInteger(segment) || segment < 0 || segment >= total)
      throw new ValidationError(
        `segments[${index}]`,
        `must be an integer 0 … ${total - 1}, got ${String(segment)}`,
      )
  })
  if (new Set(segments).size !== segments.length)
    throw new ValidationError('segments', 'must not repeat a segment')
  return [...segments]
}

// The scan itself is loaded on demand with the reading engine (reading-engine-loader.ts); an async
// generator starts nothing before its first `next()`, so loading first changes nothing a caller sees.
async function* scanSegments(
  executor: Executor,
  options: ParallelItemsCursorOptions & CursorCallOptions,
  segments: number[] | undefined,
  concurrency: number,
): AsyncGenerator<Item, void, undefined> {
  yield* (await loadReadingEngine()).scanSegmentsInParallel(executor, options, segments, concurrency)
}

/**
 * A cursor over a parallel scan: the table is split into `totalSegments` segments (kv.md "Parallel
 * scans"), scanned concurrently — at most `concurrency` at once, each request through the client's
 * concurrency gate — and their items are yielded as they arrive, every item exactly once (no order across
 * segments). `limit` bounds the items overall. Stopping early aborts the requests still in flight.
 * Without `totalSegments` the scan first asks the cluster for its number of virtual nodes (GetClusterMD).
 *
 * @example
 * const cursor = client.newParallelItemsCursor({ container, path: '/big-table/', totalSegments: 16 })
 * for await (const item of cursor) handle(item)
 */
export function newParallelItemsCursor(
  executor: Executor,
  options: ParallelItemsCursorOptions & CursorCallOptions,
): ItemsCursor {
  const segments = segmentList(options)
  validateScanOptions({ ...options, segment: 0, totalSegments: options.totalSegments ?? 1 })
  const concurrency = validateCursorLimit(options.concurrency, 'concurrency') ?? executor.maxConnections
  if (concurrency === 0) throw new ValidationError('concurrency', 'must be ≥ 1')
  return new ItemsCursor(scanSegments(executor, options, segments, concurrency))
}
