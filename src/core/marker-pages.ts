import { DecodeError } from './errors.js'
import type { Response } from './response.js'

/** A listing that continues by marker: directory listings (`NextMarker`/`IsTruncated`), table scans. */
export interface MarkerListing<Page> {
  /** The protocol name of the listing (`ListDirectory`, `GetItems`), for the error about a stuck marker. */
  readonly operation: string
  /** Where to start: the marker of a resumed listing, or none for the beginning. */
  readonly marker?: string | undefined
  /** Fetches the page that follows `marker` (the first page when it is undefined). */
  fetch(marker: string | undefined): Promise<Response<Page>>
  /** Whether the page is the last one. */
  isLast(page: Page): boolean
  /** The marker the page says to continue from. */
  nextMarker(page: Page): string | undefined
}

/**
 * The responses of a listing, page by page, following markers: the one loop every pager, cursor and
 * tree deletion of the SDK runs. A page that is not the last but whose marker is missing, empty or seen
 * before raises a `DecodeError` (a server that would otherwise make the loop run forever). A response
 * with an error status (one the caller's raise-for-status let through) is yielded and ends the listing.
 */
export async function* markerPages<Page>(
  listing: MarkerListing<Page>,
): AsyncGenerator<Response<Page>, void, undefined> {
  let marker = listing.marker
  const seen = new Set<string>(marker ? [marker] : [])
  for (;;) {
    const response = await listing.fetch(marker)
    yield response
    if (!response.ok || listing.isLast(response.output)) return
    const next = listing.nextMarker(response.output)
    if (next === undefined || next === '' || seen.has(next))
      throw new DecodeError(
        listing.operation,
        response.statusCode,
        `the listing is incomplete but NextMarker ${JSON.stringify(next ?? null)} does not advance`,
        '',
      )
    seen.add(next)
    marker = next
  }
}
