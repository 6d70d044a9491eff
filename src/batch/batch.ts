import type { PreparedCall } from '../client/core-client.js'
import { composites, operations } from '../client/registry.js'
import { whenAborted } from '../core/abort-signals.js'
import type { CallOptions } from '../core/call-options.js'
import type { Operation } from '../core/descriptor.js'
import { HttpResponseError, V3ioError } from '../core/errors.js'
import type { Executor } from '../core/executor.js'
import {
  type RaiseForStatusOption,
  shouldRaise,
  statusError,
  validateRaiseForStatus,
} from '../core/raise-for-status.js'
import type { Response } from '../core/response.js'
import { AbortGroup, groupDeadline } from '../transport/abort-group.js'
import type { ReleaseSlot } from '../transport/concurrency-gate.js'
import type { BatchCompositeMethods, BatchOperationMethods } from './batch-methods.js'
import { BatchRound, PendingCall } from './batch-round.js'
import { BatchError, Responses } from './responses.js'

/** What a batch needs from its client. Internal: batches come from `client.batch` and `client.createBatch()`. */
export interface BatchHost {
  /**
   * Runs an operation as `Executor.execute` does, aborting with `group`; it raises for the status only
   * when `raise` (a batch judges its calls' statuses in `wait()`, composites need their steps to raise).
   */
  execute<Options, Output>(
    operation: Operation<Options, Output>,
    options: (Options & CallOptions) | undefined,
    group: AbortGroup,
    raise: boolean,
  ): Promise<Response<Output>>
  /** Encodes and validates an operation call (throwing what its options deserve) without sending it. */
  prepare<Options, Output>(
    operation: Operation<Options, Output>,
    options: (Options & CallOptions) | undefined,
    group: AbortGroup,
  ): PreparedCall<Output>
  /** Sends a prepared call on a slot taken by `reserve`, as `execute` would with `raise` false. */
  send<Output>(call: PreparedCall<Output>, slot: ReleaseSlot): Promise<Response<Output>>
  /** Calls `start` with a slot of the client's gate, at once or when one frees (first in, first out). */
  reserve(start: (slot: ReleaseSlot) => void): void
  /** The client's `maxConnections`, which composites size their parallelism by. */
  readonly maxConnections: number
  /** The client's default raise-for-status policy. */
  readonly raiseForStatus: RaiseForStatusOption | undefined
}

/** Options of {@link Batch.wait}. */
export interface WaitOptions {
  /**
   * When a call counts as failed because of its HTTP status: `'always'` (status ≥ 300), `'never'`, or
   * the acceptable status codes. Default: the client's `raiseForStatus`.
   */
  raiseForStatus?: RaiseForStatusOption
  /** Aborts every call being waited for, queued or in flight; they fail with `RequestAbortedError`. */
  signal?: AbortSignal
  /**
   * Milliseconds from this `wait()` after which every call still running, queued ones included, fails
   * with `RequestTimeoutError`, so that the whole wait ends by then (a call's own `timeout` only starts
   * when it gets a slot). Default: none.
   */
  timeout?: number
}

/**
 * A batch of calls sent in parallel: each operation and composite of the client is a method here too,
 * taking the same options (except `raiseForStatus`) and returning at once. `wait()` waits for every call
 * issued since the previous `wait()` and hands back their responses in call order.
 *
 * Calls run as soon as they are issued, within the client's `maxConnections` slots (shared with the
 * client's other calls and batches; the rest queue, first in, first out). A call never throws: invalid
 * options, HTTP errors and network failures all surface from `wait()`, at the call's index.
 *
 * @example
 * const batch = client.createBatch()
 * for (const key of keys) batch.getObject({ container: 'bigdata', path: `/objects/${key}` })
 * const { responses } = await batch.wait()
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the merged interface types the methods that the static block installs from the registry.
export class Batch {
  readonly #host: BatchHost
  // The calls issued since the last wait(), and the group that aborts them for wait's signal and timeout.
  #round = new BatchRound()
  #group = newGroup(this.#round)

  /**
   * Batches come from `client.batch` and `client.createBatch()`.
   * @internal
   */
  constructor(host: BatchHost) {
    this.#host = host
  }

  /** The number of calls issued since the last `wait()`. */
  get pending(): number {
    return this.#round.calls.length
  }

  /**
   * Waits for every call issued since the last `wait()` and resolves with their responses in call order
   * ({@link Responses}). If any call failed — an HTTP status rejected by `raiseForStatus`, a network
   * failure, a timeout, an abort, invalid options — it rejects with a {@link BatchError} carrying every
   * response and every error, index-aligned. Calls issued while waiting belong to the next `wait()`.
   */
  async wait(options: WaitOptions = {}): Promise<Responses> {
    const policy = validateRaiseForStatus(options.raiseForStatus) ?? this.#host.raiseForStatus
    const round = this.#round
    const group = this.#group
    const deadline = groupDeadline(group, options.timeout)
    this.#round = new BatchRound()
    this.#group = newGroup(this.#round)
    const { signal } = options
    const stopListening = whenAborted(signal, (reason) => group.abort(reason))
    try {
      await round.settled()
    } finally {
      stopListening()
      clearTimeout(deadline)
    }
    const responses: Array<Response | undefined> = []
    const errors: Array<Error | undefined> = []
    for (const call of round.calls) {
      const outcome = call.outcome as PromiseSettledResult<Response>
      const [response, error] = this.#judge(outcome, call, call.raiseForStatus ?? policy)
      responses.push(response)
      errors.push(error)
    }
    if (errors.some((error) => error !== undefined)) throw new BatchError(responses, errors)
    return new Responses(responses as Response[])
  }

  #judge(
    outcome: PromiseSettledResult<Response>,
    call: PendingCall,
    policy: RaiseForStatusOption | undefined,
  ): [Response | undefined, Error | undefined] {
    if (outcome.status === 'fulfilled') {
      const response = outcome.value
      return [response, statusError(response, policy, call.name)]
    }
    const error = outcome.reason
    // A composite may raise for a status of an inner step despite 'never'; the batch's policy decides.
    if (error instanceof HttpResponseError)
      return [error.response, shouldRaise(error.statusCode, policy) ? error : undefined]
    return [undefined, error instanceof Error ? error : new V3ioError(String(error))]
  }

  /** Issues a composite, or an operation with its own signal: it starts (and waits for a slot) at once. */
  #issue(
    name: string,
    start: (options: CallOptions, group: AbortGroup) => Promise<Response>,
    options: unknown,
  ): void {
    const callOptions = (options ?? {}) as CallOptions
    let raiseForStatus: RaiseForStatusOption | undefined
    let running: Promise<Response>
    try {
      raiseForStatus = validateRaiseForStatus(callOptions.raiseForStatus)
      running = start(callOptions, this.#group)
    } catch (error) {
      running = Promise.reject(error)
    }
    const call = new PendingCall(name, raiseForStatus)
    this.#round.add(call)
    this.#round.follow(call, running)
  }

  /**
   * Issues an operation call: encoded now (its options may change once the call returns), sent when it
   * gets a slot. Until then the batch holds only the encoded request, not a running call.
   */
  #issueOperation(name: string, operation: Operation<unknown, unknown>, options: unknown): void {
    const host = this.#host
    const callOptions = options as CallOptions | undefined
    if (callOptions?.signal !== undefined) {
      // A call's own signal must be able to end it while it waits: the sender watches it from now on.
      this.#issue(name, (given, group) => host.execute(operation, given, group, false), options)
      return
    }
    const round = this.#round
    let raiseForStatus: RaiseForStatusOption | undefined
    let prepared: PreparedCall<unknown> | undefined
    let failure: unknown
    try {
      raiseForStatus = validateRaiseForStatus(callOptions?.raiseForStatus)
      prepared = host.prepare(operation, callOptions, this.#group)
    } catch (error) {
      failure = error
    }
    const call = new PendingCall(name, raiseForStatus)
    round.add(call)
    if (prepared === undefined) {
      round.settle(call, { status: 'rejected', reason: failure })
      return
    }
    call.waiting = prepared
    host.reserve((slot) => {
      const waiting = call.waiting
      // Failed while waiting (its round was aborted): the slot goes straight to the next call.
      if (waiting === undefined) return slot()
      call.waiting = undefined
      round.follow(call, host.send(waiting, slot))
    })
  }

  static {
    for (const [name, operation] of Object.entries(operations)) {
      Object.defineProperty(Batch.prototype, name, {
        value(this: Batch, options?: unknown): void {
          this.#issueOperation(name, operation as Operation<unknown, unknown>, options)
        },
        writable: true,
        configurable: true,
      })
    }
    for (const [name, composite] of Object.entries(composites)) {
      Object.defineProperty(Batch.prototype, name, {
        value(this: Batch, options?: unknown): void {
          const host = this.#host
          const run = composite as (executor: Executor, options: unknown) => Promise<Response>
          this.#issue(name, (callOptions, group) => runComposite(host, run, callOptions, group), options)
        },
        writable: true,
        configurable: true,
      })
    }
  }
}

// The operation and composite methods are installed on the prototype by the static block above.
export interface Batch extends BatchOperationMethods, BatchCompositeMethods {}

/** A round's abort group: the round is its one member, the calls join it while they run. */
function newGroup(round: BatchRound): AbortGroup {
  const group = new AbortGroup()
  group.add(round)
  return group
}

/**
 * Runs a composite in a batch: its steps run through an executor bound to the batch's abort group, and
 * the composite itself with 'never', so that the batch judges its final status in wait().
 */
function runComposite(
  host: BatchHost,
  composite: (executor: Executor, options: unknown) => Promise<Response>,
  options: CallOptions,
  group: AbortGroup,
): Promise<Response> {
  const executor: Executor = {
    maxConnections: host.maxConnections,
    execute: (operation, stepOptions) => host.execute(operation, stepOptions, group, true),
  }
  return composite(executor, { ...options, raiseForStatus: 'never' })
}
