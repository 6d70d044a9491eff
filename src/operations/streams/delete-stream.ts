import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import { asDirectory, normalizeObjectPath, validateContainer } from '../../core/path.js'
import type { Response } from '../../core/response.js'
import { deleteTree } from '../objects/delete-tree-start.js'
import type { StreamAddress } from './stream-paths.js'

/** Options of {@link deleteStream}. */
export interface DeleteStreamOptions extends StreamAddress {}

/**
 * Deletes a stream (streams.md, deleting a stream): lists the stream directory, deletes its shards and
 * any other files (consumer-group state, …) and sub-directories, then the directory itself. Resolves to
 * the final `DELETE /<c>/<s>/` response (204). A missing stream raises the listing's 404 unless
 * `raiseForStatus` accepts it (e.g. `[200, 204, 404]`), in which case that 404 response is returned.
 */
export async function deleteStream(
  executor: Executor,
  options: DeleteStreamOptions & CallOptions,
): Promise<Response<undefined>> {
  const { container, path, raiseForStatus, ...step } = options
  validateContainer(container)
  const directory = asDirectory(normalizeObjectPath(path))
  return deleteTree(executor, { container, directory, step, raiseForStatus })
}
