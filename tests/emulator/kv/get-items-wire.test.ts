import { describe, expect, it } from 'vitest'
import { xxHash32 } from '../../../src/emulator/hashing/xxhash32.js'
import { uniquePath } from '../../support/emulator.js'
import { markerOf, useKvEmulator } from './kv-wire-support.js'

interface Page {
  LastItemIncluded: string
  NumItems: number
  NextMarker?: string
  Items: Array<Record<string, { S?: string; N?: string }>>
}

const sliceOf = (name: string) => xxHash32(name.split('.')[0] as string) % 1024

/** Byte order of UTF-8, which for these ASCII names is code-unit order. */
const byScanOrder = (a: string, b: string) => sliceOf(a) - sliceOf(b) || (a < b ? -1 : a > b ? 1 : 0)

describe('GetItems paging, segments, ranges and markers on the wire', () => {
  const kv = useKvEmulator()
  const table = uniquePath('scan')
  const names = Array.from({ length: 300 }, (_, i) => `item${i}`)

  async function scanAll(
    body: Record<string, unknown>,
    dir = `/bigdata/${table}/`,
    startMarker?: string,
  ): Promise<Page[]> {
    const pages: Page[] = []
    let marker = startMarker
    for (let round = 0; round < 1000; round++) {
      const answer = await kv.call('GetItems', dir, marker ? { ...body, Marker: marker } : body)
      expect(answer.status).toBe(200)
      const page = answer.json() as Page
      pages.push(page)
      expect(page.NumItems).toBe(page.Items.length)
      if (page.LastItemIncluded === 'TRUE') {
        expect(page.NextMarker).toBeUndefined()
        return pages
      }
      expect(page.LastItemIncluded).toBe('FALSE')
      expect(page.Items.length).toBeGreaterThan(0)
      expect(page.NextMarker).toBeTruthy()
      expect(page.NextMarker).not.toBe(marker)
      marker = page.NextMarker
    }
    throw new Error('the scan did not end')
  }
  const namesOf = (pages: Page[]) =>
    pages.flatMap((page) => page.Items.map((item) => item.__name?.S as string))

  it('visits every item once, by slice then name, in pages within virtual-node groups', async () => {
    for (const [i, name] of names.entries()) {
      const put = await kv.call('PutItem', `/bigdata/${table}/${name}`, { Item: { n: { N: String(i) } } })
      expect(put.status).toBe(200)
    }
    await kv.http('PUT', `/bigdata/${table}/subdir/`)
    await kv.http('PUT', `/bigdata/${table}/uploaded`, 'body bytes')
    const pages = await scanAll({ AttributesToGet: '__name', Limit: 7 })
    const expected = [...names, 'uploaded'].sort(byScanOrder)
    expect(namesOf(pages)).toEqual(expected)
    for (const page of pages) {
      expect(page.Items.length).toBeLessThanOrEqual(7)
      const groups = new Set(page.Items.map((item) => Math.floor(sliceOf(item.__name?.S as string) / 128)))
      expect(groups.size).toBeLessThanOrEqual(1)
    }
    // A page shorter than Limit ends at a group boundary: the next page starts in another group.
    for (let i = 0; i + 1 < pages.length; i++) {
      const page = pages[i] as Page
      if (page.Items.length === 7) continue
      const lastName = page.Items.at(-1)?.__name?.S as string
      const nextName = pages[i + 1]?.Items[0]?.__name?.S as string
      expect(Math.floor(sliceOf(nextName) / 128)).not.toBe(Math.floor(sliceOf(lastName) / 128))
    }
  })

  it('returns "TRUE" on the page holding the last match (look-ahead), and an empty final page only when nothing matches', async () => {
    const last = [...names, 'uploaded'].sort(byScanOrder).at(-1) as string
    const one = await kv.call('GetItems', `/bigdata/${table}/`, {
      AttributesToGet: '__name',
      FilterExpression: `__name == '${last}'`,
    })
    expect(one.json()).toEqual({ LastItemIncluded: 'TRUE', NumItems: 1, Items: [{ __name: { S: last } }] })
    const none = await kv.call('GetItems', `/bigdata/${table}/`, { FilterExpression: 'n > 100000' })
    expect(none.json()).toEqual({ LastItemIncluded: 'TRUE', NumItems: 0, Items: [] })
  })

  it('partitions the table into segments that together return every item exactly once', async () => {
    for (const total of [1, 3, 8, 1024]) {
      const seen: string[] = []
      for (let segment = 0; segment < total; segment++) {
        if (total === 1024 && segment % 97 !== 0 && segment !== 1023) {
          // Spot-check a few of the 1024 segments against their slice; the rest by count below.
          continue
        }
        const pages = await scanAll({ AttributesToGet: '__name', Segment: segment, TotalSegment: total })
        for (const name of namesOf(pages)) {
          expect(Math.floor((sliceOf(name) * total) / 1024)).toBe(segment)
          seen.push(name)
        }
      }
      if (total !== 1024) expect(seen.sort()).toEqual([...names, 'uploaded'].sort())
    }
  })

  it('honours Limit up to the 1000-item page cap, without group boundaries when switched off', async () => {
    const pages = await scanAll({ AttributesToGet: '__name', Limit: 5000 })
    expect(pages.every((page) => page.Items.length <= 1000)).toBe(true)
    expect(namesOf(pages).length).toBe(names.length + 1)
  })

  it('scans one sharding key in sorting-key order with inclusive start and exclusive end', async () => {
    const dir = `/bigdata/${uniquePath('range')}`
    const keys = ['k', 'k.', 'k.a', 'k.b', 'k.b2', 'k.c', 'k-x', 'k0', 'kk.a', 'other.b']
    for (const name of keys) await kv.call('PutItem', `${dir}/${name}`, { Item: {} })
    const range = async (extra: Record<string, string>) =>
      namesOf(await scanAll({ AttributesToGet: '__name', ShardingKey: 'k', Limit: 2, ...extra }, `${dir}/`))
    expect(await range({})).toEqual(['k', 'k.', 'k.a', 'k.b', 'k.b2', 'k.c'])
    expect(await range({ SortKeyRangeStart: 'b' })).toEqual(['k.b', 'k.b2', 'k.c'])
    expect(await range({ SortKeyRangeEnd: 'b2' })).toEqual(['k', 'k.', 'k.a', 'k.b'])
    expect(await range({ SortKeyRangeStart: 'a', SortKeyRangeEnd: 'c' })).toEqual(['k.a', 'k.b', 'k.b2'])
    expect(await range({ SortKeyRangeStart: '', SortKeyRangeEnd: 'a' })).toEqual(['k', 'k.'])
    expect(await range({ SortKeyRangeEnd: '' })).toEqual([])
    expect(namesOf(await scanAll({ AttributesToGet: '__name', ShardingKey: 'absent' }, `${dir}/`))).toEqual(
      [],
    )
  })

  it('scans a directory given by TableName (with "/") relative to the URL, and the container root', async () => {
    const base = uniquePath('nested')
    await kv.call('PutItem', `/bigdata/${base}/some_dir/tbl/a`, { Item: {} })
    await kv.call('PutItem', `/bigdata/${base}/some_dir/tbl/b`, { Item: {} })
    const pages = await scanAll({ AttributesToGet: '__name', TableName: 'some_dir/tbl' }, `/bigdata/${base}/`)
    expect(namesOf(pages).sort()).toEqual(['a', 'b'])
    const withoutSlash = await scanAll(
      { AttributesToGet: '__name', TableName: '/' },
      `/bigdata/${base}/some_dir/tbl`,
    )
    expect(namesOf(withoutSlash).sort()).toEqual(['a', 'b'])
    const root = await kv.call('GetItems', '/users/', {})
    expect(root.json()).toEqual({ LastItemIncluded: 'TRUE', NumItems: 0, Items: [] })
    const dots = await kv.call('GetItems', `/bigdata/${base}/`, { TableName: 'some_dir/../x' })
    expect(dots.status).toBe(400)
    const file = await kv.call('GetItems', `/bigdata/${base}/some_dir/tbl/a`, {})
    expect([file.status, file.json()]).toEqual([404, { ErrorCode: -20, ErrorMessage: 'Not a directory' }])
  })

  it('accepts a marker with other Limit, AttributesToGet and filter, and refuses it for another scan', async () => {
    const first = (await kv.call('GetItems', `/bigdata/${table}/`, { Limit: 1 })).json() as Page
    const marker = first.NextMarker as string
    const next = await kv.call('GetItems', `/bigdata/${table}/`, {
      Marker: marker,
      Limit: 3,
      AttributesToGet: '**',
      FilterExpression: 'true',
    })
    expect(next.status).toBe(200)
    const invalid = { ErrorCode: -201326592, ErrorMessage: 'InvalidArgumentException: invalid Marker' }
    for (const body of [
      { Marker: marker, Segment: 0, TotalSegment: 2 },
      { Marker: marker, ShardingKey: 'item1' },
    ]) {
      const answer = await kv.call('GetItems', `/bigdata/${table}/`, body)
      expect([answer.status, answer.json()]).toEqual([400, invalid])
    }
    const otherDir = `/bigdata/${uniquePath('other')}`
    await kv.call('PutItem', `${otherDir}/x`, { Item: {} })
    const other = await kv.call('GetItems', `${otherDir}/`, { Marker: marker })
    expect([other.status, other.json()]).toEqual([400, invalid])
    const decoded = JSON.parse(Buffer.from(marker, 'base64').toString()) as { fp: string; slice: number }
    for (const forged of [
      markerOf(decoded.fp, 1024, 'x'),
      markerOf(decoded.fp, 5, ''),
      Buffer.from(JSON.stringify({ v: 2, fp: decoded.fp, slice: 1, name: 'x' })).toString('base64'),
      Buffer.from(JSON.stringify({ v: 1, fp: decoded.fp, slice: 1, name: 'x', extra: 1 })).toString('base64'),
    ]) {
      const answer = await kv.call('GetItems', `/bigdata/${table}/`, { Marker: forged })
      expect([answer.status, answer.json()]).toEqual([400, invalid])
    }
  })

  it.each([
    [{ Segment: 0 }, 'Segment and TotalSegment must be given together'],
    [{ TotalSegment: 2 }, 'Segment and TotalSegment must be given together'],
    [{ Segment: 0, TotalSegment: 0 }, 'TotalSegment must be 1 to 1024'],
    [{ Segment: 0, TotalSegment: 1025 }, 'TotalSegment must be 1 to 1024'],
    [{ Segment: 2, TotalSegment: 2 }, 'Segment must be 0 to TotalSegment-1'],
    [{ Segment: -1, TotalSegment: 2 }, 'Segment must be 0 to TotalSegment-1'],
    [{ SortKeyRangeStart: 'a' }, 'SortKeyRangeStart and SortKeyRangeEnd require ShardingKey'],
    [
      { ShardingKey: 'a', Segment: 0, TotalSegment: 2 },
      'a range scan (ShardingKey) cannot be a parallel scan (Segment)',
    ],
    [{ Limit: -3 }, 'Limit must be at least 1'],
  ])('refuses %j', async (body, detail) => {
    const answer = await kv.call('GetItems', `/bigdata/${table}/`, body)
    expect([answer.status, answer.json()]).toEqual([
      400,
      { ErrorCode: -201326592, ErrorMessage: `InvalidArgumentException: ${detail}` },
    ])
  })

  it('treats null members as absent and answers Scattered for AllowObjectScatter', async () => {
    const answer = await kv.call('GetItems', `/bigdata/${table}/`, {
      Limit: null,
      Marker: null,
      Segment: null,
      AllowObjectScatter: 'true',
      FilterExpression: 'n == 0',
    })
    expect(answer.json()).toEqual({
      LastItemIncluded: 'TRUE',
      NumItems: 1,
      Items: [{ n: { N: '0' }, __name: { S: 'item0' } }],
      Scattered: 'FALSE',
    })
  })

  it('skips items deleted during a scan and returns the others once', async () => {
    const dir = `/bigdata/${uniquePath('live')}`
    for (const name of ['a', 'b', 'c', 'd']) await kv.call('PutItem', `${dir}/${name}`, { Item: {} })
    const order = ['a', 'b', 'c', 'd'].sort(byScanOrder)
    const first = (
      await kv.call('GetItems', `${dir}/`, { AttributesToGet: '__name', Limit: 1 })
    ).json() as Page
    expect(first.Items[0]?.__name?.S).toBe(order[0])
    await kv.http('DELETE', `${dir}/${order[1]}`)
    const seen = namesOf(await scanAll({ AttributesToGet: '__name' }, `${dir}/`, first.NextMarker))
    expect(seen).toEqual([order[2], order[3]])
  })
})

describe('GetItems without virtual-node group boundaries', () => {
  const kv = useKvEmulator({ scanGroupBoundaries: false })

  it('ends a page before its JSON would exceed 2 MiB, but always returns at least one item', async () => {
    const dir = `/bigdata/${uniquePath('big-pages')}`
    const blob = Buffer.alloc(800_000, 7).toString('base64')
    for (const name of ['p', 'q', 'r'])
      await kv.call('PutItem', `${dir}/${name}`, { Item: { b: { B: blob } } })
    const sizes: number[] = []
    let marker: string | undefined
    for (;;) {
      const answer = await kv.call('GetItems', `${dir}/`, marker ? { Marker: marker } : {})
      expect(answer.body.length).toBeLessThanOrEqual(2 * 1024 * 1024)
      const page = answer.json() as Page
      sizes.push(page.NumItems)
      if (page.LastItemIncluded === 'TRUE') break
      marker = page.NextMarker
    }
    expect(sizes).toEqual([1, 1, 1])
  })

  it('fills pages up to Limit across groups', async () => {
    const dir = `/bigdata/${uniquePath('nogroups')}`
    const names = Array.from({ length: 40 }, (_, i) => `n${i}`)
    for (const name of names) await kv.call('PutItem', `${dir}/${name}`, { Item: {} })
    const page = (
      await kv.call('GetItems', `${dir}/`, { AttributesToGet: '__name', Limit: 25 })
    ).json() as Page
    expect(page.NumItems).toBe(25)
    expect(page.Items.map((item) => item.__name?.S)).toEqual(names.sort(byScanOrder).slice(0, 25))
  })
})
