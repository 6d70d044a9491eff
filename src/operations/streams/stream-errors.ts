import { HttpResponseError } from '../../core/errors.js'

const exceptionName = /\b([A-Za-z]+Exception)\b/

/**
 * The stream exception name of a failed call (`IllegalLocationException`, `ResourceNotFoundException`,
 * `ShardIDOutOfRangeException`, …), read from the error message, or `undefined` when the error is not an
 * HTTP error carrying one. Compare names, not error codes: the codes of several stream errors are not
 * documented (streams.md, errors).
 */
export function streamExceptionName(error: unknown): string | undefined {
  if (!(error instanceof HttpResponseError)) return undefined
  const text = error.errorMessage ?? error.response.text()
  return (
    exceptionName.exec(text)?.[1] ??
    (/\bIllegalLocation\b/.test(text) ? 'IllegalLocationException' : undefined)
  )
}

/**
 * Whether a `getRecords` failure means its location is no longer usable (malformed, from another shard
 * or stream incarnation, purged by retention, or past the end): 400 with `IllegalLocation` in the message
 * (ED-6). Recover by seeking again.
 */
export function isIllegalLocationError(error: unknown): boolean {
  return (
    error instanceof HttpResponseError &&
    error.statusCode === 400 &&
    (error.errorMessage ?? error.response.text()).includes('IllegalLocation')
  )
}

/**
 * Whether a stream call failed because the stream does not exist: 404, or the 400 with
 * `ResourceNotFoundException` that one platform version answers (streams.md, SeekShard).
 */
export function isStreamNotFoundError(error: unknown): boolean {
  if (!(error instanceof HttpResponseError)) return false
  return error.statusCode === 404 || streamExceptionName(error) === 'ResourceNotFoundException'
}
