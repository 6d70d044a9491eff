import type { ObservedResponse } from './hooks.js'

/**
 * Where the client logs its exchanges: any object with some of `debug`, `info`, `warn` and `error`
 * (`console` will do, as will pino, winston or the AWS SDK's loggers). Each message is one line of text,
 * followed by the same facts as an object; neither ever holds a credential.
 */
export interface Logger {
  /** Receives each attempt that got a response, and each failure that is retried. */
  debug?: (message: string, details?: ExchangeLog) => void
  /** Not used by the client today; accepted so that any common logger fits. */
  info?: (message: string, details?: ExchangeLog) => void
  /** Receives each failure that ends a call (no response and no retry). */
  warn?: (message: string, details?: ExchangeLog) => void
  /** Not used by the client today; accepted so that any common logger fits. */
  error?: (message: string, details?: ExchangeLog) => void
}

/** What the client logs about one attempt. */
export interface ExchangeLog {
  /** The protocol name of the operation, e.g. `GetItem`. */
  readonly operation: string
  /** The HTTP method, e.g. `PUT`. */
  readonly method: string
  /** The URL (never carries credentials). */
  readonly url: string
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number
  /** The HTTP status; `undefined` when no response arrived. */
  readonly status: number | undefined
  /** Milliseconds from sending the attempt to its outcome. */
  readonly milliseconds: number
  /** Whether the client retries after this attempt. */
  readonly willRetry: boolean
  /** The failure's message when no response arrived (network failure, timeout, abort). */
  readonly error: string | undefined
}

/**
 * A function that logs one attempt's outcome to `logger`: at `debug` a response or a failure that is
 * retried, at `warn` a failure that ends the call (no response, no retry). One line each, e.g.
 * `v3io GetItem GET http://host:8081/users/bob → 200 in 3.1 ms`. `describeFailure` (call-failure.ts)
 * is passed in: this module is loaded on demand and must import nothing the entry has (a shared chunk
 * would load at every app's startup).
 */
export function exchangeLogger(
  logger: Logger,
  describeFailure: (error: unknown) => string,
): (outcome: ObservedResponse) => void {
  return (outcome) => {
    const details = exchangeLog(outcome, describeFailure)
    const status = details.status === undefined ? `failed: ${details.error}` : String(details.status)
    const retry = details.willRetry ? ', retrying' : ''
    const attempt = details.attempt > 1 ? ` (attempt ${details.attempt})` : ''
    const line = `v3io ${details.operation} ${details.method} ${details.url} → ${status} in ${details.milliseconds.toFixed(1)} ms${attempt}${retry}`
    const failed = details.status === undefined && !details.willRetry
    const write = failed ? (logger.warn ?? logger.debug) : logger.debug
    write?.call(logger, line, details)
  }
}

function exchangeLog(outcome: ObservedResponse, describeFailure: (error: unknown) => string): ExchangeLog {
  const { request } = outcome
  return {
    operation: request.operation,
    method: request.method,
    url: request.url,
    attempt: request.attempt,
    status: outcome.status,
    milliseconds: outcome.milliseconds,
    willRetry: outcome.willRetry,
    error: outcome.status === undefined ? describeFailure(outcome.error) : undefined,
  }
}
