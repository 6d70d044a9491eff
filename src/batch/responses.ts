import { V3ioError } from '../core/errors.js'
import type { Response } from '../core/response.js'

/** What `batch.wait()` resolves to when every call succeeded: the responses, in call order. */
export class Responses {
  constructor(
    /** One response per call, in the order the calls were issued. */
    readonly responses: readonly Response[],
  ) {}

  /** The number of calls. */
  get length(): number {
    return this.responses.length
  }

  /** Iterates over the responses in call order. */
  [Symbol.iterator](): Iterator<Response> {
    return this.responses[Symbol.iterator]()
  }
}

/** One failed call of a batch. */
export interface BatchFailure {
  /** The call's position, in issue order. */
  readonly index: number
  /** Why it failed: an `HttpResponseError`, `NetworkError`, `RequestTimeoutError`, `ValidationError`, … */
  readonly error: Error
}

/**
 * `batch.wait()` rejects with this when at least one call failed. It still carries everything: the
 * response of every call that got one and the error of every call that failed, both indexed by call
 * order, so that the successful calls are not lost.
 */
export class BatchError extends V3ioError {
  override name = 'BatchError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.BatchError'
  // Behind getters, so that serialising or printing the error does not dump every response (Node's
  // inspector still lists `errors`, as for an AggregateError, up to its array limit).
  readonly #responses: ReadonlyArray<Response | undefined>
  readonly #errors: ReadonlyArray<Error | undefined>

  constructor(responses: ReadonlyArray<Response | undefined>, errors: ReadonlyArray<Error | undefined>) {
    const failures = errors.flatMap((error, index) => (error ? [{ index, error }] : []))
    const first = failures[0]
    super(
      `${failures.length} of ${errors.length} batch calls failed` +
        (first ? `; the first (#${first.index}): ${first.error.message}` : ''),
      first ? { cause: first.error } : undefined,
    )
    this.#responses = responses
    this.#errors = errors
  }

  /**
   * The response of each call, in call order: present for every call that got an HTTP answer (including
   * answers that raise-for-status rejected), `undefined` for calls that got none (network failure,
   * timeout, abort, invalid options).
   */
  get responses(): ReadonlyArray<Response | undefined> {
    return this.#responses
  }

  /** The error of each call, in call order; `undefined` for calls that succeeded. */
  get errors(): ReadonlyArray<Error | undefined> {
    return this.#errors
  }

  /** The failed calls only, in call order. */
  get failures(): BatchFailure[] {
    return this.errors.flatMap((error, index) => (error ? [{ index, error }] : []))
  }
}
