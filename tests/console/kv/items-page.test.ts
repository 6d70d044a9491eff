import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { itemsPage } from '../../../console/src/kv/items-page.js'
import { type RunningEmulator, startEmulator } from '../../../src/emulator/index.js'
import { Client } from '../../../src/index.js'

describe('itemsPage', () => {
  let emulator: RunningEmulator
  let client: Client
  const table = { container: 'users', path: '/paged-table/' }

  beforeAll(async () => {
    // Pages end at virtual-node group boundaries (as on the platform), so one GetItems is often short.
    emulator = await startEmulator({ port: 0, numberOfVNs: 64 })
    client = new Client({ endpoint: emulator.url, accessKey: 'any' })
    const items: Record<string, Record<string, number>> = {}
    for (let index = 0; index < 230; index++) items[`item-${index}`] = { index }
    await client.putItems({ ...table, items })
  })
  afterAll(async () => {
    await emulator?.close()
  })

  it('fills every page but the last, and visits every item exactly once', async () => {
    const sizes: number[] = []
    const seen: number[] = []
    let marker: string | undefined
    do {
      const page = await itemsPage(client, { ...table, attributeNames: ['index'] }, marker, 50)
      sizes.push(page.items.length)
      seen.push(...page.items.map((item) => item.index as number))
      marker = page.nextMarker
    } while (marker !== undefined)
    expect(sizes).toEqual([50, 50, 50, 50, 30])
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 230 }, (_, index) => index))
  })

  it('filters, and ends at once on an empty table', async () => {
    const page = await itemsPage(
      client,
      { ...table, filterExpression: 'index < 10', attributeNames: ['index'] },
      undefined,
      50,
    )
    expect(page.items.map((item) => item.index).sort((a, b) => Number(a) - Number(b))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ])
    expect(page.nextMarker).toBeUndefined()
    await client.createDirectory({ container: 'users', path: '/empty-table/' })
    const empty = await itemsPage(client, { container: 'users', path: '/empty-table/' }, undefined, 50)
    expect(empty).toEqual({ items: [], nextMarker: undefined })
  })
})
