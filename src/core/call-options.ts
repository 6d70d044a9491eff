import type { ProgressCallback } from '../transport/progress.js'
import type { RaiseForStatusOption } from './raise-for-status.js'

/** Options every call accepts besides its own. */
export interface CallOptions {
  /** An access key for this call only. */
  accessKey?: string
  /** When to raise on the HTTP status: `'always'` (default: ≥ 300), `'never'`, or acceptable codes. */
  raiseForStatus?: RaiseForStatusOption
  /** Aborts the call, whether it is queued, in flight or waiting to retry; it rejects with `RequestAbortedError`. */
  signal?: AbortSignal
  /** Milliseconds for this call, retries included; overrides the client's `timeout`; `0` for none. */
  timeout?: number
  /**
   * Retry this call like an operation that is safe to retry, even though it is not (an append, a
   * conditional write, PutRecords…): use it only when a duplicate is harmless to you.
   */
  retryUnsafe?: boolean
  /**
   * Called as the request body goes out, with the bytes handed to the connection so far and the total
   * when known (`putObject`'s bytes; a stream's total is unknown). In browsers a stream body is read
   * whole before it is sent (docs/decisions-io.md), and its progress counts the bytes read.
   */
  onUploadProgress?: ProgressCallback
  /**
   * Called as the response body arrives, with the bytes received so far and the total when the server
   * declares it (`Content-Length`); for `getObject({ stream: true })`, as the caller reads the stream.
   */
  onDownloadProgress?: ProgressCallback
}
