/** The text that replaces a credential wherever a request is shown (contract: transport.md, "Secrets"). */
export const sanitized = 'SANITIZED'

/**
 * One attempt of a request, as hooks see it: the credential header's value is `'SANITIZED'`.
 * `beforeRequest` may change `headers` (add, replace or delete entries); the attempt is sent with them,
 * the credential restored where it still reads `'SANITIZED'`.
 */
export interface ObservedRequest {
  /** The protocol name of the operation, e.g. `GetItem` or `PutObject`. */
  readonly operation: string
  /** The HTTP method. */
  readonly method: string
  /** The full URL (never carries credentials). */
  readonly url: string
  /**
   * The request headers, with `X-v3io-session-key` and `Authorization` replaced by `SANITIZED`; in
   * `beforeRequest`, changes to them change the request sent.
   */
  readonly headers: Record<string, string>
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number
}

/** The outcome of one attempt, as hooks see it. */
export interface ObservedResponse {
  /** The attempt this outcome belongs to. */
  readonly request: ObservedRequest
  /** The HTTP status; `undefined` when no response arrived (network failure, timeout, abort). */
  readonly status: number | undefined
  /** The response headers, when a response arrived. */
  readonly headers: Headers | undefined
  /** The raw response body, when a response arrived (a zero-length array for HEAD and empty bodies). */
  readonly body: Uint8Array | undefined
  /** The runtime's failure, when no response arrived. */
  readonly error: unknown
  /** Milliseconds from sending the attempt to its outcome. */
  readonly milliseconds: number
  /** Whether the client is going to retry after this outcome. */
  readonly willRetry: boolean
}

/**
 * Hooks on every HTTP attempt (retries included), for logging, metrics and adding headers (a proxy's,
 * a tracing id). They never see the access key or password. They run synchronously on the request
 * path, so keep them cheap; an exception they throw is swallowed so that a hook can never break a call
 * (changes a throwing `beforeRequest` made before throwing still apply).
 *
 * @example
 * const client = new Client({
 *   hooks: {
 *     beforeRequest: (request) => { request.headers['X-Trace-Id'] = newTraceId() },
 *     afterResponse: (r) => console.log(r.request.method, r.request.url, r.status),
 *   },
 * })
 */
export interface ClientHooks {
  /** Called just before each attempt is sent; may change `request.headers`. */
  beforeRequest?: (request: ObservedRequest) => void
  /** Called after each attempt: a response arrived, or the attempt failed. */
  afterResponse?: (response: ObservedResponse) => void
}

/** Calls a hook, isolating the call from anything the hook throws. */
export function notify<T>(hook: ((event: T) => void) | undefined, event: T): void {
  if (!hook) return
  try {
    hook(event)
  } catch {
    // An observer must not change the outcome of the call it observes.
  }
}
