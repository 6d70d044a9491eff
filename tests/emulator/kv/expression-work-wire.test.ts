/**
 * The expression work budget over HTTP (docs/decisions-emulator.md, DE-1): a filter, condition or
 * update expression that exceeds it answers 400 with the contract's error body, naming the member and
 * the limit, and writes nothing; `expressionWorkLimit` configures it.
 */

import { describe, expect, it } from 'vitest'
import { DEFAULT_EXPRESSION_WORK_LIMIT } from '../../../src/emulator/expressions/index.js'
import { startEmulator } from '../../../src/emulator/index.js'
import { HttpResponseError } from '../../../src/index.js'
import { uniquePath, useEmulator } from '../../support/emulator.js'
import { rawHttp } from '../../support/raw-http.js'

const overLimit = (member: string, limit = DEFAULT_EXPRESSION_WORK_LIMIT) =>
  `InvalidArgumentException: ${member} exceeds the emulator's evaluation work limit of ${limit} units per item`

const list = (name: string, count: number) => Array.from({ length: count }, () => name).join(',')
/** About 3 GB of byte comparisons on a 1 MB blob: seconds of work per item without the budget. */
const blobComparisons = `b IN (${list('b', 1024)}) OR b IN (${list('b', 1024)}) OR b IN (${list('b', 1024)})`
/** 300 concatenations of 30 KB strings. */
const concatenations = Array.from({ length: 300 }, () => 'x = h + h').join('; ')

async function rejection(promise: Promise<unknown>): Promise<HttpResponseError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(HttpResponseError)
  return error as HttpResponseError
}

describe('expression work budget over HTTP', () => {
  const fixture = useEmulator()

  it('answers a GetItems whose filter exceeds the budget with 400 naming FilterExpression', async () => {
    const { client } = fixture
    const table = uniquePath('work')
    await client.putItem({
      container: 'bigdata',
      path: `${table}/blobby`,
      attributes: { b: new Uint8Array(1_000_000), n: 1 },
    })
    await client.putItem({ container: 'bigdata', path: `${table}/small`, attributes: { n: 2 } })
    const error = await rejection(
      client.getItems({ container: 'bigdata', path: table, filterExpression: blobComparisons }),
    )
    expect([error.statusCode, error.errorCode, error.errorMessage]).toEqual([
      400,
      -201326592,
      overLimit('FilterExpression'),
    ])
    // Cheap filters over the same items are unaffected.
    const items = await client
      .newItemsCursor({
        container: 'bigdata',
        path: table,
        filterExpression: 'n >= 1',
        attributeNames: ['n'],
      })
      .all()
    expect(items.map((item) => item.n).sort()).toEqual([1, 2])
  })

  it('refuses a costly update atomically (UpdateItem, and PutItem carrying UpdateExpression)', async () => {
    const { client } = fixture
    const path = `${uniquePath('work')}/item`
    const h = 'a'.repeat(30_000)
    await client.putItem({ container: 'bigdata', path, attributes: { h, kept: 7 } })
    const update = await rejection(
      client.updateItem({ container: 'bigdata', path, expression: `kept = 8; ${concatenations}` }),
    )
    expect([update.statusCode, update.errorMessage]).toEqual([400, overLimit('UpdateExpression')])

    const put = await rawHttp(fixture.emulator.url, 'PUT', `/bigdata/${path}`, {
      headers: { 'X-v3io-function': 'PutItem' },
      body: JSON.stringify({ UpdateExpression: `kept = 9; ${concatenations}` }),
    })
    expect([put.status, put.json()]).toEqual([
      400,
      { ErrorCode: -201326592, ErrorMessage: overLimit('UpdateExpression') },
    ])
    const { output } = await client.getItem({ container: 'bigdata', path })
    expect(output.item).toEqual({ h, kept: 7 })
  })

  it('counts a condition and its update against one budget, and a filter per item', async () => {
    const limit = 170_000
    const small = await startEmulator({ port: 0, expressionWorkLimit: limit })
    try {
      const client = fixture.newClient({ endpoint: small.url })
      const table = uniquePath('work')
      const path = `${table}/item`
      await client.putItem({ container: 'bigdata', path, attributes: { s: 'a'.repeat(20_000), n: 0 } })
      // The condition alone (~20,000 units) and the update alone (~160,000: concatenation, measuring
      // and copying 40,000 code units) fit; together they do not.
      const condition = "NOT contains(s, 'b')"
      await client.updateItem({ container: 'bigdata', path, condition, expression: 'n = 1' })
      await client.updateItem({ container: 'bigdata', path, expression: 't = s + s' })
      const error = await rejection(
        client.updateItem({ container: 'bigdata', path, condition, expression: 't = s + s' }),
      )
      expect(error.errorMessage).toBe(overLimit('UpdateExpression', limit))
      // Nine searches of 20,000 code units exceed 170,000; eight do not.
      const searches = (count: number) =>
        Array.from({ length: count }, (_, k) => `contains(s, 'b${k}')`).join(' OR ')
      const fits = await client.getItems({ container: 'bigdata', path: table, filterExpression: searches(8) })
      expect(fits.output.items).toEqual([])
      const refused = await rejection(
        client.getItems({ container: 'bigdata', path: table, filterExpression: searches(9) }),
      )
      expect(refused.errorMessage).toBe(overLimit('FilterExpression', limit))
    } finally {
      await small.close()
    }
  })

  it('refuses a limit that is not a positive integer at start', async () => {
    await expect(startEmulator({ port: 0, expressionWorkLimit: 0 })).rejects.toThrow(
      'expressionWorkLimit must be an integer ≥ 1, got 0',
    )
  })
})
