import { describe, expect, it } from 'vitest'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { rawHttp } from '../support/raw-http.js'

/**
 * Fairness (docs/emulator-safety.md, "Fair scans"): a GetItems with a costly filter must not hold the
 * event loop, and its pages end after a work budget. The emulator runs in this process, so a blocked
 * event loop would delay the side requests' own timers and answers alike.
 */
describe('GetItems fairness', () => {
  const fixture = useEmulator({ scanGroupBoundaries: false, scanPageBudget: 50 })

  // 'abab…' makes each `contains` walk the whole 60 KB string: a few ms per item, seconds per scan.
  const text = 'ab'.repeat(30_000)
  const costlyFilter = (needles: number) =>
    Array.from({ length: needles }, (_, k) => `contains(s, 'aba${k}')`).join(' OR ')

  async function costlyTable(count: number, extra: (index: number) => Record<string, number> = () => ({})) {
    const table = uniquePath('fair')
    const items: Record<string, Record<string, string | number>> = {}
    for (let index = 0; index < count; index++) items[`item-${index}`] = { s: text, ...extra(index) }
    await fixture.client.putItems({ container: 'bigdata', path: table, items })
    return table
  }

  function getItems(table: string, members: Record<string, unknown>) {
    return rawHttp(fixture.emulator.url, 'PUT', `/bigdata/${table}/`, {
      headers: { 'X-v3io-function': 'GetItems' },
      body: JSON.stringify(members),
    })
  }

  it('keeps answering other clients within a bound while a scan runs for seconds', async () => {
    const table = await costlyTable(200)
    const started = performance.now()
    let scanMs = 0
    const scan = getItems(table, { FilterExpression: costlyFilter(20) }).then((answer) => {
      scanMs = performance.now() - started
      return answer
    })
    const latencies: number[] = []
    while (scanMs === 0) {
      const sent = performance.now()
      const side = await rawHttp(fixture.emulator.url, 'GET', '/')
      if (scanMs === 0) latencies.push(performance.now() - sent)
      expect(side.status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const answer = await scan
    expect(answer.status).toBe(200)
    // Nothing matches, so the page cannot end early (never an empty non-final page): one long request.
    expect(answer.json()).toEqual({ LastItemIncluded: 'TRUE', NumItems: 0, Items: [] })
    const worst = Math.max(...latencies)
    console.info(
      `scan ${scanMs.toFixed(0)} ms; ${latencies.length} side requests, worst ${worst.toFixed(1)} ms, ` +
        `median ${latencies.sort((a, b) => a - b)[latencies.length >> 1]?.toFixed(1)} ms`,
    )
    // Blocking would make the side request wait for the whole scan; fairness keeps it to a few items' work.
    expect(latencies.length).toBeGreaterThanOrEqual(5)
    expect(worst).toBeLessThan(1000)
    expect(worst).toBeLessThan(scanMs / 3)
  }, 120_000)

  it('ends pages early after the work budget and still returns every matching item exactly once', async () => {
    const table = await costlyTable(60, (index) => ({ n: index }))
    const filter = `(${costlyFilter(20)}) OR n >= 40`
    const seen: number[] = []
    let pages = 0
    let marker: string | undefined
    for (;;) {
      const answer = await getItems(table, {
        FilterExpression: filter,
        AttributesToGet: 'n',
        ...(marker ? { Marker: marker } : {}),
      })
      expect(answer.status).toBe(200)
      const page = answer.json() as {
        LastItemIncluded: string
        NextMarker?: string
        Items: Array<{ n: { N: string } }>
      }
      pages += 1
      seen.push(...page.Items.map((item) => Number(item.n.N)))
      if (page.LastItemIncluded === 'TRUE') break
      expect(page.Items.length).toBeGreaterThan(0)
      expect(page.NextMarker).not.toBe(marker)
      marker = page.NextMarker
    }
    const expected = Array.from({ length: 20 }, (_, k) => 40 + k)
    expect(seen.sort((a, b) => a - b)).toEqual(expected)
    // 60 items at several ms each cannot fit one 50 ms budget: the scan took several pages.
    expect(pages).toBeGreaterThan(1)
  }, 120_000)
})
