import type { RequestBody } from '../core/descriptor.js'
import type { Transfer } from './progress.js'
import type { TransportRequest } from './transport.js'

/**
 * The request of one attempt as a transport receives it. Its `signal` is created only when a transport
 * reads it (the fetch-based ones do; `nodeHttpTransport` uses {@link AttemptRequest.whenAbandoned}
 * instead), so that a call pays for no `AbortController` when nothing needs one.
 */
export class AttemptRequest implements TransportRequest {
  #controller: AbortController | undefined
  #abandoned = false
  #reason: unknown
  #listener: ((reason: unknown) => void) | undefined

  constructor(
    readonly url: string,
    readonly method: string,
    readonly headers: Record<string, string>,
    readonly body: RequestBody | undefined,
    readonly maxResponseBytes: number,
    readonly transfer: Transfer | undefined,
  ) {}

  /** Aborted when the client abandons the attempt (timeout, caller's abort, a batch's abort). */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController()
      if (this.#abandoned) this.#controller.abort(this.#reason)
    }
    return this.#controller.signal
  }

  /** Calls `onAbandon` once if the client abandons the attempt (at once if it has); replaces any earlier one. */
  whenAbandoned(onAbandon: ((reason: unknown) => void) | undefined): void {
    if (this.#abandoned && onAbandon) onAbandon(this.#reason)
    else this.#listener = onAbandon
  }

  /** Abandons the attempt: aborts the signal, if one was created, and tells the listener. */
  abandon(reason: unknown): void {
    if (this.#abandoned) return
    this.#abandoned = true
    this.#reason = reason
    this.#controller?.abort(reason)
    const listener = this.#listener
    this.#listener = undefined
    listener?.(reason)
  }
}
