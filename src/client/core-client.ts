import type { CallOptions } from '../core/call-options.js'
import type { Operation, RequestDescriptor } from '../core/descriptor.js'
import type { Executor } from '../core/executor.js'
import { type RaiseForStatusOption, statusError, validateRaiseForStatus } from '../core/raise-for-status.js'
import { decodeErrorBody, Response } from '../core/response.js'
import type { AbortGroup } from '../transport/abort-group.js'
import { ConcurrencyGate, type ReleaseSlot } from '../transport/concurrency-gate.js'
import type { ClientHooks } from '../transport/hooks.js'
import { kyTransport } from '../transport/ky-transport.js'
import type { Transfer } from '../transport/progress.js'
import type { Logger } from '../transport/request-log.js'
import { responseLimits } from '../transport/response-limits.js'
import {
  type ResolvedRetryOptions,
  type RetryOptions,
  resolveRetryOptions,
} from '../transport/retry-policy.js'
import type { Transport } from '../transport/transport.js'
import { defaultTimeout, validateMaxConnections, validateTimeout } from './client-limits.js'
import {
  accessKeyCredential,
  type Credential,
  type CredentialOptions,
  resolveCredential,
} from './credentials.js'
import { resolveEndpoint } from './endpoint.js'
import { readEnvironment } from './environment.js'
import { RequestSender, type SendSettings } from './request-sender.js'

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
  /** The `fetch` to use instead of the global one (tests, proxies, custom agents), through `kyTransport`. */
  fetch?: typeof fetch
  /**
   * A whole replacement transport; `fetch` is ignored when given. Three come with the SDK:
   * `nodeHttpTransport()` from `v3io/node` (`node:http` with keep-alive connections, the cheapest by
   * far, and the default in Node), `kyTransport()` (`fetch` through ky: the default everywhere else, and
   * in Node too when `fetch` is given) and `fetchTransport()` (bare `fetch`, cheaper per request than ky);
   * docs/benchmarks.md compares them. Any function `(request) => Promise<{ status, headers, body }>`
   * will do, e.g. a test double.
   */
  transport?: Transport
  /** The default raise-for-status policy of every call. Default `'always'`: raise on status ≥ 300. */
  raiseForStatus?: RaiseForStatusOption
  /**
   * Automatic retries (exponential back-off with full jitter, `Retry-After` honoured) of operations that
   * are safe to retry; `false` disables them. Defaults: 4 attempts, 100 ms doubling up to 2 s.
   */
  retry?: RetryOptions | false
  /** Hooks on every HTTP attempt, for logging, metrics and adding headers; they never see credentials. */
  hooks?: ClientHooks
  /**
   * Logs every attempt (operation, method, URL, status, duration, retries; never a credential) to an
   * object with `debug`/`warn` methods, such as `console`. Defaults to `console` when the `V3IO_DEBUG`
   * environment variable is set (to anything but `0` or `false`), else none.
   */
  logger?: Logger
  /**
   * The most bytes of a response body the client accepts for every answer but object contents (JSON,
   * XML, error bodies); a bigger one fails the call with `ResponseTooLargeError`, unretried, and the
   * connection is dropped instead of buffering it. Default 64 MiB; `Infinity` for no limit.
   */
  maxResponseBytes?: number
  /** The same limit for the contents `getObject` returns. Default: none (`Infinity`). */
  maxObjectBytes?: number
}

/** A call encoded and validated by the client, not yet sent. */
export interface PreparedCall<Output> {
  readonly operation: Operation<unknown, Output>
  readonly descriptor: RequestDescriptor
  /** The call's raise-for-status policy (`'never'` in batches, which judge statuses in `wait()`). */
  readonly policy: RaiseForStatusOption | undefined
  readonly settings: SendSettings
}

/**
 * The core of a V3IO client, for the smallest bundles: the connection settings (endpoint, credentials,
 * `maxConnections`, timeout, retries, transport) and {@link CoreClient.execute}, which runs any operation
 * object imported from `v3io` (`getItem`, `putObject`, …); composites and helpers take it as their first
 * argument (`putItems(core, options)`). An app bundles only the operations it imports.
 * {@link Client} is the same with every operation as a method, and batches.
 *
 * @example
 * import { CoreClient, getItem } from 'v3io'
 * const core = new CoreClient({ endpoint: 'http://127.0.0.1:8081', accessKey })
 * const { output } = await core.execute(getItem, { container: 'users', path: '/bobs-burgers/bob' })
 */
export class CoreClient implements Executor {
  // Private fields keep the credential out of console.log, JSON.stringify and inspection.
  readonly #credential: Credential
  readonly #sender: RequestSender
  readonly #timeout: number
  readonly #retry: ResolvedRetryOptions
  // The transport's code still loading (ky), awaited before the first calls' timeouts start.
  #preparing: Promise<void> | undefined
  /** The normalised endpoint URL. */
  declare readonly endpoint: string
  /** The size of the concurrency gate. */
  declare readonly maxConnections: number
  /** The default raise-for-status policy of the client's calls (and batches). */
  declare protected readonly raiseForStatus: RaiseForStatusOption | undefined

  constructor(options: ClientOptions = {}) {
    this.endpoint = resolveEndpoint(options.endpoint)
    this.#credential = resolveCredential(options)
    const maxConnections = validateMaxConnections(options.maxConnections)
    this.maxConnections = maxConnections
    this.#timeout = validateTimeout(options.timeout) ?? defaultTimeout
    this.raiseForStatus = validateRaiseForStatus(options.raiseForStatus)
    this.#retry = resolveRetryOptions(options.retry)
    const transport = options.transport ?? kyTransport(options.fetch)
    this.#preparing = transport.prepare?.().catch(() => undefined)
    this.#sender = new RequestSender(
      this.endpoint,
      transport,
      new ConcurrencyGate(maxConnections),
      options.hooks,
      responseLimits(options),
      // V3IO_DEBUG's value is judged by attempt-hooks.ts, loaded when it is set.
      options.logger ?? readEnvironment('V3IO_DEBUG'),
    )
  }

  /**
   * Runs one operation: encodes the options into a request, sends it, decodes the response and applies
   * raise-for-status. The methods of `Client` (`client.getObject(…)`, …) all come here.
   *
   * @example
   * import { CoreClient, getItem } from 'v3io'
   * const core = new CoreClient({ endpoint, accessKey })
   * const { output } = await core.execute(getItem, { container: 'users', path: '/bobs-burgers/bob' })
   */
  async execute<Options, Output>(
    operation: Operation<Options, Output>,
    options?: Options & CallOptions,
  ): Promise<Response<Output>> {
    return this.sendCall(this.prepareCall(operation, options, undefined, true), undefined)
  }

  /**
   * Encodes and validates a call without sending it (throws what the options deserve), so that a batch
   * holds only the encoded request while the call waits for a slot.
   */
  protected prepareCall<Options, Output>(
    operation: Operation<Options, Output>,
    options: (Options & CallOptions) | undefined,
    group: AbortGroup | undefined,
    raise: boolean,
  ): PreparedCall<Output> {
    const {
      accessKey,
      raiseForStatus,
      signal,
      timeout,
      retryUnsafe,
      onUploadProgress,
      onDownloadProgress,
      ...operationOptions
    } = options ?? ({} as CallOptions)
    const descriptor = operation.encode(operationOptions as Options)
    const transfer: Transfer | undefined =
      onUploadProgress || onDownloadProgress || descriptor.streamResponse || descriptor.streamBody
        ? { onUploadProgress, onDownloadProgress, streamResponse: descriptor.streamResponse }
        : undefined
    return {
      operation: operation as Operation<unknown, Output>,
      descriptor,
      policy: raise ? (validateRaiseForStatus(raiseForStatus) ?? this.raiseForStatus) : 'never',
      settings: {
        credential: accessKey === undefined ? this.#credential : accessKeyCredential(accessKey, 'accessKey'),
        signal,
        timeout: validateTimeout(timeout) ?? this.#timeout,
        retry: this.#retry,
        retryUnsafe,
        group,
        transfer,
      },
    }
  }

  /**
   * Sends a prepared call, decodes its answer and applies raise-for-status. `slot` is a slot of the
   * concurrency gate already taken for the call ({@link CoreClient.reserveSlot}), which it gives back.
   */
  protected async sendCall<Output>(
    call: PreparedCall<Output>,
    slot: ReleaseSlot | undefined,
  ): Promise<Response<Output>> {
    const { operation, descriptor } = call
    const prepared = operation.prepare?.()
    // Handled here so that a failed load (a lost chunk) never goes unhandled when the request fails
    // first; a successful answer still awaits it below and gets its error.
    prepared?.catch(() => undefined)
    if (this.#preparing) {
      await this.#preparing
      this.#preparing = undefined
    }
    // Built once: the sender sends to it, the response's request summary reports it.
    const url = this.#sender.url(descriptor)
    const raw = await this.#sender.send(descriptor, call.settings, slot, url)
    const success = raw.status >= 200 && raw.status < 300
    if (prepared && success) await prepared
    const response = new Response<Output>(
      raw.status,
      raw.headers,
      raw.body,
      // decode is synchronous: awaiting it cost a microtask per call.
      (success ? operation.decode(raw, descriptor) : undefined) as Output,
      success ? undefined : decodeErrorBody(raw.body),
      { operation: descriptor.operation, method: descriptor.method, url },
    )
    const error = statusError(response, call.policy)
    if (error) throw error
    return response
  }

  /**
   * Calls `start` with a slot of the concurrency gate: at once if one is free, else when one frees (in
   * first-in, first-out order with every other call of the client). A batch queues its calls this way,
   * so that a waiting call holds no promise, timer or state of its own.
   */
  protected reserveSlot(start: (slot: ReleaseSlot) => void): void {
    this.#sender.reserve(start)
  }

  /** The request an operation would send, without sending it (no credentials in it). */
  describe<Options>(operation: Operation<Options, unknown>, options: Options): RequestDescriptor {
    return operation.encode(options)
  }
}
