import type { Executor } from '../../core/executor.js'
import { getClusterMetadata, scanItems, whenAborted } from '../reading-engine-dependencies.js'
import type { Item } from './attribute-values.js'
import type { CursorCallOptions } from './items-cursor.js'
import type { ParallelItemsCursorOptions } from './parallel-items-cursor.js'

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

/** The scan of `newParallelItemsCursor` (parallel-items-cursor.ts), loaded on demand with the reading engine. */
export async function* scanSegmentsInParallel(
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
