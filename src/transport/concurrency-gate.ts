/** Gives a slot back to its gate; calling it more than once has no further effect. */
export type ReleaseSlot = () => void

/**
 * Bounds how many tasks run at once. Waiters are served first in, first out; a waiter whose signal
 * aborts leaves the queue; every path (success, failure, abort) releases its slot exactly once, so the
 * gate can neither leak capacity nor exceed its size.
 */
export class ConcurrencyGate {
  private active = 0
  private readonly waiters: Array<() => void> = []

  constructor(
    /** The maximum number of tasks running at once. */
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`gate size must be an integer ≥ 1, got ${size}`)
  }

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
    const release = await this.acquire(signal)
    try {
      return await task()
    } finally {
      release()
    }
  }

  /**
   * Waits for a free slot and takes it; resolves with the function that gives it back. Rejects with the
   * signal's reason (taking nothing) if the signal aborts first.
   */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) return Promise.reject(signal.reason)
    if (this.active < this.size) {
      this.active++
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort)
        this.active++
        resolve(this.releaser())
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

  private releaser(): ReleaseSlot {
    let released = false
    return () => {
      if (released) return
      released = true
      this.active--
      this.waiters.shift()?.()
    }
  }
}
