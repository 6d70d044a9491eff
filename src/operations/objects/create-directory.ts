import type { Operation } from '../../core/descriptor.js'
import { asDirectory, normalizeObjectPath, objectUrlPath, validateContainer } from '../../core/path.js'

/** Options of {@link createDirectory}. */
export interface CreateDirectoryOptions {
  /** The container. */
  container: string
  /** The directory's path; missing parents are created. Creating an existing directory succeeds. */
  path: string
}

/** CreateDirectory: an empty `PUT /<c>/<p>/` (trailing slash). */
export const createDirectory: Operation<CreateDirectoryOptions, undefined> = {
  encode(options) {
    const container = validateContainer(options.container)
    const path = asDirectory(normalizeObjectPath(options.path))
    return {
      operation: 'CreateDirectory',
      method: 'PUT',
      path: objectUrlPath(container, path),
      headers: {},
      body: new Uint8Array(0),
      idempotent: true,
    }
  },
  decode: () => undefined,
}
