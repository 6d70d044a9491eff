import { whenAborted } from '../core/abort-signals.js'
import type { RequestDescriptor } from '../core/descriptor.js'
import { RequestAbortedError } from '../core/errors.js'
import type { Transfer } from './progress.js'

/**
 * The transfer of a call with a streamed response and a signal: the call ends when the headers arrive,
 * but its signal keeps cancelling the body, which then fails with the `RequestAbortedError` the call
 * would have raised (docs/decisions-io.md, IO-8).
 */
export function withBodyAbort(
  descriptor: RequestDescriptor,
  transfer: Transfer | undefined,
  signal: AbortSignal,
  url: string,
): Transfer {
  const target = `${descriptor.method} ${url}`
  const error = (reason: unknown) => new RequestAbortedError(descriptor.operation, reason, target)
  return { ...transfer, bodyAbort: { watch: (onAbort) => whenAborted(signal, onAbort), error } }
}
