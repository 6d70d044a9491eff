import type { ErrorBody } from './errors.js'

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
  ) {}

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
  // The nested error's member name is unknown on real platforms: take the first nested error object.
  for (const member of Object.values(record)) {
    const inner = toErrorBody(member)
    if (inner && (inner.errorCode !== undefined || inner.errorMessage !== undefined)) {
      error.inner = inner
      break
    }
  }
  return error.errorCode === undefined && error.errorMessage === undefined ? undefined : error
}
