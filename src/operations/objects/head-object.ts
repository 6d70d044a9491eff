import type { Operation } from '../../core/descriptor.js'
import { normalizeObjectPath, objectUrlPath, validateContainer } from '../../core/path.js'

/** Options of {@link headObject}. */
export interface HeadObjectOptions {
  /** The container. */
  container: string
  /** The object's path in the container. */
  path: string
}

/** Output of {@link headObject}: the object's size and modification time, read from the headers. */
export interface HeadObjectOutput {
  /** `Content-Length`: the body size in bytes (0 for directories and pure KV items). */
  size: number
  /** `Last-Modified`, when the server sent it. */
  lastModified: Date | undefined
}

/** HeadObject: `HEAD /<c>/<p>`; no body, the size travels in `Content-Length`. */
export const headObject: Operation<HeadObjectOptions, HeadObjectOutput> = {
  encode(options) {
    const container = validateContainer(options.container)
    const path = normalizeObjectPath(options.path)
    return {
      operation: 'HeadObject',
      method: 'HEAD',
      path: objectUrlPath(container, path),
      headers: {},
      idempotent: true,
    }
  },
  decode(response) {
    const lastModified = response.headers.get('Last-Modified')
    return {
      size: Number(response.headers.get('Content-Length') ?? 0),
      lastModified: lastModified ? new Date(lastModified) : undefined,
    }
  },
}
