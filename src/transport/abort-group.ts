import { ValidationError } from '../core/errors.js'

/**
 * Aborts a group of calls at once, such as every call a batch's `wait()` is waiting for. Unlike one
 * `AbortSignal` shared by all of them, it needs no event listener per call (Node warns beyond ten
 * listeners on one signal, and a signal and its listeners cost several microseconds per call).
 */
export class AbortGroup {
  #aborted = false
  #reason: unknown
  readonly #members = new Set<GroupMember>()

  /** Whether the group has been aborted. */
  get aborted(): boolean {
    return this.#aborted
  }

  /** The reason given to {@link AbortGroup.abort}. */
  get reason(): unknown {
    return this.#reason
  }

  /** Aborts every member, now and any that joins later; later calls have no effect. */
  abort(reason: unknown): void {
    if (this.#aborted) return
    this.#aborted = true
    this.#reason = reason
    const members = [...this.#members]
    this.#members.clear()
    for (const member of members) member.abort(reason)
  }

  /** Calls `onAbort` when the group aborts (at once if it has); returns the function that leaves the group. */
  join(onAbort: (reason: unknown) => void): () => void {
    const member: GroupMember = { abort: onAbort }
    this.add(member)
    return () => this.remove(member)
  }

  /**
   * Adds a member, aborted when the group aborts (at once if it has). The allocation-free form of
   * {@link AbortGroup.join}, for the client's calls: a batch may hold thousands of them.
   */
  add(member: GroupMember): void {
    if (this.#aborted) member.abort(this.#reason)
    else this.#members.add(member)
  }

  /** Removes a member (whether or not it was added). */
  remove(member: GroupMember): void {
    this.#members.delete(member)
  }
}

/** Something an {@link AbortGroup} aborts. */
export interface GroupMember {
  abort(reason: unknown): void
}

/**
 * Abort reason of a group whose deadline passed (a batch's `wait({ timeout })`): its calls, queued or in
 * flight, fail with `RequestTimeoutError` rather than `RequestAbortedError`.
 */
export class GroupDeadline extends Error {
  constructor(readonly milliseconds: number) {
    super(`the deadline of ${milliseconds} ms passed`)
  }
}

/**
 * Aborts `group` with a {@link GroupDeadline} after `timeout` milliseconds; returns the timer to clear
 * once the group's calls have ended. `undefined` or 0: no deadline.
 */
export function groupDeadline(
  group: AbortGroup,
  timeout: number | undefined,
): ReturnType<typeof setTimeout> | undefined {
  if (timeout === undefined || timeout === 0) return undefined
  if (typeof timeout !== 'number' || !(timeout > 0))
    throw new ValidationError('timeout', `must be a number of milliseconds ≥ 0, got ${String(timeout)}`)
  return setTimeout(() => group.abort(new GroupDeadline(timeout)), Math.min(timeout, 2 ** 31 - 1))
}
