import { describeFailure } from './call-failure.js'
import { type ClientHooks, notify, type ObservedResponse } from './hooks.js'

/**
 * Where the client logs its exchanges: any object with some of `debug`, `info`, `warn` and `error`
 * (`console` will do, as will pino, winston or the AWS SDK's loggers). Each message is one line of text,
 * followed by the same facts as an object; neither ever holds a credential.
 */
export interface Logger {
  debug?: (message: string, details?: ExchangeLog) => void
  info?: (message: string, details?: ExchangeLog) => void
  warn?: (message: string, details?: ExchangeLog) => void
  error?: (message: string, details?: ExchangeLog) => void
}

/** What the client logs about one attempt. */
export interface ExchangeLog {
  /** The protocol name of the operation, e.g. `GetItem`. */
  readonly operation: string
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
 * Hooks that log every attempt's outcome to `logger`: at `debug` a response or a failure that is
 * retried, at `warn` a failure that ends the call (no response, no retry). One line each, e.g.
 * `v3io GetItem GET http://host:8081/users/bob → 200 in 3.1 ms`.
 */
export function loggingHooks(logger: Logger): ClientHooks {
  return {
    afterResponse(outcome) {
      const details = exchangeLog(outcome)
      const status = details.status === undefined ? `failed: ${details.error}` : String(details.status)
      const retry = details.willRetry ? ', retrying' : ''
      const attempt = details.attempt > 1 ? ` (attempt ${details.attempt})` : ''
      const line = `v3io ${details.operation} ${details.method} ${details.url} → ${status} in ${details.milliseconds.toFixed(1)} ms${attempt}${retry}`
      const failed = details.status === undefined && !details.willRetry
      const write = failed ? (logger.warn ?? logger.debug) : logger.debug
      write?.call(logger, line, details)
    },
  }
}

function exchangeLog(outcome: ObservedResponse): ExchangeLog {
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

/** `hooks` and the logger's hooks as one set, each called in turn; `undefined` when there are none. */
export function withLogger(
  hooks: ClientHooks | undefined,
  logger: Logger | undefined,
): ClientHooks | undefined {
  if (!logger) return hooks
  const logged = loggingHooks(logger)
  if (!hooks) return logged
  const { beforeRequest, afterResponse } = hooks
  return {
    beforeRequest,
    afterResponse(outcome) {
      notify(afterResponse, outcome)
      notify(logged.afterResponse, outcome)
    },
  }
}

/**
 * The logger `V3IO_DEBUG` asks for: `console` when it is set to anything but `0` or `false` (read from
 * `process.env` or `Deno.env`; runtimes without an environment never log by default).
 */
export function environmentLogger(value: string | undefined): Logger | undefined {
  if (value === undefined || value === '0' || value.toLowerCase() === 'false') return undefined
  return console
}
