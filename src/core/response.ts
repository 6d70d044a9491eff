/** The decoded JSON error body of a failed request (`{"ErrorCode":…,"ErrorMessage":…}`), nested errors in `inner`. */
export interface ErrorBody {
  /** The protocol's numeric error code, e.g. `-2` (not found) or `16777244` (condition false). */
  errorCode?: number
  /** The protocol's error text, e.g. `No such file or directory`. Match it by substring, never by equality. */
  errorMessage?: string
  /** A nested error (the platform reports a false condition as two errors). */
  inner?: ErrorBody
}

/** The request a response answers, as errors report it: never any credential. */
export interface RequestSummary {
  /** The protocol name of the operation, e.g. `GetItem`. */
  readonly operation: string
  /** The HTTP method sent. */
  readonly method: string
  /** The URL requested (the endpoint, path and query; credentials travel in headers only). */
  readonly url: string
}

const textDecoder = new TextDecoder()

/**
 * The result of every call: the HTTP status, the response headers (looked up case-insensitively), the raw
 * body bytes and the operation's decoded `output`.
 */
export class Response<Output = unknown> {
  constructor(
    /** The HTTP status code. */
    readonly statusCode: number,
    /** The response headers; `headers.get(name)` is case-insensitive. */
    readonly headers: Headers,
    /** The raw response body; empty for HEAD requests and body-less answers. */
    readonly body: Uint8Array,
    /** The decoded result; `undefined` for operations without one and for error statuses. */
    readonly output: Output,
    /** The decoded JSON error body, when the status is ≥ 300 and the body is a JSON error. */
    readonly error?: ErrorBody,
    /**
     * The request this response answers, so that raise-for-status can be decided from the response
     * alone (by the call, or later by a batch). Absent on a response a composite built from several.
     */
    readonly request?: RequestSummary,
  ) {}

  /**
   * The class's identity in every copy of the package: the predicates (`isNotFound`, …) accept a response
   * of the package's other build (CommonJS or ESM) in the same process. `instanceof Response` stays the
   * ordinary check, which keeps this class small in bundles (docs/decisions-package.md).
   */
  static readonly brand: string = 'v3io.Response'

  /** The body decoded as UTF-8 text. */
  text(): string {
    return textDecoder.decode(this.body)
  }

  /** Whether the status is 2xx. */
  get ok(): boolean {
    return this.statusCode >= 200 && this.statusCode < 300
  }
}

/** Reads the protocol's JSON error body (`ErrorCode`, `ErrorMessage`, a nested error) if the body is one. */
export function decodeErrorBody(body: Uint8Array): ErrorBody | undefined {
  if (body.length === 0 || body.length > 1 << 20) return undefined
  let parsed: unknown
  try {
    parsed = JSON.parse(textDecoder.decode(body))
  } catch {
    return undefined
  }
  return toErrorBody(parsed)
}

function toErrorBody(value: unknown): ErrorBody | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  const error: ErrorBody = {}
  if (typeof record.ErrorCode === 'number') error.errorCode = record.ErrorCode
  if (typeof record.ErrorMessage === 'string') error.errorMessage = record.ErrorMessage
  // The nested error's member name (and whether it is a list) is unknown on real platforms: take the
  // first nested error object, in a list or not.
  for (const member of Object.values(record).flatMap((value) => (Array.isArray(value) ? value : [value]))) {
    const inner = toErrorBody(member)
    if (inner && (inner.errorCode !== undefined || inner.errorMessage !== undefined)) {
      error.inner = inner
      break
    }
  }
  return error.errorCode === undefined && error.errorMessage === undefined ? undefined : error
}
