import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import type { RaiseForStatusOption } from '../../core/raise-for-status.js'
import type { Response as ResponseType } from '../../core/response.js'
import { deleteObject, getContainerContents, markerPages, Response } from '../reading-engine-dependencies.js'
import type { GetContainerContentsOutput } from './get-container-contents.js'

/** What {@link deleteTree} deletes, and how. */
export interface DeleteTreeOptions {
  /** The container. */
  readonly container: string
  /** The directory, ending with `/`. */
  readonly directory: string
  /** The call options of every request (signal, timeout, access key); raise-for-status is decided here. */
  readonly step: Omit<CallOptions, 'raiseForStatus'>
  /** The caller's raise-for-status, which judges the outcome: the first listing and the final `DELETE`. */
  readonly raiseForStatus: RaiseForStatusOption | undefined
}

// Entries may vanish while we work (another deleter, a consumer group finishing): 404 is fine for them.
const entryStatuses: RaiseForStatusOption = [200, 204, 404]

/**
 * Deletes a directory tree — every object in it (files, items, `.#schema`, shards), its sub-directories
 * depth first, then the directory itself — as the web API offers no recursive deletion (kv.md "Deleting
 * a table", streams.md "Deleting a stream"). Each listed page's objects are deleted concurrently, within
 * the executor's connection limit. Resolves to the final `DELETE`'s response (204).
 *
 * The caller's raise-for-status judges the outcome: a missing directory is the first listing's 404,
 * raised unless accepted (e.g. `[204, 404]`), in which case that 404 is the result. A listing whose
 * marker does not advance raises a `DecodeError` (docs/decisions-assembly.md).
 */
export async function deleteTree(
  executor: Executor,
  options: DeleteTreeOptions,
  firstPage: Promise<ResponseType<GetContainerContentsOutput>>,
): Promise<ResponseType<undefined>> {
  const { container, directory, step, raiseForStatus } = options
  const failed = await deleteContents(executor, container, directory, step, firstPage)
  if (failed)
    return new Response(
      failed.statusCode,
      failed.headers,
      failed.body,
      undefined,
      failed.error,
      failed.request,
    )
  return executor.execute(deleteObject, { ...step, container, path: directory, raiseForStatus })
}

/** Deletes what is under `directory`; answers the first listing when its status was let through. */
async function deleteContents(
  executor: Executor,
  container: string,
  directory: string,
  step: DeleteTreeOptions['step'],
  firstPage?: Promise<ResponseType<GetContainerContentsOutput>>,
): Promise<ResponseType<GetContainerContentsOutput> | undefined> {
  let first = firstPage
  const pages = markerPages<GetContainerContentsOutput>({
    operation: 'ListDirectory',
    fetch: (marker) => {
      const page = first
      first = undefined
      return (
        page ??
        executor.execute(getContainerContents, {
          ...step,
          container,
          path: directory,
          marker,
          raiseForStatus: 'always',
        })
      )
    },
    isLast: (page) => !page.isTruncated,
    nextMarker: (page) => page.nextMarker,
  })
  for await (const response of pages) {
    if (!response.ok) return response
    const { contents, commonPrefixes } = response.output
    for (const { prefix } of commonPrefixes) {
      await deleteContents(executor, container, prefix, step)
      await executor.execute(deleteObject, {
        ...step,
        container,
        path: prefix,
        raiseForStatus: entryStatuses,
      })
    }
    await Promise.all(
      contents.map((entry) =>
        executor.execute(deleteObject, {
          ...step,
          container,
          path: entry.key,
          raiseForStatus: entryStatuses,
        }),
      ),
    )
  }
  return undefined
}
