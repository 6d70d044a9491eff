import { describe, expect, it } from 'vitest'
import { uniquePath, useEmulator } from '../../support/emulator.js'
import { rawHttp } from '../../support/raw-http.js'

/**
 * The scan yields to the event loop between work slices (src/emulator/kv/scan-cursor.ts), so writes
 * land in the middle of a page. Items present for the whole scan must still come back exactly once
 * (kv.md paging rule 5), whatever is inserted or deleted around them meanwhile.
 */
describe('a yielding scan under concurrent writes', () => {
  const fixture = useEmulator({ scanGroupBoundaries: false, scanPageBudget: 40 })
  const text = 'ab'.repeat(30_000)
  const costly = Array.from({ length: 12 }, (_, k) => `contains(s, 'aba${k}')`).join(' OR ')

  const put = (table: string, name: string, attributes: Record<string, unknown>) =>
    rawHttp(fixture.emulator.url, 'PUT', `/bigdata/${table}/${name}`, {
      headers: { 'X-v3io-function': 'PutItem' },
      body: JSON.stringify({ Item: attributes }),
    })

  it('returns every item present throughout exactly once while others are created and deleted', async () => {
    const table = uniquePath('yield-scan')
    const stable = Array.from({ length: 80 }, (_, index) => `stable-${index}`)
    const items: Record<string, Record<string, string | number>> = {}
    for (const name of stable) items[name] = { s: text, keep: 1 }
    await fixture.client.putItems({ container: 'bigdata', path: table, items })

    let writing = true
    let written = 0
    const writer = (async () => {
      for (let round = 0; writing; round++) {
        // New names land before and after the scan's position; deletions remove earlier newcomers.
        await put(table, `extra-${round}`, { s: { S: 'x' }, keep: { N: '0' } })
        if (round >= 2) {
          await rawHttp(fixture.emulator.url, 'DELETE', `/bigdata/${table}/extra-${round - 2}`)
        }
        written += 1
      }
    })()

    const seen: string[] = []
    let marker: string | undefined
    let pages = 0
    for (;;) {
      const answer = await rawHttp(fixture.emulator.url, 'PUT', `/bigdata/${table}/`, {
        headers: { 'X-v3io-function': 'GetItems' },
        body: JSON.stringify({
          FilterExpression: `(${costly}) OR keep == 1`,
          AttributesToGet: '__name,keep',
          ...(marker ? { Marker: marker } : {}),
        }),
      })
      expect(answer.status).toBe(200)
      const page = answer.json() as {
        LastItemIncluded: string
        NextMarker?: string
        Items: Array<{ __name: { S: string }; keep: { N: string } }>
      }
      pages += 1
      seen.push(...page.Items.filter((item) => item.keep.N === '1').map((item) => item.__name.S))
      if (page.LastItemIncluded === 'TRUE') break
      marker = page.NextMarker
    }
    writing = false
    await writer
    expect(seen.sort()).toEqual([...stable].sort())
    // The writes really happened while the scan ran, across several pages.
    expect(written).toBeGreaterThan(5)
    expect(pages).toBeGreaterThan(1)
  }, 120_000)
})
