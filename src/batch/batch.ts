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
import type { BatchCompositeMethods, BatchOperationMethods } from './batch-methods.js'
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

interface PendingCall {
  /** The operation or composite name, for errors about composite responses. */
  readonly name: string
  /** The call's own raise-for-status, when a (JavaScript) caller passed one anyway (contract: it wins). */
  readonly raiseForStatus: RaiseForStatusOption | undefined
  /** Resolves with the response whatever its status; rejects when no response arrived. */
  readonly outcome: Promise<Response>
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
  #calls: PendingCall[] = []
  // Aborts the calls issued since the last wait(), for wait's signal.
  #group = new AbortGroup()

  /**
   * Batches come from `client.batch` and `client.createBatch()`.
   * @internal
   */
  constructor(host: BatchHost) {
    this.#host = host
  }

  /** The number of calls issued since the last `wait()`. */
  get pending(): number {
    return this.#calls.length
  }

  /**
   * Waits for every call issued since the last `wait()` and resolves with their responses in call order
   * ({@link Responses}). If any call failed — an HTTP status rejected by `raiseForStatus`, a network
   * failure, a timeout, an abort, invalid options — it rejects with a {@link BatchError} carrying every
   * response and every error, index-aligned. Calls issued while waiting belong to the next `wait()`.
   */
  async wait(options: WaitOptions = {}): Promise<Responses> {
    const policy = validateRaiseForStatus(options.raiseForStatus) ?? this.#host.raiseForStatus
    const calls = this.#calls
    const group = this.#group
    const deadline = groupDeadline(group, options.timeout)
    this.#calls = []
    this.#group = new AbortGroup()
    const { signal } = options
    const stopListening = whenAborted(signal, (reason) => group.abort(reason))
    let outcomes: PromiseSettledResult<Response>[]
    try {
      outcomes = await Promise.allSettled(calls.map((call) => call.outcome))
    } finally {
      stopListening()
      clearTimeout(deadline)
    }
    const responses: Array<Response | undefined> = []
    const errors: Array<Error | undefined> = []
    outcomes.forEach((outcome, index) => {
      const call = calls[index] as PendingCall
      const [response, error] = this.#judge(outcome, call, call.raiseForStatus ?? policy)
      responses.push(response)
      errors.push(error)
    })
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

  #issue(
    name: string,
    start: (options: CallOptions, group: AbortGroup) => Promise<Response>,
    options: unknown,
  ) {
    const callOptions = (options ?? {}) as CallOptions
    let raiseForStatus: RaiseForStatusOption | undefined
    let outcome: Promise<Response>
    try {
      raiseForStatus = validateRaiseForStatus(callOptions.raiseForStatus)
      outcome = start(callOptions, this.#group)
    } catch (error) {
      outcome = Promise.reject(error)
    }
    // wait() observes the rejection; until then it must not count as unhandled.
    outcome.catch(() => undefined)
    this.#calls.push({ name, raiseForStatus, outcome })
  }

  static {
    for (const [name, operation] of Object.entries(operations)) {
      Object.defineProperty(Batch.prototype, name, {
        value(this: Batch, options?: unknown): void {
          const host = this.#host
          const run = operation as Operation<unknown, unknown>
          this.#issue(name, (callOptions, group) => host.execute(run, callOptions, group, false), options)
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
