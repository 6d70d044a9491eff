import type { CallOptions } from '../../core/call-options.js'
import { DecodeError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import {
  type GetContainerContentsOptions,
  type GetContainerContentsOutput,
  getContainerContents,
} from './get-container-contents.js'

/**
 * Pages through a whole directory listing: repeats `getContainerContents` with `marker = nextMarker` while
 * the listing is truncated, yielding each page. Stops with a decode error if the server repeats a marker.
 */
export async function* containerContentsPages(
  executor: Executor,
  options: GetContainerContentsOptions & CallOptions,
): AsyncGenerator<GetContainerContentsOutput, void, undefined> {
  let marker = options.marker
  for (;;) {
    const response = await executor.execute(getContainerContents, { ...options, marker })
    const page = response.output
    yield page
    if (!page.isTruncated) return
    if (page.nextMarker === '' || page.nextMarker === marker)
      throw new DecodeError(
        'ListDirectory',
        response.statusCode,
        `the listing is truncated but NextMarker ${JSON.stringify(page.nextMarker)} does not advance`,
        '',
      )
    marker = page.nextMarker
  }
}
