import {
  NetworkError,
  RequestAbortedError,
  RequestTimeoutError,
  ResponseTooLargeError,
  V3ioError,
} from '../core/errors.js'
import { GroupDeadline } from './abort-group.js'
import { AttemptTimeout, type CallState, CallTimeout } from './call-state.js'

/** Translates whatever ended a call into the SDK's typed errors. */
export function callFailure(error: unknown, operation: string, call: CallState): V3ioError {
  if (call.aborted) {
    const reason = call.reason
    if (reason instanceof CallTimeout) return new RequestTimeoutError(operation, reason.milliseconds)
    if (reason instanceof GroupDeadline) return new RequestTimeoutError(operation, reason.milliseconds)
    return new RequestAbortedError(operation, reason)
  }
  if (error instanceof AttemptTimeout) return new RequestTimeoutError(operation, error.milliseconds)
  if (error instanceof ResponseTooLargeError && !error.operation)
    return new ResponseTooLargeError(error.limit, operation)
  if (error instanceof V3ioError) return error
  return new NetworkError(`${operation} failed: ${describeFailure(error)}`, operation, { cause: error })
}

function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  const message = error instanceof Error ? error.message : String(error)
  if (cause?.code) return `${message} (${cause.code})`
  return cause?.message ? `${message} (${cause.message})` : message
}
