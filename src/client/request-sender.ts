import { whenAborted } from '../core/abort-signals.js'
import type { RawResponse, RequestDescriptor } from '../core/descriptor.js'
import { ResponseTooLargeError } from '../core/errors.js'
import { clientHeader, clientHeaderValue } from '../core/version.js'
import type { AbortGroup } from '../transport/abort-group.js'
import type { AttemptObserver } from '../transport/attempt-hooks.js'
import { AttemptRequest } from '../transport/attempt-request.js'
import { withBodyAbort } from '../transport/body-abort.js'
import { callFailure, describeFailure } from '../transport/call-failure.js'
import { AttemptTimeout, CallState } from '../transport/call-state.js'
import type { ConcurrencyGate, ReleaseSlot } from '../transport/concurrency-gate.js'
import { DeadlineTimer } from '../transport/deadline-timer.js'
import { type ClientHooks, notify } from '../transport/hooks.js'
import type { Transfer } from '../transport/progress.js'
import type { Logger } from '../transport/request-log.js'
import { defaultResponseLimits, type ResponseLimits } from '../transport/response-limits.js'
import {
  backoffDelay,
  neverReachedServer,
  type ResolvedRetryOptions,
  retryDelay,
  statusDelay,
} from '../transport/retry-policy.js'
import type { Transport } from '../transport/transport.js'
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
  /** A group that aborts this call with others (a batch's `wait({ signal, timeout })`), queued or in flight. */
  readonly group?: AbortGroup | undefined
  /** Progress callbacks and a streamed response, when the call asked for them. */
  readonly transfer?: Transfer | undefined
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

/**
 * Sends descriptors: waits for a slot of the concurrency gate, adds the credential, enforces the
 * timeout and retries what may be retried (transport.md, "Retries and idempotency"). Rejections are
 * always the SDK's typed errors. The slot is held during back-off, so that a struggling server sees no
 * more than `maxConnections` requests from this client, retries included.
 *
 * The sender enforces every deadline itself: when a call's timeout expires, or its caller or batch
 * aborts it, the call settles at once and its exchange is abandoned (the transport is told, and its
 * answer, if one ever comes, is ignored), so that no transport can hang a call or keep its slot.
 */
export class RequestSender {
  readonly #endpoint: string
  readonly #transport: Transport
  readonly #gate: ConcurrencyGate
  // The observer of attempts (hooks, logger), loading (attempt-hooks.ts) when the client has either.
  readonly #observer: Promise<AttemptObserver | undefined> | undefined
  readonly #waitForReuse: boolean
  readonly #limits: ResponseLimits
  readonly #deadlines = new DeadlineTimer()

  constructor(
    endpoint: string,
    transport: Transport,
    gate: ConcurrencyGate,
    hooks?: ClientHooks,
    limits: ResponseLimits = defaultResponseLimits,
    // A logger, or the value of V3IO_DEBUG.
    logger?: Logger | string,
  ) {
    this.#endpoint = endpoint
    this.#transport = transport
    this.#waitForReuse = transport.reusesConnectionsNextTurn === true
    this.#gate = gate
    if (hooks?.beforeRequest || hooks?.afterResponse || logger) {
      this.#observer = import('../transport/attempt-hooks.js').then((loaded) =>
        loaded.attemptObserver(hooks, logger, notify, describeFailure),
      )
      // A failed load fails the calls that await it, not the process.
      this.#observer.catch(() => undefined)
    }
    this.#limits = limits
  }

  /** The URL of a descriptor (no credentials in it). */
  url(descriptor: RequestDescriptor): string {
    const { query } = descriptor
    return query ? `${this.#endpoint}${descriptor.path}?${query}` : this.#endpoint + descriptor.path
  }

  /**
   * Calls `start` with a slot of the gate: at once if one is free, else when one frees (first in, first
   * out with every other call). `start` must not throw; it hands the slot to {@link RequestSender.send}.
   */
  reserve(start: (slot: ReleaseSlot) => void): void {
    const slot = this.#gate.tryAcquire()
    if (slot) start(slot)
    else this.#gate.enqueue(start)
  }

  /**
   * Sends one call (all its attempts) and resolves with the final response, whatever its status. `slot`
   * is a slot already taken for the call ({@link RequestSender.reserve}); the call gives it back. `url`
   * is the descriptor's {@link RequestSender.url}, for a caller that needs it too (built once per call).
   */
  async send(
    descriptor: RequestDescriptor,
    settings: SendSettings,
    slot?: ReleaseSlot,
    url: string = this.url(descriptor),
  ): Promise<RawResponse> {
    const limited = settings.timeout > 0 && settings.timeout <= longestTimer
    const call = new CallState(settings.timeout)
    const callerSignal = settings.signal
    // A call without a signal pays nothing; calls sharing one share its single listener.
    const stopListening = callerSignal && whenAborted(callerSignal, (reason) => call.abort(reason))
    const { group } = settings
    group?.add(call)
    let release = slot
    try {
      // Before the call's timeout starts, like a transport's loading code (CoreClient).
      const observer = this.#observer && (await this.#observer)
      if (call.aborted) throw call.reason
      release ??= this.#gate.tryAcquire()
      if (release === undefined) {
        release = await this.#queue(call)
        call.unwatch()
      }
      if (call.aborted) throw call.reason
      if (limited) {
        call.expiresAt = performance.now() + settings.timeout
        this.#deadlines.add(call)
      }
      return await this.#attempts(descriptor, url, settings, call, observer)
    } catch (error) {
      throw callFailure(error, descriptor.operation, call, `${descriptor.method} ${url}`)
    } finally {
      if (limited) this.#deadlines.delete(call)
      stopListening?.()
      group?.remove(call)
      if (release) {
        if (this.#waitForReuse) await nextTurn()
        release()
      }
    }
  }

  /** Waits in the gate's queue until a slot frees, or leaves it when the call aborts. */
  #queue(call: CallState): Promise<ReleaseSlot> {
    return new Promise((resolve, reject) => {
      const position = this.#gate.enqueue(resolve)
      call.watch((reason) => {
        if (this.#gate.leave(position, resolve)) reject(reason)
      })
    })
  }

  async #attempts(
    descriptor: RequestDescriptor,
    url: string,
    settings: SendSettings,
    call: CallState,
    observer: AttemptObserver | undefined,
  ): Promise<RawResponse> {
    const { credential, retry } = settings
    // Object.assign onto a fresh object, not a spread: operations' header objects come in many shapes,
    // and a spread of them all (a megamorphic copy) cost over a microsecond per call.
    const headers: Record<string, string> = Object.assign({}, descriptor.headers)
    headers[clientHeader] = clientHeaderValue
    if (credential) headers[credential.header] = credential.value
    const limit =
      descriptor.operation === 'GetObject' ? this.#limits.maxObjectBytes : this.#limits.maxResponseBytes
    // A stream body can be read once: no attempt is repeated, not even one that never reached the server.
    const resendable = descriptor.streamBody !== true
    const retryable = resendable && (descriptor.idempotent || settings.retryUnsafe === true)
    const { method } = descriptor
    const { signal } = settings
    const transfer =
      descriptor.streamResponse && signal
        ? withBodyAbort(descriptor, settings.transfer, signal, url)
        : settings.transfer
    for (let attempt = 1; ; attempt++) {
      const observation = observer?.(descriptor.operation, method, url, headers, credential, attempt)
      const request = new AttemptRequest(
        url,
        method,
        observation ? observation.headers : headers,
        descriptor.body,
        limit,
        transfer,
      )
      let response: RawResponse
      try {
        response = await this.#exchange(request, call, retry.attemptTimeout)
      } catch (error) {
        const safe =
          resendable &&
          !call.aborted &&
          !(error instanceof ResponseTooLargeError) &&
          (retryable || neverReachedServer(error))
        const delay = retryDelay(
          call.expiresAt,
          attempt,
          retry,
          safe ? backoffDelay(attempt, retry) : undefined,
        )
        observation?.end(undefined, error, delay !== undefined)
        if (delay === undefined) throw error
        await this.#pause(delay, call)
        continue
      }
      const delay = retryDelay(
        call.expiresAt,
        attempt,
        retry,
        // statusDelay answers undefined for a status not worth retrying.
        retryable ? statusDelay(response, attempt, retry) : undefined,
      )
      observation?.end(response, undefined, delay !== undefined)
      if (delay === undefined) return response
      await this.#pause(delay, call)
    }
  }

  /**
   * One exchange, settled by the first of: the transport's answer, the call's abort (deadline, caller,
   * batch) or the attempt's own timeout. The last two abandon the request, so that the transport can
   * drop its connection; a transport that never settles cannot hold the call.
   */
  #exchange(request: AttemptRequest, call: CallState, attemptTimeout: number): Promise<RawResponse> {
    return new Promise<RawResponse>((resolve, reject) => {
      const attemptLimited = attemptTimeout > 0 && attemptTimeout <= longestTimer
      const attemptDeadline = attemptLimited
        ? {
            expiresAt: performance.now() + attemptTimeout,
            expire: () => end(new AttemptTimeout(attemptTimeout)),
          }
        : undefined
      const stop = () => {
        if (attemptDeadline) this.#deadlines.delete(attemptDeadline)
        call.unwatch()
      }
      const end = (reason: unknown) => {
        stop()
        request.abandon(reason)
        reject(reason)
      }
      const settle = (response: RawResponse) => {
        stop()
        request.whenAbandoned(undefined)
        resolve(response)
      }
      const fail = (error: unknown) => {
        stop()
        reject(error)
      }
      call.watch(end)
      if (call.aborted) return
      if (attemptDeadline) this.#deadlines.add(attemptDeadline)
      let answer: Promise<RawResponse>
      try {
        answer = this.#transport(request)
      } catch (error) {
        fail(error)
        return
      }
      answer.then(settle, fail)
    })
  }

  /** Back-off before a retry, cut short when the call aborts. */
  #pause(milliseconds: number, call: CallState): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        call.unwatch()
        resolve()
      }, milliseconds)
      call.watch((reason) => {
        clearTimeout(timer)
        reject(reason)
      })
    })
  }
}
