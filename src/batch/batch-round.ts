import type { PreparedCall } from '../client/core-client.js'
import type { RaiseForStatusOption } from '../core/raise-for-status.js'
import type { Response } from '../core/response.js'
import type { GroupMember } from '../transport/abort-group.js'
import { callFailure } from '../transport/call-failure.js'
import { CallState } from '../transport/call-state.js'

/** One call of a batch, from its issue to its outcome. */
export class PendingCall {
  /** How the call ended; `undefined` while it runs or waits for a slot. */
  outcome: PromiseSettledResult<Response> | undefined
  /** The encoded call while it waits for a slot (it has started once this is `undefined`). */
  waiting: PreparedCall<unknown> | undefined

  constructor(
    /** The operation or composite name, for errors about composite responses. */
    readonly name: string,
    /** The call's own raise-for-status, when a (JavaScript) caller passed one anyway (contract: it wins). */
    readonly raiseForStatus: RaiseForStatusOption | undefined,
  ) {}
}

/**
 * The calls issued between two `wait()`s, and how many are still running. A call waiting for a slot is
 * only its encoded request (no promise, state or async frame of its own), which keeps a batch of many
 * thousands of calls cheap for the garbage collector; the round is the single member of the calls'
 * abort group, so that an abort fails the waiting ones at once, as it ends the running ones.
 */
export class BatchRound implements GroupMember {
  readonly calls: PendingCall[] = []
  #running = 0
  #settled: (() => void) | undefined

  /** Counts a call as running until {@link BatchRound.settle}. */
  add(call: PendingCall): void {
    this.calls.push(call)
    this.#running++
  }

  /** Records a call's outcome (once). */
  settle(call: PendingCall, outcome: PromiseSettledResult<Response>): void {
    if (call.outcome !== undefined) return
    call.outcome = outcome
    if (--this.#running === 0) this.#settled?.()
  }

  /** Settles `call` with the outcome of `running`. */
  follow(call: PendingCall, running: Promise<Response>): void {
    running.then(
      (value) => this.settle(call, { status: 'fulfilled', value }),
      (reason: unknown) => this.settle(call, { status: 'rejected', reason }),
    )
  }

  /** Resolves once every call has settled. */
  settled(): Promise<void> {
    if (this.#running === 0) return Promise.resolve()
    return new Promise((resolve) => {
      this.#settled = resolve
    })
  }

  /** Fails every call still waiting for a slot as the sender fails an aborted call (the group aborted). */
  abort(reason: unknown): void {
    const state = new CallState(0)
    state.abort(reason)
    for (const call of this.calls) {
      const waiting = call.waiting
      if (waiting === undefined) continue
      call.waiting = undefined
      const { operation, method, path, query } = waiting.descriptor
      // The endpoint is the sender's; a call that never left the queue names its path.
      const target = `${method} ${query ? `${path}?${query}` : path}`
      this.settle(call, { status: 'rejected', reason: callFailure(reason, operation, state, target) })
    }
  }
}
