/** Something that must happen at a given time unless it is removed first. */
export interface Expiring {
  /** When to expire, in `performance.now()` milliseconds. */
  readonly expiresAt: number
  /** Called once, at or after `expiresAt`, if the entry is still registered. */
  expire(): void
}

// setTimeout fires at once beyond this many milliseconds (a signed 32-bit delay).
const longestDelay = 2 ** 31 - 1

type TimerHandle = ReturnType<typeof setTimeout> & { ref?: () => unknown; unref?: () => unknown }

/**
 * One timer for the deadlines of many calls. A timer per call costs an allocation, an insertion in the
 * runtime's timer list and a removal for every request, while almost every call ends long before its
 * deadline; here a call only joins and leaves a set. The timer is set for the earliest deadline known
 * when it was armed: calls of one client share a timeout, so later calls expire later and never re-arm
 * it. When it fires it expires what is due and re-arms for the earliest remaining deadline.
 *
 * The timer keeps a Node process alive only while some deadline is registered (it is unref'd when the
 * set empties): a call whose transport never settles still ends at its deadline, and an idle client
 * never holds the process open.
 */
export class DeadlineTimer {
  readonly #entries = new Set<Expiring>()
  #timer: TimerHandle | undefined
  #firesAt = Number.POSITIVE_INFINITY
  #referenced = false

  /** Registered entries, for tests and diagnostics. */
  get size(): number {
    return this.#entries.size
  }

  /** Registers an entry; an infinite `expiresAt` is ignored (it would never fire). */
  add(entry: Expiring): void {
    if (!(entry.expiresAt < Number.POSITIVE_INFINITY)) return
    this.#entries.add(entry)
    if (entry.expiresAt < this.#firesAt) this.#arm(entry.expiresAt)
    else if (!this.#referenced) this.#reference(true)
  }

  /** Removes an entry (whether or not it was registered). */
  delete(entry: Expiring): void {
    if (this.#entries.delete(entry) && this.#entries.size === 0) this.#reference(false)
  }

  #arm(at: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer)
    this.#firesAt = at
    const delay = Math.min(Math.max(at - performance.now(), 0), longestDelay)
    // Timers are rounded to whole milliseconds and may fire a fraction early: aim one past the deadline.
    this.#timer = setTimeout(() => this.#fire(), Math.ceil(delay) + 1) as TimerHandle
    this.#referenced = true
  }

  #reference(on: boolean): void {
    this.#referenced = on
    const timer = this.#timer
    if (timer === undefined) return
    if (on) timer.ref?.()
    else timer.unref?.()
  }

  #fire(): void {
    this.#timer = undefined
    this.#firesAt = Number.POSITIVE_INFINITY
    const now = performance.now()
    let next = Number.POSITIVE_INFINITY
    const due: Expiring[] = []
    for (const entry of this.#entries) {
      if (entry.expiresAt <= now) due.push(entry)
      else if (entry.expiresAt < next) next = entry.expiresAt
    }
    for (const entry of due) this.#entries.delete(entry)
    if (next < Number.POSITIVE_INFINITY) this.#arm(next)
    else this.#referenced = false
    for (const entry of due) entry.expire()
  }
}
