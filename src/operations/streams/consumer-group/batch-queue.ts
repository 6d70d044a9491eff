/**
 * A bounded queue of record batches between a member's shard fetchers and its one consumer. A full queue
 * makes `push` wait (the Go SDK's buffered batches: a slow consumer pauses fetching instead of piling up
 * records). Closing drops what is buffered: those records were not marked, so they are delivered again
 * after the group resumes.
 */
export class BatchQueue<T> {
  readonly #batches: T[][] = []
  readonly #capacity: number
  #closed = false
  #error: unknown
  #consumer: (() => void) | undefined
  #producers: Array<() => void> = []

  constructor(capacity: number) {
    this.#capacity = capacity
  }

  /** Adds a batch; resolves once the queue has room again (at once when closed). */
  async push(batch: T[]): Promise<void> {
    if (this.#closed) return
    this.#batches.push(batch)
    this.#wakeConsumer()
    while (!this.#closed && this.#batches.length >= this.#capacity)
      await new Promise<void>((resolve) => this.#producers.push(resolve))
  }

  /** Puts a partly consumed batch back at the front, so that the next consumer gets it first. */
  requeue(batch: T[]): void {
    if (!this.#closed && batch.length > 0) this.#batches.unshift(batch)
  }

  /** The next batch; `undefined` once closed without error; rejects once closed with an error. */
  async next(): Promise<T[] | undefined> {
    for (;;) {
      if (this.#closed) {
        if (this.#error !== undefined) throw this.#error
        return undefined
      }
      const batch = this.#batches.shift()
      if (batch) {
        this.#producers.shift()?.()
        return batch
      }
      await new Promise<void>((resolve) => {
        this.#consumer = resolve
      })
    }
  }

  /** Ends the queue: waiting producers return, the consumer ends (with `error`, if given). */
  close(error?: unknown): void {
    if (this.#closed) return
    this.#closed = true
    this.#error = error
    this.#batches.length = 0
    for (const producer of this.#producers.splice(0)) producer()
    this.#wakeConsumer()
  }

  #wakeConsumer(): void {
    const consumer = this.#consumer
    this.#consumer = undefined
    consumer?.()
  }
}
