import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import { asDirectory, normalizeObjectPath, validateContainer } from '../../core/path.js'
import type { RaiseForStatusOption } from '../../core/raise-for-status.js'
import { Response } from '../../core/response.js'
import { deleteObject } from '../objects/delete-object.js'
import { getContainerContents } from '../objects/get-container-contents.js'
import type { StreamAddress } from './stream-paths.js'

/** Options of {@link deleteStream}. */
export interface DeleteStreamOptions extends StreamAddress {}

type StepOptions = Omit<CallOptions, 'raiseForStatus'>

// Entries may vanish while we work (another deleter, a consumer group finishing): 404 is fine for them.
const entryStatuses: RaiseForStatusOption = [200, 204, 404]

/**
 * Deletes everything under `directory` (files, shards, sub-directories), page by page. Answers the
 * first listing's response when the caller's raise-for-status let a failure through (e.g. 404).
 */
async function deleteContents(
  executor: Executor,
  container: string,
  directory: string,
  step: StepOptions,
  firstListing: RaiseForStatusOption | undefined = 'always',
): Promise<Response | undefined> {
  let marker: string | undefined
  for (let page = 0; ; page++) {
    const response = await executor.execute(getContainerContents, {
      container,
      path: directory,
      marker,
      ...step,
      raiseForStatus: page === 0 ? firstListing : 'always',
    })
    if (!response.ok) return response
    const listing = response.output
    for (const prefix of listing.commonPrefixes) {
      await deleteContents(executor, container, prefix.prefix, step)
      await executor.execute(deleteObject, {
        container,
        path: prefix.prefix,
        ...step,
        raiseForStatus: entryStatuses,
      })
    }
    await Promise.all(
      listing.contents.map((entry) =>
        executor.execute(deleteObject, {
          container,
          path: entry.key,
          ...step,
          raiseForStatus: entryStatuses,
        }),
      ),
    )
    if (!listing.isTruncated || listing.nextMarker === '' || listing.nextMarker === marker) return undefined
    marker = listing.nextMarker
  }
}

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
  const stream = asDirectory(normalizeObjectPath(path))
  // The caller's policy is about the outcome: a listing of 200 must pass even if only [204, 404] is accepted.
  const listingPolicy = Array.isArray(raiseForStatus) ? [...raiseForStatus, 200] : raiseForStatus
  const failed = await deleteContents(executor, container, stream, step, listingPolicy)
  if (failed) return new Response(failed.statusCode, failed.headers, failed.body, undefined, failed.error)
  return executor.execute(deleteObject, { container, path: stream, ...step, raiseForStatus })
}
