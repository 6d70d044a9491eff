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
}
