import type { RawResponse, RequestDescriptor } from '../core/descriptor.js'
import { NetworkError, RequestAbortedError, RequestTimeoutError, V3ioError } from '../core/errors.js'
import type { AbortGroup } from '../transport/abort-group.js'
import type { ConcurrencyGate, ReleaseSlot } from '../transport/concurrency-gate.js'
import { type ClientHooks, notify, type ObservedRequest, sanitized } from '../transport/hooks.js'
import {
  backoffDelay,
  isRetryableStatus,
  neverReachedServer,
  type ResolvedRetryOptions,
  retryAfterDelay,
  sleep,
} from '../transport/retry-policy.js'
import type { Transport, TransportRequest } from '../transport/transport.js'
import type { Credential } from './credentials.js'

/** Per-call settings of one send. */
export interface SendSettings {
  /** The credential header to add; `undefined` sends none. */
  readonly credential: Credential
  /** The caller's signal: aborts the call, queued or in flight, and stops retries. */
  readonly signal?: AbortSignal | undefined
  /** Milliseconds for the whole call, retries included, from the moment it gets a slot; 0 for none. */
  readonly timeout: number
  /** The client's retry settings. */
  readonly retry: ResolvedRetryOptions
  /** Retry even an operation the contract marks unsafe to retry (the caller knows better). */
  readonly retryUnsafe?: boolean | undefined
  /** A group that aborts this call with others (a batch's `wait({ signal })`), queued or in flight. */
  readonly group?: AbortGroup | undefined
}

// setTimeout fires at once beyond this many milliseconds (a signed 32-bit delay).
const longestTimer = 2 ** 31 - 1

const runtime = globalThis as { setImmediate?: (callback: () => void) => unknown }

/**
 * Waits for the event loop's next turn where the runtime can say so (Node, Bun), and not at all
 * elsewhere. Node's fetch makes a connection reusable only on the turn after its response completes: a
 * request sent sooner — the caller's next call, or the next queued call taking the slot — finds the
 * connection busy and opens another, so that every slot would end up with two connections. Waiting
 * keeps one connection per slot, and measured no slower (docs/benchmarks.md).
 */
function nextTurn(): Promise<void> | undefined {
  const schedule = runtime.setImmediate
  return schedule ? new Promise((resolve) => schedule(resolve)) : undefined
}

/** Abort reason of an expired call timeout. */
class CallTimeout extends Error {}

/** Failure of one attempt that outlived `retry.attemptTimeout`. */
class AttemptTimeout extends Error {
  constructor(readonly milliseconds: number) {
    super(`the attempt timed out after ${milliseconds} ms`)
  }
}

/**
 * Sends descriptors: waits for a slot of the concurrency gate, adds the credential, enforces the
 * timeout and retries what may be retried (transport.md, "Retries and idempotency"). Rejections are
 * always the SDK's typed errors. The slot is held during back-off, so that a struggling server sees no
 * more than `maxConnections` requests from this client, retries included.
 */
export class RequestSender {
  readonly #endpoint: string
  readonly #transport: Transport
  readonly #gate: ConcurrencyGate
  readonly #hooks: ClientHooks | undefined
  readonly #waitForReuse: boolean

  constructor(endpoint: string, transport: Transport, gate: ConcurrencyGate, hooks?: ClientHooks) {
    this.#endpoint = endpoint
    this.#transport = transport
    this.#waitForReuse = transport.reusesConnectionsNextTurn === true
    this.#gate = gate
    this.#hooks = hooks?.beforeRequest || hooks?.afterResponse ? hooks : undefined
  }

  /** The URL of a descriptor (no credentials in it). */
  url(descriptor: RequestDescriptor): string {
    return `${this.#endpoint}${descriptor.path}${descriptor.query ? `?${descriptor.query}` : ''}`
  }

  /** Sends one call (all its attempts) and resolves with the final response, whatever its status. */
  async send(descriptor: RequestDescriptor, settings: SendSettings): Promise<RawResponse> {
    const { group } = settings
    if (group?.aborted) throw new RequestAbortedError(descriptor.operation, group.reason)
    let release: ReleaseSlot
    try {
      release = await this.#gate.acquire(settings.signal)
    } catch {
      // The gate rejects only when the caller's signal aborts a call that is still queued.
      throw new RequestAbortedError(descriptor.operation, settings.signal?.reason)
    }
    // A group member stays queued when its group aborts, and gives its slot straight back.
    if (group?.aborted) {
      release()
      throw new RequestAbortedError(descriptor.operation, group.reason)
    }
    try {
      return await this.#sendWithin(descriptor, settings)
    } finally {
      if (this.#waitForReuse) await nextTurn()
      release()
    }
  }

  async #sendWithin(descriptor: RequestDescriptor, settings: SendSettings): Promise<RawResponse> {
    const call = new AbortController()
    const callerSignal = settings.signal
    const onCallerAbort = () => call.abort(callerSignal?.reason)
    if (callerSignal?.aborted) onCallerAbort()
    else callerSignal?.addEventListener('abort', onCallerAbort, { once: true })
    const leaveGroup = settings.group?.join((reason) => call.abort(reason))
    const limited = settings.timeout > 0 && settings.timeout <= longestTimer
    const deadline = limited ? performance.now() + settings.timeout : Number.POSITIVE_INFINITY
    const timer = limited ? setTimeout(() => call.abort(new CallTimeout()), settings.timeout) : undefined
    try {
      return await this.#attempts(descriptor, settings, call.signal, deadline)
    } catch (error) {
      throw failure(error, descriptor, settings, call.signal)
    } finally {
      clearTimeout(timer)
      callerSignal?.removeEventListener('abort', onCallerAbort)
      leaveGroup?.()
    }
  }

  async #attempts(
    descriptor: RequestDescriptor,
    settings: SendSettings,
    signal: AbortSignal,
    deadline: number,
  ): Promise<RawResponse> {
    const headers: Record<string, string> = { ...descriptor.headers }
    if (settings.credential) headers[settings.credential.header] = settings.credential.value
    const request: TransportRequest = {
      url: this.url(descriptor),
      method: descriptor.method,
      headers,
      body: descriptor.body,
      signal,
    }
    const { retry } = settings
    const retryable = descriptor.idempotent || settings.retryUnsafe === true
    // A retry is worth it only if it can start before the call's deadline.
    const next = (attempt: number, delay: number | undefined) =>
      delay !== undefined && attempt < retry.attempts && performance.now() + delay < deadline
        ? delay
        : undefined
    for (let attempt = 1; ; attempt++) {
      const observed = this.#hooks && observe(descriptor, request, settings.credential, attempt)
      if (observed) notify(this.#hooks?.beforeRequest, observed)
      const started = performance.now()
      let response: RawResponse
      try {
        response = await this.#attempt(request, retry.attemptTimeout)
        // A transport that ignores the signal must not outlive the timeout or the caller's abort.
        signal.throwIfAborted()
      } catch (error) {
        const safe = !signal.aborted && (retryable || neverReachedServer(error))
        const delay = next(attempt, safe ? backoffDelay(attempt, retry) : undefined)
        if (observed) this.#observeFailure(observed, error, started, delay !== undefined)
        if (delay === undefined) throw error
        await sleep(delay, signal)
        continue
      }
      const delay = next(attempt, retryable ? statusDelay(response, attempt, retry) : undefined)
      if (observed)
        notify(this.#hooks?.afterResponse, {
          request: observed,
          status: response.status,
          headers: response.headers,
          body: response.body,
          error: undefined,
          milliseconds: performance.now() - started,
          willRetry: delay !== undefined,
        })
      if (delay === undefined) return response
      await sleep(delay, signal)
    }
  }

  /** One exchange, abandoned after `attemptTimeout` milliseconds when that is set. */
  async #attempt(request: TransportRequest, attemptTimeout: number): Promise<RawResponse> {
    if (!(attemptTimeout > 0 && attemptTimeout <= longestTimer)) return this.#transport(request)
    const outer = request.signal
    const attempt = new AbortController()
    const onAbort = () => attempt.abort(outer.reason)
    outer.addEventListener('abort', onAbort, { once: true })
    const timer = setTimeout(() => attempt.abort(new AttemptTimeout(attemptTimeout)), attemptTimeout)
    try {
      return await this.#transport({ ...request, signal: attempt.signal })
    } catch (error) {
      if (!outer.aborted && attempt.signal.reason instanceof AttemptTimeout) throw attempt.signal.reason
      throw error
    } finally {
      clearTimeout(timer)
      outer.removeEventListener('abort', onAbort)
    }
  }

  #observeFailure(observed: ObservedRequest, error: unknown, started: number, willRetry: boolean): void {
    notify(this.#hooks?.afterResponse, {
      request: observed,
      status: undefined,
      headers: undefined,
      body: undefined,
      error,
      milliseconds: performance.now() - started,
      willRetry,
    })
  }
}

/** The back-off after a response: only for retryable statuses, and honouring `Retry-After`. */
function statusDelay(
  response: RawResponse,
  attempt: number,
  retry: ResolvedRetryOptions,
): number | undefined {
  if (!isRetryableStatus(response.status)) return undefined
  const asked = retryAfterDelay(response.headers.get('Retry-After'))
  if (asked === undefined) return backoffDelay(attempt, retry)
  // A server asking for a long pause gets its answer handed to the caller rather than a silent wait.
  return asked <= retry.maxRetryAfter ? asked : undefined
}

function observe(
  descriptor: RequestDescriptor,
  request: TransportRequest,
  credential: Credential,
  attempt: number,
): ObservedRequest {
  const headers: Record<string, string> = { ...descriptor.headers }
  if (credential) headers[credential.header] = sanitized
  return { operation: descriptor.operation, method: descriptor.method, url: request.url, headers, attempt }
}

/** Translates whatever ended a call into the SDK's typed errors. */
function failure(
  error: unknown,
  descriptor: RequestDescriptor,
  settings: SendSettings,
  signal: AbortSignal,
): V3ioError {
  const { operation } = descriptor
  if (signal.reason instanceof CallTimeout) return new RequestTimeoutError(operation, settings.timeout)
  if (signal.aborted) return new RequestAbortedError(operation, signal.reason)
  if (error instanceof AttemptTimeout) return new RequestTimeoutError(operation, error.milliseconds)
  if (error instanceof V3ioError) return error
  return new NetworkError(`${operation} failed: ${describeFailure(error)}`, operation, { cause: error })
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const message = error instanceof Error ? error.message : String(error)
  if (cause?.code) return `${message} (${cause.code})`
  return cause?.message ? `${message} (${cause.message})` : message
}
