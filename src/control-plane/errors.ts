import { HttpResponseError } from '../core/errors.js'
import type { Response } from '../core/response.js'

/** One error of a JSON:API error body (control-plane.md, CP-2). */
export interface JsonApiError {
  /** The HTTP status the error reports. */
  readonly status: number | undefined
  /** What went wrong, e.g. `container not found`. */
  readonly detail: string | undefined
}

const textDecoder = new TextDecoder()

/**
 * A control-plane call answered with a status the caller did not accept. It is an
 * `HttpResponseError` (`statusCode`, `operation`, `method`, `url`, `response`) that also carries the
 * JSON:API errors of the body: `detail` is the first one's. It never carries credentials or cookies.
 */
export class ControlPlaneError extends HttpResponseError {
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.ControlPlaneError'
  override name = 'ControlPlaneError'
  /** The JSON:API errors of the body (empty when it was not a JSON:API error document). */
  readonly errors: readonly JsonApiError[]
  /** The first error's detail, e.g. `container is not empty`. */
  readonly detail: string | undefined

  constructor(response: Response) {
    super({ response })
    this.errors = jsonApiErrors(response.body)
    this.detail = this.errors[0]?.detail
    if (this.detail !== undefined)
      this.message = `${this.operation} failed with status ${this.statusCode}: ${this.detail}`
  }
}

/** The errors of a JSON:API error document, `{"errors":[{"status":…,"detail":…}]}`; none for anything else. */
export function jsonApiErrors(body: Uint8Array): JsonApiError[] {
  if (body.length === 0 || body.length > 1 << 20) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(textDecoder.decode(body))
  } catch {
    return []
  }
  const errors = (parsed as { errors?: unknown } | null)?.errors
  if (!Array.isArray(errors)) return []
  return errors
    .filter((error): error is Record<string, unknown> => typeof error === 'object' && error !== null)
    .map((error) => ({
      status: statusOf(error.status),
      detail: typeof error.detail === 'string' ? error.detail : undefined,
    }))
}

// JSON:API writes status as a string; the contract's examples as a number.
function statusOf(value: unknown): number | undefined {
  const status = typeof value === 'string' ? Number(value) : value
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined
}
