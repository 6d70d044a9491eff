import { type BodyInput, toRequestBody } from '../../core/body.js'
import type { Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { normalizeObjectPath, objectUrlPath, validateContainer } from '../../core/path.js'
import { isReadableStream } from '../../core/stream-body.js'

/** Options of {@link putObject}. */
export interface PutObjectOptions {
  /** The container. */
  container: string
  /** The object's path in the container; missing parent directories are created. A trailing `/` creates a directory. */
  path: string
  /**
   * The content: text (sent as UTF-8), bytes, a Blob, or a stream (a `ReadableStream`, or an async
   * iterable of bytes such as a Node `Readable`), which is sent once and never retried. Absent means empty.
   */
  body?: BodyInput
  /** Append to the object's current content instead of replacing it (creates the object if missing). */
  append?: boolean
  /** A `Content-Type` to send; the server does not store it. */
  contentType?: string
  /**
   * The exact size in bytes of a stream `body`, when known: the stream is then sent with a
   * `Content-Length` header instead of chunked transfer encoding (which a gateway or proxy may refuse),
   * and upload progress reports it as its `total`. A stream that yields more or fewer bytes fails the call
   * with a `ValidationError` naming `contentLength`, and nothing is stored. Only with a stream body.
   */
  contentLength?: number
}

/** PutObject / AppendObject: `PUT /<c>/<p>`, with `Range: -1` when appending. */
export const putObject: Operation<PutObjectOptions, undefined> = {
  encode(options) {
    const container = validateContainer(options.container)
    const path = normalizeObjectPath(options.path)
    const headers: Record<string, string> = {}
    if (options.append) headers.Range = '-1'
    if (options.contentType !== undefined) {
      if (!/^[\x20-\x7e]+$/.test(options.contentType))
        throw new ValidationError('contentType', 'must be printable ASCII')
      headers['Content-Type'] = options.contentType
    }
    const body = toRequestBody(options.body)
    const stream = isReadableStream(body)
    const { contentLength } = options
    if (contentLength !== undefined) {
      if (!stream) throw new ValidationError('contentLength', 'applies only to a stream body')
      if (!Number.isSafeInteger(contentLength) || contentLength < 0)
        throw new ValidationError('contentLength', `must be an integer ≥ 0, got ${String(contentLength)}`)
      headers['Content-Length'] = String(contentLength)
    }
    return {
      operation: options.append ? 'AppendObject' : 'PutObject',
      method: 'PUT',
      path: objectUrlPath(container, path),
      headers,
      body,
      // Appending twice appends twice; a full overwrite converges; a stream is sent once.
      idempotent: !options.append && !stream,
      ...(stream && { streamBody: true }),
    }
  },
  decode: () => undefined,
}
