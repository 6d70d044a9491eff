import {
  NetworkError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseTooLargeError,
  V3ioError,
} from '../core/errors.js'
import { GroupDeadline } from './abort-group.js'
import { AttemptTimeout, type CallState, CallTimeout } from './call-state.js'

/**
 * Translates whatever ended a call into the SDK's typed errors. `target` is the request's method and URL
 * (`GET http://host:8081/users/bob`), so that a message says where the call went.
 */
export function callFailure(error: unknown, operation: string, call: CallState, target: string): V3ioError {
  if (call.aborted) {
    const reason = call.reason
    if (reason instanceof CallTimeout || reason instanceof GroupDeadline)
      return new RequestTimeoutError(operation, reason.milliseconds, target)
    return new RequestAbortedError(operation, reason, target)
  }
  if (error instanceof AttemptTimeout) return new RequestTimeoutError(operation, error.milliseconds, target)
  if (error instanceof ResponseTooLargeError && !error.operation)
    return new ResponseTooLargeError(error.limit, operation)
  const own = ownError(error)
  if (own) return own
  return new NetworkError(`${operation} ${target} failed: ${describeFailure(error)}`, operation, {
    cause: error,
  })
}

/**
 * The SDK's own error, if it is what failed the exchange, directly or as a cause (a stream body failing
 * its `ValidationError` inside `fetch`, which reports it as the cause of `fetch failed`).
 */
function ownError(error: unknown): V3ioError | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof V3ioError) return current
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * The most telling text of a runtime's failure: the innermost error that has a system code (Node's
 * `connect ECONNREFUSED 127.0.0.1:8081`, undici's cause of `fetch failed`), which names the address.
 */
export function describeFailure(error: unknown): string {
  let telling: { code?: unknown; message?: unknown; errors?: unknown } | undefined
  let outer = ''
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown }
    if (depth === 0) outer = current instanceof Error ? current.message : String(current)
    if (typeof candidate.code === 'string') telling = candidate
    current = candidate.cause
  }
  if (!telling) return outer
  const code = telling.code as string
  // Node reports a name refused on each of its addresses as an AggregateError without a message.
  const parts = Array.isArray(telling.errors)
    ? telling.errors.map((each: { message?: unknown }) => String(each?.message ?? each))
    : [String(telling.message ?? '')]
  const text = parts.filter((part) => part !== '').join(', ')
  if (text === '') return `${outer} (${code})`
  return text.includes(code) ? text : `${text} (${code})`
}
