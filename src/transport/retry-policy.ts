/** Automatic retries of failed requests (contract: retries and idempotency). */
export interface RetryOptions {
  /** Attempts in total, the first included. Default 4; `1` disables retries. */
  attempts?: number
  /** Delay before the first retry, in milliseconds. Default 100. */
  initialDelay?: number
  /** Upper bound of one delay, in milliseconds. Default 2000. */
  maxDelay?: number
}

/** The retry settings with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>

/** Fills in the defaults of the contract: 4 attempts, 100 ms doubling up to 2 s. */
export function resolveRetryOptions(options: RetryOptions | false | undefined): ResolvedRetryOptions {
  if (options === false) return { attempts: 1, initialDelay: 0, maxDelay: 0 }
  return {
    attempts: options?.attempts ?? 4,
    initialDelay: options?.initialDelay ?? 100,
    maxDelay: options?.maxDelay ?? 2000,
  }
}

/** Statuses worth another attempt of an idempotent operation: overload and gateway failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504
}

// Error codes meaning the request provably never reached the server: safe to re-send anything.
const neverSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])

/** Whether a transport failure proves that the request never reached the server. */
export function neverReachedServer(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string' && neverSentCodes.has(code)) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/**
 * The delay before retry number `retry` (1-based): exponential with full jitter, or the server's
 * `Retry-After` (seconds or an HTTP date) when it gives one, bounded by `maxDelay`.
 */
export function retryDelay(retry: number, options: ResolvedRetryOptions, retryAfter?: string | null): number {
  if (retryAfter) {
    const seconds = Number(retryAfter)
    const milliseconds = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now()
    if (Number.isFinite(milliseconds)) return Math.min(Math.max(milliseconds, 0), options.maxDelay)
  }
  const ceiling = Math.min(options.initialDelay * 2 ** (retry - 1), options.maxDelay)
  return Math.random() * ceiling
}

/** Resolves after `milliseconds`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, milliseconds)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
