import type { CallOptions } from '../../core/call-options.js'
import { DecodeError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { asDirectory, normalizeObjectPath, validateContainer } from '../../core/path.js'
import type { Response } from '../../core/response.js'
import { deleteObject } from '../objects/delete-object.js'
import { getContainerContents } from '../objects/get-container-contents.js'

/** Options of {@link deleteTable}. */
export interface DeleteTableOptions {
  /** The container. */
  container: string
  /** The table (directory) to delete with everything in it. */
  path: string
}

type StepOptions = Omit<CallOptions, 'raiseForStatus'>

/**
 * Deletes everything under `directory` (items, `.#schema`, files; sub-directories recursively), listing it
 * page by page and deleting each page's objects concurrently. A 404 on one object counts as done.
 */
async function emptyDirectory(executor: Executor, container: string, directory: string, call: StepOptions) {
  let marker: string | undefined
  const seen = new Set<string>()
  for (;;) {
    const { output: page, statusCode } = await executor.execute(getContainerContents, {
      ...call,
      container,
      path: directory,
      marker,
      raiseForStatus: [200],
    })
    await Promise.all(
      page.contents.map((entry) =>
        executor.execute(deleteObject, {
          ...call,
          container,
          path: entry.key,
          raiseForStatus: [204, 200, 404],
        }),
      ),
    )
    for (const sub of page.commonPrefixes) {
      await emptyDirectory(executor, container, sub.prefix, call)
      await executor.execute(deleteObject, {
        ...call,
        container,
        path: sub.prefix,
        raiseForStatus: [204, 200, 404],
      })
    }
    if (!page.isTruncated) return
    if (page.nextMarker === '' || seen.has(page.nextMarker))
      throw new DecodeError(
        'ListDirectory',
        statusCode,
        'the listing is truncated but NextMarker does not advance',
        '',
      )
    seen.add(page.nextMarker)
    marker = page.nextMarker
  }
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
  const { container, path, raiseForStatus, ...call } = options
  validateContainer(container)
  const directory = asDirectory(normalizeObjectPath(path))
  // The first listing follows the caller's policy, so that "table not found" is reported as the caller wants.
  const first = await executor.execute(getContainerContents, {
    ...call,
    container,
    path: directory,
    raiseForStatus,
    limit: 1,
  })
  if (!first.ok) return first
  await emptyDirectory(executor, container, directory, call)
  return executor.execute(deleteObject, { ...call, container, path: directory, raiseForStatus })
}
