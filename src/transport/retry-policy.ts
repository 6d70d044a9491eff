import type { RawResponse } from '../core/descriptor.js'
import { milliseconds, positiveInteger } from '../core/number-options.js'

/** Automatic retries of failed requests (contract: transport.md, "Retries and idempotency"). */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 4; `1` disables retries. */
  attempts?: number
  /** Ceiling of the first back-off delay, in milliseconds. Default 100; each retry doubles it. */
  initialDelay?: number
  /** Upper bound of one back-off delay, in milliseconds. Default 2000. */
  maxDelay?: number
  /**
   * Longest `Retry-After` (of a 429 or 503) the client waits for, in milliseconds. A server asking for
   * longer gets its answer returned to the caller instead of a retry. Default 30000.
   */
  maxRetryAfter?: number
  /**
   * Milliseconds one attempt may take before it is abandoned and (for operations safe to retry) tried
   * again; `0` (the default) for no per-attempt limit. The call's `timeout` still bounds the whole call.
   */
  attemptTimeout?: number
}

/** The retry settings with every default filled in. */
export type ResolvedRetryOptions = Readonly<Required<RetryOptions>>

const defaults: ResolvedRetryOptions = {
  attempts: 4,
  initialDelay: 100,
  maxDelay: 2000,
  maxRetryAfter: 30_000,
  attemptTimeout: 0,
}

/** Fills in the contract's defaults (4 attempts, 100 ms doubling up to 2 s) and checks every value. */
export function resolveRetryOptions(options: RetryOptions | false | undefined): ResolvedRetryOptions {
  if (options === false) return { ...defaults, attempts: 1 }
  const resolved = { ...defaults, ...definedMembers(options ?? {}) }
  positiveInteger('retry.attempts', resolved.attempts)
  for (const name of ['initialDelay', 'maxDelay', 'maxRetryAfter', 'attemptTimeout'] as const)
    milliseconds(`retry.${name}`, resolved[name])
  return resolved
}

function definedMembers(options: RetryOptions): RetryOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined))
}

/**
 * Statuses worth another attempt of an operation that is safe to retry: gateway failures (502, 504),
 * overload (503) and rate limiting (429). The server did not apply the request, or applying it again
 * converges.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504
}

// Error codes meaning the request provably never reached the server: safe to re-send anything.
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * Whether a transport failure proves that the request never reached the server (connection refused,
 * host name not resolved). Only Node and Deno report the cause; in browsers a fetch failure is opaque,
 * so this is false there and unsafe operations are never retried.
 */
export function neverReachedServer(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && neverSentCodes.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** The back-off before retry number `retry` (1-based): full jitter, uniform in [0, min(maxDelay, initialDelay·2^(retry-1))]. */
export function backoffDelay(retry: number, options: ResolvedRetryOptions): number {
  const ceiling = Math.min(options.initialDelay * 2 ** (retry - 1), options.maxDelay)
  return Math.random() * ceiling
}

/**
 * The delay a `Retry-After` header asks for, in milliseconds: delta-seconds or an HTTP date (RFC 9110);
 * `undefined` when absent or unparsable. A date in the past means "now".
 */
export function retryAfterDelay(header: string | null | undefined, now = Date.now()): number | undefined {
  const text = header?.trim()
  if (!text) return undefined
  if (/^\d+$/.test(text)) return Number(text) * 1000
  // An HTTP date names its day and month; Date.parse alone would read "-5" as a year.
  if (!/^[A-Za-z]{3}/.test(text)) return undefined
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0)
}

/**
 * The delay before the next attempt, if there is to be one: the attempt must start before the call's
 * deadline (`expiresAt`, in `performance.now()` milliseconds).
 */
export function retryDelay(
  expiresAt: number,
  attempt: number,
  retry: ResolvedRetryOptions,
  delay: number | undefined,
): number | undefined {
  return delay !== undefined && attempt < retry.attempts && performance.now() + delay < expiresAt
    ? delay
    : undefined
}

/** The back-off after a response: only for retryable statuses, and honouring `Retry-After`. */
export function statusDelay(
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
