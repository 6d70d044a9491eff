import type { Operation } from '../../core/descriptor.js'
import { normalizeObjectPath, objectUrlPath, validateContainer } from '../../core/path.js'

/** Options of {@link deleteObject}. */
export interface DeleteObjectOptions {
  /** The container. */
  container: string
  /** The path of a file, item, shard, or empty directory. */
  path: string
}

/** DeleteObject: `DELETE /<c>/<p>`; also deletes items, shards and empty directories. Answers 204. */
export const deleteObject: Operation<DeleteObjectOptions, undefined> = {
  encode(options) {
    const container = validateContainer(options.container)
    const path = normalizeObjectPath(options.path)
    return {
      operation: 'DeleteObject',
      method: 'DELETE',
      path: objectUrlPath(container, path),
      headers: {},
      idempotent: true,
    }
  },
  decode: () => undefined,
}
