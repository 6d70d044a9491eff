import { describe, expect, it } from 'vitest'
import { markerPages } from '../../src/core/marker-pages.js'
import { DecodeError, Response } from '../../src/index.js'
import { rejection } from '../support/rejection.js'

interface Page {
  next?: string
  last: boolean
}

/** Collects the markers the listing asked for, answering from `pages` (by marker, '' for none). */
async function walk(pages: Record<string, Page>, start?: string, status = 200) {
  const asked: Array<string | undefined> = []
  const listing = markerPages<Page>({
    operation: 'ListDirectory',
    marker: start,
    fetch: async (marker) => {
      asked.push(marker)
      return new Response(status, new Headers(), new Uint8Array(0), pages[marker ?? ''] as Page)
    },
    isLast: (page) => page.last,
    nextMarker: (page) => page.next,
  })
  const statuses: number[] = []
  for await (const response of listing) statuses.push(response.statusCode)
  return { asked, statuses }
}

describe('markerPages', () => {
  it('follows markers to the last page, from a resumed marker too', async () => {
    const pages = { '': { next: 'a', last: false }, a: { next: 'b', last: false }, b: { last: true } }
    expect((await walk(pages)).asked).toEqual([undefined, 'a', 'b'])
    expect((await walk(pages, 'a')).asked).toEqual(['a', 'b'])
  })

  it('raises a DecodeError for a missing, empty or repeated marker (one rule for every listing)', async () => {
    for (const next of [undefined, '', 'a']) {
      const pages = { '': { next: 'a', last: false }, a: { next, last: false } }
      const error = await rejection(walk(pages))
      expect(error).toBeInstanceOf(DecodeError)
      expect(error).toMatchObject({ operation: 'ListDirectory', statusCode: 200 })
    }
    // Repeating the marker it was resumed from counts too.
    expect(await rejection(walk({ a: { next: 'a', last: false } }, 'a'))).toBeInstanceOf(DecodeError)
  })

  it('yields a response with an error status and stops there', async () => {
    expect(await walk({}, undefined, 404)).toEqual({ asked: [undefined], statuses: [404] })
  })
})
