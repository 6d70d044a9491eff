import type { Executor } from '../../core/executor.js'
import type { Response } from '../../core/response.js'
import { loadReadingEngine } from '../reading-engine-loader.js'
import type { DeleteTreeOptions } from './delete-tree.js'
import { getContainerContents } from './get-container-contents.js'

/**
 * Deletes a directory and everything under it (delete-tree.ts, part of the reading engine, loaded on
 * demand); the first listing is sent at once, while the engine loads.
 */
export async function deleteTree(
  executor: Executor,
  options: DeleteTreeOptions,
): Promise<Response<undefined>> {
  const { container, directory, step, raiseForStatus } = options
  // The policy is about the outcome: a listing's 200 passes even if the caller accepts only [204, 404].
  const firstListing = Array.isArray(raiseForStatus) ? [...raiseForStatus, 200] : raiseForStatus
  const firstPage = executor.execute(getContainerContents, {
    ...step,
    container,
    path: directory,
    marker: undefined,
    raiseForStatus: firstListing ?? 'always',
  })
  // Awaited by the engine; a failed load must not leave it unhandled.
  firstPage.catch(() => undefined)
  return (await loadReadingEngine()).deleteTree(executor, options, firstPage)
}
