/** Gives a slot back to its gate; calling it more than once has no further effect. */
export type ReleaseSlot = () => void

/**
 * Bounds how many tasks run at once. Waiters are served first in, first out; a waiter whose signal
 * aborts leaves the queue; every path (success, failure, abort) releases its slot exactly once, so the
 * gate can neither leak capacity nor exceed its size.
 */
export class ConcurrencyGate {
  #active = 0
  // First in, first out: `queue[head]` is the next waiter. Array#shift is linear on large arrays, so
  // waiters are consumed by index; an aborted waiter leaves a hole; the consumed prefix is cut off once
  // it dominates, `dropped` counting what was cut so that positions stay valid.
  #queue: Array<((release: ReleaseSlot) => void) | undefined> = []
  #head = 0
  #dropped = 0
  #waiting = 0

  constructor(
    /** The maximum number of tasks running at once. */
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`gate size must be an integer ≥ 1, got ${size}`)
  }

  /** Tasks running now. */
  get running(): number {
    return this.#active
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.#waiting
  }

  /** Takes a free slot at once if there is one. */
  tryAcquire(): ReleaseSlot | undefined {
    if (this.#active >= this.size) return undefined
    this.#active++
    return this.#releaser()
  }

  /**
   * Queues `grant`, which is called with a slot as soon as one is free; returns the waiter's position,
   * for {@link ConcurrencyGate.leave}. Callers track cancellation themselves (no closure or listener per
   * waiter), as the request sender does.
   */
  enqueue(grant: (release: ReleaseSlot) => void): number {
    this.#queue.push(grant)
    this.#waiting++
    return this.#dropped + this.#queue.length - 1
  }

  /** Takes a waiter out of the queue: `true` if it was still waiting, `false` if it already got its slot. */
  leave(position: number, grant: (release: ReleaseSlot) => void): boolean {
    const index = position - this.#dropped
    if (index < 0 || this.#queue[index] !== grant) return false
    this.#queue[index] = undefined
    this.#waiting--
    return true
  }

  #releaser(): ReleaseSlot {
    let released = false
    return () => {
      if (released) return
      released = true
      this.#active--
      const grant = this.#dequeue()
      if (grant) {
        this.#active++
        grant(this.#releaser())
      }
    }
  }

  #dequeue(): ((release: ReleaseSlot) => void) | undefined {
    while (this.#head < this.#queue.length) {
      const waiter = this.#queue[this.#head]
      this.#queue[this.#head] = undefined
      this.#head++
      if (waiter) {
        this.#waiting--
        if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
          this.#queue = this.#queue.slice(this.#head)
          this.#dropped += this.#head
          this.#head = 0
        }
        return waiter
      }
    }
    this.#dropped += this.#queue.length
    this.#queue = []
    this.#head = 0
    return undefined
  }
}
