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
