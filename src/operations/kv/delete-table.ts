import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import { asDirectory, normalizeObjectPath, validateContainer } from '../../core/path.js'
import type { Response } from '../../core/response.js'
import { deleteTree } from '../objects/delete-tree-start.js'

/** Options of {@link deleteTable}. */
export interface DeleteTableOptions {
  /** The container. */
  container: string
  /** The table (directory) to delete with everything in it. */
  path: string
}

/**
 * Deletes a table: every object in it (items, `.#schema`, files), its sub-directories, then the table
 * directory itself (kv.md "Deleting a table"; the web API has no table deletion). Resolves to the final
 * `DELETE`'s response (204). A missing table is a 404 of the first listing, raised unless the caller's
 * `raiseForStatus` accepts 404 — then that 404 response is returned.
 */
export async function deleteTable(
  executor: Executor,
  options: DeleteTableOptions & CallOptions,
): Promise<Response> {
  const { container, path, raiseForStatus, ...step } = options
  validateContainer(container)
  const directory = asDirectory(normalizeObjectPath(path))
  return deleteTree(executor, { container, directory, step, raiseForStatus })
}
