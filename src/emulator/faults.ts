import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * A fault to inject into the emulator's next matching requests, for testing clients (retries, timeouts,
 * connection handling). A fault answers with `status`, or drops the connection, or only delays the
 * request, or makes it fail inside the pipeline; `delay` combines with any of them.
 */
export interface FaultOptions {
  /** Answer with this HTTP status and a JSON error body instead of handling the request. */
  status?: number
  /** With `status`: the `Retry-After` header to send (seconds, or an HTTP date). */
  retryAfter?: number | string
  /** Destroy the connection without answering (the client sees a reset). */
  dropConnection?: boolean
  /**
   * Throw an unexpected error inside the pipeline once the request's body has been read, as a bug in a
   * handler would: the emulator must answer 500 with the contract's error body and log the stack.
   */
  failAfterBody?: boolean
  /** Milliseconds to wait before answering, dropping, or (alone) handling the request normally. */
  delay?: number
  /** How many matching requests the fault affects. Default 1; `Infinity` until cleared. */
  count?: number
  /** Only requests with one of these HTTP methods (upper case). */
  methods?: readonly string[]
  /** Only requests with one of these `X-v3io-function` values; `''` stands for requests without one. */
  functions?: readonly string[]
  /** Only requests whose raw target (path and query, still percent-encoded) starts with this. */
  pathPrefix?: string
}

/** A fault armed by `injectFaults`. */
export interface InjectedFault {
  /** Requests the fault has affected so far. */
  readonly hits: number
  /** Requests it will still affect. */
  readonly remaining: number
  /** Disarms the fault. */
  clear(): void
}

interface ArmedFault extends InjectedFault {
  readonly options: FaultOptions
  take(): void
}

/** How a fault alters the normal handling of a request. */
export interface ServeOptions {
  /** See {@link FaultOptions.failAfterBody}. */
  readonly failAfterBody?: boolean
}

/** Proceeds with normal handling of a request. */
export type ServeRequest = (
  request: IncomingMessage,
  response: ServerResponse,
  options?: ServeOptions,
) => void

/**
 * The emulator's fault injector: tests arm faults, the server consults it before handling each request.
 * With nothing armed, a request goes straight through (synchronously, no extra cost).
 */
export class FaultInjector {
  readonly #faults: ArmedFault[] = []

  /** Arms a fault; the first armed fault that matches a request takes it. */
  inject(options: FaultOptions): InjectedFault {
    const count = options.count ?? 1
    if (!(count >= 1)) throw new Error(`fault count must be ≥ 1, got ${String(count)}`)
    if (options.status !== undefined && !(Number.isInteger(options.status) && options.status >= 100))
      throw new Error(`invalid fault status ${String(options.status)}`)
    const faults = this.#faults
    let hits = 0
    const fault: ArmedFault = {
      options,
      get hits() {
        return hits
      },
      get remaining() {
        return faults.includes(fault) ? count - hits : 0
      },
      take() {
        hits += 1
        if (hits >= count) fault.clear()
      },
      clear() {
        const index = faults.indexOf(fault)
        if (index >= 0) faults.splice(index, 1)
      },
    }
    faults.push(fault)
    return fault
  }

  /** Disarms every fault. */
  clear(): void {
    this.#faults.length = 0
  }

  /** Applies the first matching fault to a request, or serves it normally. */
  intercept(request: IncomingMessage, response: ServerResponse, serve: ServeRequest): void {
    const fault =
      this.#faults.length === 0 ? undefined : this.#faults.find((armed) => matches(armed, request))
    if (!fault) {
      serve(request, response)
      return
    }
    fault.take()
    const { delay = 0 } = fault.options
    if (delay > 0) setTimeout(() => apply(fault.options, request, response, serve), delay)
    else apply(fault.options, request, response, serve)
  }
}

function matches(fault: ArmedFault, request: IncomingMessage): boolean {
  const { methods, functions, pathPrefix } = fault.options
  if (methods && !methods.includes(request.method ?? '')) return false
  if (functions) {
    const name = request.headers['x-v3io-function']
    if (!functions.includes(typeof name === 'string' ? name : '')) return false
  }
  return pathPrefix === undefined || (request.url ?? '').startsWith(pathPrefix)
}

function apply(
  options: FaultOptions,
  request: IncomingMessage,
  response: ServerResponse,
  serve: ServeRequest,
) {
  // A client that gave up during a delay has closed the connection: nothing is left to answer.
  if (request.socket.destroyed) return
  if (options.dropConnection) {
    request.socket.destroy()
    return
  }
  if (options.status === undefined) {
    serve(request, response, { failAfterBody: options.failAfterBody ?? false })
    return
  }
  const status = options.status
  const body = JSON.stringify({ ErrorCode: -1, ErrorMessage: `Injected fault: status ${status}` })
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  }
  if (options.retryAfter !== undefined) headers['Retry-After'] = String(options.retryAfter)
  // Read the request body to its end first, so that the connection stays usable for the next request.
  request.on('error', () => undefined)
  request.resume()
  request.once('end', () => {
    response.writeHead(status, headers)
    response.end(request.method === 'HEAD' ? undefined : body)
  })
}
