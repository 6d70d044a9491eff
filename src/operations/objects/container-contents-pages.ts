import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import { markerPages } from '../../core/marker-pages.js'
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
  const pages = markerPages<GetContainerContentsOutput>({
    operation: 'ListDirectory',
    marker: options.marker,
    fetch: (marker) => executor.execute(getContainerContents, { ...options, marker }),
    isLast: (page) => !page.isTruncated,
    nextMarker: (page) => page.nextMarker,
  })
  for await (const response of pages) yield response.output
}
