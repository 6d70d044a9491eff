import type { Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { normalizeObjectPath, objectUrlPath, validateContainer } from '../../core/path.js'

/** Options of {@link getObject}. */
export interface GetObjectOptions {
  /** The container. */
  container: string
  /** The object's path in the container. */
  path: string
  /** First byte to read (default 0). */
  offset?: number
  /** Number of bytes to read from `offset` (default: to the end). */
  numBytes?: number
  /**
   * Return the content as a `ReadableStream` in `output` instead of reading it into `body`: nothing is
   * buffered, `maxObjectBytes` does not apply, and the call's `timeout` ends when the headers arrive.
   * Read the stream to its end or `cancel()` it, which releases the connection.
   */
  stream?: boolean
}

function rangeHeader(offset: number | undefined, numBytes: number | undefined): string | undefined {
  if (offset !== undefined && (!Number.isSafeInteger(offset) || offset < 0))
    throw new ValidationError('offset', `must be an integer ≥ 0, got ${String(offset)}`)
  if (numBytes !== undefined && (!Number.isSafeInteger(numBytes) || numBytes < 1))
    throw new ValidationError('numBytes', `must be an integer ≥ 1, got ${String(numBytes)}`)
  const first = offset ?? 0
  if (numBytes !== undefined) return `bytes=${first}-${first + numBytes - 1}`
  // The offset-only form without a dash is what the official SDK sends and platforms accept.
  return first > 0 ? `bytes=${first}` : undefined
}

/**
 * GetObject: `GET /<c>/<p>`, optionally with a `Range`. The content is the response's `body`, or with
 * `stream: true` the `ReadableStream` in `output`.
 */
export const getObject: Operation<GetObjectOptions, ReadableStream<Uint8Array> | undefined> = {
  encode(options) {
    const container = validateContainer(options.container)
    const path = normalizeObjectPath(options.path)
    const range = rangeHeader(options.offset, options.numBytes)
    return {
      operation: 'GetObject',
      method: 'GET',
      path: objectUrlPath(container, path),
      headers: range ? { Range: range } : ({} as Record<string, string>),
      idempotent: true,
      ...(options.stream === true ? { streamResponse: true } : undefined),
    }
  },
  decode: (response) => response.stream,
}
