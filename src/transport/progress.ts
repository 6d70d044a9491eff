/** How far an upload or a download has got. */
export interface TransferProgress {
  /** Bytes transferred so far. */
  readonly loaded: number
  /** All the bytes to transfer, when known (a byte body's length, a response's `Content-Length`). */
  readonly total: number | undefined
}

/** A progress callback: called as bytes go out or come in, and once more when the transfer completes. */
export type ProgressCallback = (progress: TransferProgress) => void

/**
 * What a call asks of its transfer beyond a plain exchange; absent (`undefined`) on ordinary calls, so
 * that they pay nothing for it. Transports that know it stream and count bodies; others ignore it.
 */
export interface Transfer {
  /** Called as the request body is handed to the connection. */
  readonly onUploadProgress?: ProgressCallback | undefined
  /** Called as the response body arrives (for a streamed body: as the caller reads it). */
  readonly onDownloadProgress?: ProgressCallback | undefined
  /**
   * Hand a successful (2xx) response's body over as a stream (`RawResponse.stream`) instead of reading
   * it: no size limit applies, and the call is over once the headers have arrived.
   */
  readonly streamResponse?: boolean | undefined
  /**
   * With `streamResponse`, for a call given a signal: the call ends when the headers arrive, but its
   * signal still cancels the body it handed over (docs/decisions-io.md, IO-8).
   */
  readonly bodyAbort?: BodyAbort | undefined
}

/** How an abort cancels a streamed body: the stream fails, and its source or connection is dropped. */
export interface BodyAbort {
  /** Calls `onAbort` with the reason when the abort happens (at once if it has); returns how to stop listening. */
  readonly watch: (onAbort: (reason: unknown) => void) => () => void
  /** The error the stream fails with (the SDK's `RequestAbortedError`); the reason itself without it. */
  readonly error?: ((reason: unknown) => unknown) | undefined
}

/**
 * A counter of transferred bytes that reports to `callback` (isolated from anything it throws, like
 * hooks: a progress display must not break a transfer).
 */
export class ProgressCounter {
  #loaded = 0

  constructor(
    readonly callback: ProgressCallback,
    readonly total: number | undefined,
  ) {}

  /** Counts `bytes` more and reports. */
  add(bytes: number): void {
    this.#loaded += bytes
    try {
      this.callback({ loaded: this.#loaded, total: this.total })
    } catch {
      // A progress display must not break the transfer it displays.
    }
  }

  /** Bytes counted so far. */
  get loaded(): number {
    return this.#loaded
  }
}

/** A counter for `callback`, or `undefined` without one (so that the caller's check is one branch). */
export function progressCounter(
  callback: ProgressCallback | undefined,
  total: number | undefined,
): ProgressCounter | undefined {
  return callback ? new ProgressCounter(callback, total) : undefined
}

/** A `Content-Length` as a number of bytes, or `undefined` when absent or malformed. */
export function declaredLength(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d+$/.test(value)) return undefined
  return Number(value)
}
