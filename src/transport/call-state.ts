import type { GroupMember } from './abort-group.js'
import type { Expiring } from './deadline-timer.js'

/** Abort reason of a call whose own `timeout` expired. */
export class CallTimeout extends Error {
  constructor(readonly milliseconds: number) {
    super(`the call timed out after ${milliseconds} ms`)
  }
}

/** Failure of one attempt that outlived `retry.attemptTimeout`. */
export class AttemptTimeout extends Error {
  constructor(readonly milliseconds: number) {
    super(`the attempt timed out after ${milliseconds} ms`)
  }
}

/**
 * The life of one call as the request sender tracks it: whether it has been aborted (caller's signal,
 * a batch's abort or deadline, its own timeout) and what to undo when that happens. A call is in one
 * stage at a time — queued for a slot, exchanging with the server, backing off before a retry — and
 * each stage registers how to end itself early with {@link CallState.watch}. This replaces an
 * `AbortController` and its listeners per call: an abort settles the stage's promise directly, so the
 * call ends when its deadline fires whatever the transport does.
 */
export class CallState implements Expiring, GroupMember {
  expiresAt = Number.POSITIVE_INFINITY
  #aborted = false
  #reason: unknown
  #stage: ((reason: unknown) => void) | undefined

  constructor(
    /** The call's timeout in milliseconds, for the reason given when it expires. */
    readonly timeout: number,
  ) {}

  /** Whether the call has been aborted. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** Why the call was aborted: a {@link CallTimeout}, or the reason of whoever aborted it. */
  get reason(): unknown {
    return this.#reason
  }

  /** Aborts the call (later calls have no effect) and ends its current stage. */
  abort(reason: unknown): void {
    if (this.#aborted) return
    this.#aborted = true
    this.#reason = reason
    const stage = this.#stage
    this.#stage = undefined
    stage?.(reason)
  }

  /** The deadline timer's callback. */
  expire(): void {
    this.abort(new CallTimeout(this.timeout))
  }

  /** Makes `onAbort` end the current stage when the call aborts; runs it at once if it has. */
  watch(onAbort: (reason: unknown) => void): void {
    if (this.#aborted) onAbort(this.#reason)
    else this.#stage = onAbort
  }

  /** The current stage ended by itself. */
  unwatch(): void {
    this.#stage = undefined
  }
}
