/**
 * Bounds how many tasks run at once. Waiters are served first in, first out; a waiter whose signal
 * aborts leaves the queue; every path (success, failure, abort) releases its slot, so the gate cannot
 * leak capacity.
 */
export class ConcurrencyGate {
  private active = 0
  private readonly waiters: Array<() => void> = []

  constructor(
    /** The maximum number of tasks running at once. */
    readonly size: number,
  ) {}

  /** Tasks running now. */
  get running(): number {
    return this.active
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiters.length
  }

  /** Runs the task when a slot is free; rejects with the signal's reason if it aborts while waiting. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal)
    try {
      return await task()
    } finally {
      this.release()
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    if (this.active < this.size) {
      this.active++
      return Promise.resolve()
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        this.active++
        resolve()
      }
      const onAbort = () => {
        const index = this.waiters.indexOf(grant)
        if (index >= 0) this.waiters.splice(index, 1)
        reject(signal?.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiters.push(grant)
    })
  }

  private release(): void {
    this.active--
    this.waiters.shift()?.()
  }
}
