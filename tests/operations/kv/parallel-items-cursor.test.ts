import { describe, expect, it } from 'vitest'
import { HttpResponseError, RequestAbortedError, ValidationError } from '../../../src/index.js'
import { answer, delay, page, scriptedClient } from './scripted-transport.js'

/** A segmented table whose every segment has `pages` pages of 2 items, served with a small delay. */
function segmentedTable(pages: number) {
  let inFlight = 0
  let maxInFlight = 0
  const aborted: number[] = []
  const scripted = scriptedClient(
    async (request, _index, signal) => {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      try {
        await delay(5, signal)
      } catch (error) {
        aborted.push(request.body!.Segment as number)
        throw error
      } finally {
        inFlight -= 1
      }
      const segment = request.body!.Segment as number
      const pageIndex = request.body!.Marker === undefined ? 0 : Number(request.body!.Marker)
      const names = [`s${segment}-p${pageIndex}-a`, `s${segment}-p${pageIndex}-b`]
      return page(names, pageIndex + 1 < pages ? String(pageIndex + 1) : undefined)
    },
    { maxConnections: 3 },
  )
  return { ...scripted, maxInFlight: () => maxInFlight, aborted }
}

describe('newParallelItemsCursor', () => {
  it('scans every segment concurrently within the gate and yields every item once', async () => {
    const table = segmentedTable(3)
    const items = await table.client
      .newParallelItemsCursor({ container: 'c', path: 't', totalSegments: 8 })
      .all()
    const names = items.map((item) => item.__name as string)
    expect(names).toHaveLength(8 * 3 * 2)
    expect(new Set(names).size).toBe(names.length)
    expect(table.maxInFlight()).toBe(3) // bounded by maxConnections, yet concurrent
    expect(new Set(table.requests.map((request) => request.body!.TotalSegment))).toEqual(new Set([8]))
    expect(new Set(table.requests.map((request) => request.body!.Segment))).toEqual(
      new Set([0, 1, 2, 3, 4, 5, 6, 7]),
    )
  })

  it('scans only the requested segments, at most `concurrency` at once', async () => {
    const table = segmentedTable(2)
    const items = await table.client
      .newParallelItemsCursor({
        container: 'c',
        path: 't',
        totalSegments: 4,
        segments: [1, 3],
        concurrency: 1,
      })
      .all()
    expect(items.map((item) => item.__name)).toEqual([
      's1-p0-a',
      's1-p0-b',
      's1-p1-a',
      's1-p1-b',
      's3-p0-a',
      's3-p0-b',
      's3-p1-a',
      's3-p1-b',
    ])
    expect(table.maxInFlight()).toBe(1)
  })

  it('stops at the overall limit and aborts the requests still in flight', async () => {
    const table = segmentedTable(50)
    const items = await table.client
      .newParallelItemsCursor({ container: 'c', path: 't', totalSegments: 6, limit: 5 })
      .all()
    expect(items).toHaveLength(5)
    expect(table.requests.length).toBeLessThan(20)
  })

  it('aborts in-flight requests when the consumer breaks out', async () => {
    const table = segmentedTable(100)
    for await (const item of table.client.newParallelItemsCursor({
      container: 'c',
      path: 't',
      totalSegments: 4,
    })) {
      expect(item.__name).toMatch(/^s\d-p0-a$/)
      break
    }
    expect(table.aborted.length).toBeGreaterThan(0)
  })

  it('fails when one segment fails, and honours the caller signal', async () => {
    const failing = scriptedClient((request) =>
      request.body!.Segment === 2 ? answer(503, { ErrorCode: -1, ErrorMessage: 'busy' }) : page(['x']),
    )
    await expect(
      failing.client.newParallelItemsCursor({ container: 'c', path: 't', totalSegments: 4 }).all(),
    ).rejects.toThrow(HttpResponseError)
    const controller = new AbortController()
    const table = segmentedTable(100)
    const cursor = table.client.newParallelItemsCursor({
      container: 'c',
      path: 't',
      totalSegments: 4,
      signal: controller.signal,
    })
    await cursor.nextItem()
    controller.abort(new Error('enough'))
    await expect(cursor.all()).rejects.toThrow(RequestAbortedError)
  })

  it('validates its options when created', () => {
    const { client } = scriptedClient(() => page([]))
    for (const options of [
      { totalSegments: 0 },
      { totalSegments: 1025 },
      { totalSegments: 4, segments: [4] },
      { totalSegments: 4, segments: [1, 1] },
      { totalSegments: 4, segments: [] },
      { totalSegments: 4, concurrency: 0 },
      { totalSegments: 4, shardingKey: 'a' },
    ])
      expect(
        () => client.newParallelItemsCursor({ container: 'c', path: 't', ...options }),
        JSON.stringify(options),
      ).toThrow(ValidationError)
  })

  it('without totalSegments, asks GetClusterMD first and scans one segment per virtual node', async () => {
    const { client, requests } = scriptedClient((request) => {
      if (request.headers['X-v3io-function'] === 'GetClusterMD') return answer(200, { NumberOfVNs: 3 })
      return page([`s${request.body!.Segment as number}`])
    })
    const items = await client.newParallelItemsCursor({ container: 'c', path: 't' }).all()
    expect(items.map((item) => item.__name).sort()).toEqual(['s0', 's1', 's2'])
    expect(requests[0]).toMatchObject({ method: 'PUT', path: '/c/', body: undefined })
    expect(requests[0]?.headers['X-v3io-function']).toBe('GetClusterMD')
    expect(requests.slice(1).map((request) => request.body!.TotalSegment)).toEqual([3, 3, 3])
  })

  it("caps the cluster's answer at 1024 segments", async () => {
    const { client, requests } = scriptedClient((request) =>
      request.headers['X-v3io-function'] === 'GetClusterMD' ? answer(200, { NumberOfVNs: 5000 }) : page([]),
    )
    await client.newParallelItemsCursor({ container: 'c', path: 't', limit: 1 }).nextItem()
    expect(new Set(requests.slice(1).map((request) => request.body!.TotalSegment))).toEqual(new Set([1024]))
  })

  it('fails the cursor when GetClusterMD fails, and needs totalSegments when segments are given', async () => {
    const { client } = scriptedClient(() =>
      answer(404, { ErrorCode: -2, ErrorMessage: 'Container not found' }),
    )
    await expect(client.newParallelItemsCursor({ container: 'c', path: 't' }).all()).rejects.toBeInstanceOf(
      HttpResponseError,
    )
    expect(() => client.newParallelItemsCursor({ container: 'c', path: 't', segments: [0] })).toThrow(
      expect.objectContaining({ parameter: 'totalSegments' }),
    )
  })
})
