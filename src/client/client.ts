import { Batch, type BatchHost } from '../batch/batch.js'
import type { CallOptions } from '../core/call-options.js'
import type { Operation, RequestDescriptor } from '../core/descriptor.js'
import { HttpResponseError, ValidationError } from '../core/errors.js'
import type { Executor } from '../core/executor.js'
import { type RaiseForStatusOption, shouldRaise, validateRaiseForStatus } from '../core/raise-for-status.js'
import { decodeErrorBody, Response } from '../core/response.js'
import type { AbortGroup } from '../transport/abort-group.js'
import { ConcurrencyGate } from '../transport/concurrency-gate.js'
import type { ClientHooks } from '../transport/hooks.js'
import { kyTransport } from '../transport/ky-transport.js'
import { responseLimits } from '../transport/response-limits.js'
import {
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
} from '../transport/retry-policy.js'
import type { Transport } from '../transport/transport.js'
import {
  accessKeyCredential,
  type Credential,
  type CredentialOptions,
  resolveCredential,
} from './credentials.js'
import { resolveEndpoint } from './endpoint.js'
import {
  type CompositeMethods,
  composites,
  type HelperMethods,
  helpers,
  type OperationMethods,
  operations,
} from './registry.js'
import { RequestSender } from './request-sender.js'

export type { CallOptions } from '../core/call-options.js'

/** Options of `new Client(…)`. */
export interface ClientOptions extends CredentialOptions {
  /**
   * The web-API URL, e.g. `http://v3io-webapi:8081` or `https://webapi.tenant.example.com`; `http://` is
   * assumed without a scheme, and a path prefix (a reverse proxy's) is kept. Defaults to `V3IO_API`.
   */
  endpoint?: string
  /**
   * Most requests in flight at once, for this client and all its batches together; further calls wait
   * in a first-in, first-out queue. Default 8 (the contract's and the official Python SDK's). In Node it
   * also bounds the keep-alive connections the client needs (one per slot); browsers additionally cap
   * HTTP/1.1 connections per host (6 in Chromium, Firefox and Safari), so above 6 the extra requests
   * queue in the browser rather than here.
   */
  maxConnections?: number
  /**
   * Milliseconds a call may take, retries and back-off included, counted from the moment it gets one of
   * the `maxConnections` slots (time spent queued behind other calls does not count); `0` for none.
   * Default 60000.
   */
  timeout?: number
  /** The `fetch` to use instead of the global one (tests, proxies, custom agents). */
  fetch?: typeof fetch
  /**
   * A whole replacement transport; `fetch` is ignored when given. Three come with the SDK: the default
   * `kyTransport()` (`fetch` through ky, every runtime), `fetchTransport()` (bare `fetch`, cheaper per
   * request) and, in Node, `nodeHttpTransport()` from `v3io/node` (`node:http` with keep-alive
   * connections, the cheapest by far; docs/benchmarks.md compares them). Any function
   * `(request) => Promise<{ status, headers, body }>` will do, e.g. a test double.
   */
  transport?: Transport
  /** The default raise-for-status policy of every call. Default `'always'`: raise on status ≥ 300. */
  raiseForStatus?: RaiseForStatusOption
  /**
   * Automatic retries (exponential back-off with full jitter, `Retry-After` honoured) of operations that
   * are safe to retry; `false` disables them. Defaults: 4 attempts, 100 ms doubling up to 2 s.
   */
  retry?: RetryOptions | false
  /** Observers of every HTTP attempt, for logging and metrics; they never see credentials. */
  hooks?: ClientHooks
  /**
   * The most bytes of a response body the client accepts for every answer but object contents (JSON,
   * XML, error bodies); a bigger one fails the call with `ResponseTooLargeError`, unretried, and the
   * connection is dropped instead of buffering it. Default 64 MiB; `Infinity` for no limit.
   */
  maxResponseBytes?: number
  /** The same limit for the contents `getObject` returns. Default: none (`Infinity`). */
  maxObjectBytes?: number
}

const defaultTimeout = 60_000

/**
 * The V3IO data-plane client: containers, objects, key-value items and streams over the web API.
 * Every call resolves to a {@link Response}; errors are typed (`HttpResponseError`, `ValidationError`, …).
 *
 * @example
 * const client = new Client({ endpoint: 'http://127.0.0.1:8081', accessKey })
 * await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the merged interface types the methods that the static block installs from the operation registry.
export class Client implements Executor {
  // Private fields keep the credential out of console.log, JSON.stringify and inspection.
  readonly #credential: Credential
  readonly #sender: RequestSender
  readonly #raiseForStatus: RaiseForStatusOption | undefined
  readonly #timeout: number
  readonly #retry: ResolvedRetryOptions
  // Requests behind non-2xx responses, so that a batch can raise for them after the fact.
  readonly #failedRequests = new WeakMap<Response, RequestDescriptor>()
  #batch: Batch | undefined
  /** The normalised endpoint URL. */
  readonly endpoint: string
  /** The size of the concurrency gate. */
  readonly maxConnections: number

  constructor(options: ClientOptions = {}) {
    this.endpoint = resolveEndpoint(options.endpoint)
    this.#credential = resolveCredential(options)
    const maxConnections = options.maxConnections ?? 8
    if (!Number.isInteger(maxConnections) || maxConnections < 1)
      throw new ValidationError('maxConnections', `must be an integer ≥ 1, got ${String(maxConnections)}`)
    this.maxConnections = maxConnections
    this.#timeout = validateTimeout(options.timeout) ?? defaultTimeout
    this.#raiseForStatus = validateRaiseForStatus(options.raiseForStatus)
    this.#retry = resolveRetryOptions(options.retry)
    const transport = options.transport ?? kyTransport(options.fetch)
    this.#sender = new RequestSender(
      this.endpoint,
      transport,
      new ConcurrencyGate(maxConnections),
      options.hooks,
      responseLimits(options),
    )
  }

  /**
   * The client's built-in batch: every operation and composite of the client, with the same options
   * (except `raiseForStatus`), issued without waiting; `await client.batch.wait()` collects the
   * responses in call order. One batch at a time; see {@link Client.createBatch} for parallel ones.
   *
   * @example
   * for (let index = 0; index < 16; index++)
   *   client.batch.putObject({ container: 'bigdata', path: `/object${index}`, body: `object-${index}` })
   * const { responses } = await client.batch.wait()
   */
  get batch(): Batch {
    this.#batch ??= this.createBatch()
    return this.#batch
  }

  /**
   * A new, independent batch. Batches share the client's `maxConnections` slots, so several batches
   * running side by side never exceed them together.
   */
  createBatch(): Batch {
    const host: BatchHost = {
      client: this,
      execute: (operation, options, group) => this.#execute(operation, options, group, false),
      raiseForStatus: this.#raiseForStatus,
      httpError: (response, operation) => this.#httpErrorFor(response, operation),
    }
    return new Batch(host)
  }

  /**
   * Runs one operation: encodes the options into a request, sends it, decodes the response and applies
   * raise-for-status. The operation methods (`client.getObject(…)`, …) all come here.
   */
  execute<Options, Output>(
    operation: Operation<Options, Output>,
    options?: Options & CallOptions,
  ): Promise<Response<Output>> {
    return this.#execute(operation, options, undefined, true)
  }

  /** Runs an operation; raises for its status only when `raise` (a batch judges statuses in `wait()`). */
  async #execute<Options, Output>(
    operation: Operation<Options, Output>,
    options: (Options & CallOptions) | undefined,
    group: AbortGroup | undefined,
    raise: boolean,
  ): Promise<Response<Output>> {
    const { accessKey, raiseForStatus, signal, timeout, retryUnsafe, ...operationOptions } =
      options ?? ({} as CallOptions)
    const descriptor = operation.encode(operationOptions as Options)
    const policy = raise ? (validateRaiseForStatus(raiseForStatus) ?? this.#raiseForStatus) : 'never'
    const raw = await this.#sender.send(descriptor, {
      credential: accessKey === undefined ? this.#credential : accessKeyCredential(accessKey, 'accessKey'),
      signal,
      timeout: validateTimeout(timeout) ?? this.#timeout,
      retry: this.#retry,
      retryUnsafe,
      group,
    })
    const success = raw.status >= 200 && raw.status < 300
    const response = new Response<Output>(
      raw.status,
      raw.headers,
      raw.body,
      (success ? operation.decode(raw, descriptor) : undefined) as Output,
      success ? undefined : decodeErrorBody(raw.body),
    )
    if (!success) this.#failedRequests.set(response, descriptor)
    if (shouldRaise(raw.status, policy)) throw this.#httpError(descriptor, response)
    return response
  }

  /** The request an operation would send, without sending it (no credentials in it). */
  describe<Options>(operation: Operation<Options, unknown>, options: Options): RequestDescriptor {
    return operation.encode(options)
  }

  #httpErrorFor(response: Response, operation: string): HttpResponseError {
    const descriptor = this.#failedRequests.get(response)
    if (descriptor) return this.#httpError(descriptor, response)
    // A response a composite built itself: name the composite, since no single request stands behind it.
    return new HttpResponseError({ operation, method: '', url: this.endpoint, response })
  }

  #httpError(descriptor: RequestDescriptor, response: Response): HttpResponseError {
    return new HttpResponseError({
      operation: descriptor.operation,
      method: descriptor.method,
      url: this.#sender.url(descriptor),
      response,
    })
  }

  static {
    for (const [name, operation] of Object.entries(operations)) {
      Object.defineProperty(Client.prototype, name, {
        value(this: Client, options?: unknown) {
          return this.execute(operation as Operation<unknown, unknown>, options as CallOptions)
        },
        writable: true,
        configurable: true,
      })
    }
    for (const [name, method] of Object.entries({ ...composites, ...helpers })) {
      Object.defineProperty(Client.prototype, name, {
        value(this: Client, ...rest: unknown[]) {
          return (method as (client: Client, ...rest: unknown[]) => unknown)(this, ...rest)
        },
        writable: true,
        configurable: true,
      })
    }
  }
}

// The operation, composite and helper methods are installed on the prototype by the static block above.
export interface Client extends OperationMethods, CompositeMethods, HelperMethods {}

function validateTimeout(timeout: unknown): number | undefined {
  if (timeout === undefined) return undefined
  if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout < 0)
    throw new ValidationError('timeout', `must be a number of milliseconds ≥ 0, got ${String(timeout)}`)
  return timeout
}
