import { whenAborted } from '../../core/abort-signals.js'
import { ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { getClusterMetadata } from '../objects/get-cluster-metadata.js'
import type { Item } from './attribute-values.js'
import {
  type CursorCallOptions,
  ItemsCursor,
  type ItemsCursorOptions,
  scanItems,
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

// Items buffered ahead of the consumer before segment scans pause.
const bufferCapacity = 1000

/** Items flowing from the segment scans to the consumer, with back-pressure and failure propagation. */
class ItemChannel {
  readonly #items: Item[] = []
  #wakeConsumer: (() => void) | undefined
  #wakeProducers: Array<() => void> = []
  #failure: { error: unknown } | undefined
  #producers: number
  closed = false

  constructor(producers: number) {
    this.#producers = producers
  }

  /** Adds an item; waits while the buffer is full. */
  async push(item: Item): Promise<void> {
    this.#items.push(item)
    this.#signalConsumer()
    while (this.#items.length > bufferCapacity && !this.closed)
      await new Promise<void>((resolve) => this.#wakeProducers.push(resolve))
  }

  /** A producer finished, with or without an error. */
  finish(failure?: { error: unknown }): void {
    this.#producers -= 1
    if (failure && !this.#failure) this.#failure = failure
    this.#signalConsumer()
  }

  /** The next item, `undefined` once every producer finished and the buffer is empty. */
  async take(): Promise<Item | undefined> {
    for (;;) {
      if (this.#failure) throw this.#failure.error
      const item = this.#items.shift()
      if (item !== undefined) {
        this.#signalProducers()
        return item
      }
      if (this.#producers === 0) return undefined
      await new Promise<void>((resolve) => {
        this.#wakeConsumer = resolve
      })
    }
  }

  /** Stops everything: producers stop waiting for room. */
  close(): void {
    this.closed = true
    this.#signalProducers()
  }

  #signalConsumer(): void {
    const wake = this.#wakeConsumer
    this.#wakeConsumer = undefined
    wake?.()
  }

  #signalProducers(): void {
    const waiting = this.#wakeProducers
    this.#wakeProducers = []
    for (const wake of waiting) wake()
  }
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

async function* scanSegments(
  executor: Executor,
  options: ParallelItemsCursorOptions & CursorCallOptions,
  chosenSegments: number[] | undefined,
  concurrency: number,
): AsyncGenerator<Item, void, undefined> {
  const { segments: _segments, concurrency: _concurrency, limit, signal, ...scan } = options
  let remaining = limit
  if (remaining === 0) return
  let segments = chosenSegments
  if (segments === undefined) {
    // Size the scan like the Go SDK and frames: one segment per virtual node (ED-49).
    const metadata = await executor.execute(getClusterMetadata, { container: options.container, signal })
    const total = Math.min(metadata.output.numberOfVNs, 1024)
    scan.totalSegments = total
    segments = Array.from({ length: total }, (_, index) => index)
  }
  // One controller stops every in-flight request when the caller aborts or stops consuming.
  const controller = new AbortController()
  const stopListening = whenAborted(signal, (reason) => controller.abort(reason))
  const pending = segments
  const workers = Math.min(concurrency, pending.length)
  const channel = new ItemChannel(workers)
  const work = async () => {
    try {
      for (
        let segment = pending.shift();
        segment !== undefined && !channel.closed;
        segment = pending.shift()
      ) {
        const items = scanItems(executor, { ...scan, segment, signal: controller.signal })
        for await (const item of items) {
          await channel.push(item)
          if (channel.closed) break
        }
      }
      channel.finish()
    } catch (error) {
      channel.finish({ error })
    }
  }
  const running = Array.from({ length: workers }, work)
  try {
    for (let item = await channel.take(); item !== undefined; item = await channel.take()) {
      yield item
      if (remaining !== undefined && --remaining === 0) return
    }
  } finally {
    channel.close()
    controller.abort(new Error('the parallel cursor was closed'))
    stopListening()
    await Promise.allSettled(running)
  }
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
