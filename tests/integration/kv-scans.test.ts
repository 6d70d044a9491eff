import { describe, expect, it } from 'vitest'
import { type Attributes, expr, HttpResponseError, isNotFound, type PutItemsOutput } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

describe('key-value scans', () => {
  const fixture = useEmulator()

  /** A table of `count` items named `item-000` … with `n` = index. */
  async function numberedTable(count: number): Promise<string> {
    const table = uniquePath('scan')
    const items: Record<string, Attributes> = {}
    for (let index = 0; index < count; index++) items[`item-${String(index).padStart(3, '0')}`] = { n: index }
    const response = await fixture.client.putItems({ container: 'bigdata', path: table, items })
    expect(response.output.success).toBe(true)
    return table
  }

  const names = (items: Array<Record<string, unknown>>) => items.map((item) => item.__name as string).sort()

  it('runs the seed query: the cursor with filter "age > 15" yields bob and linda', async () => {
    const { client } = fixture
    const table = `/${uniquePath('bobs-burgers')}/`
    await client.putItems({
      container: 'users',
      path: table,
      items: {
        bob: { age: 42, feature: 'mustache' },
        linda: { age: 41, feature: 'singing' },
        louise: { age: 9, feature: 'bunny ears' },
      },
    })
    const cursor = client.newItemsCursor({
      container: 'users',
      path: table,
      attributeNames: ['age', 'feature'],
      filterExpression: 'age > 15',
    })
    const items = await cursor.all()
    expect(items).toHaveLength(2)
    expect(items).toEqual(
      expect.arrayContaining([
        { age: 42, feature: 'mustache' },
        { age: 41, feature: 'singing' },
      ]),
    )
    // Page by page: a page may end early at an internal partition boundary (ED-38).
    const found: Array<Record<string, unknown>> = []
    let marker: string | undefined
    do {
      const page = await client.getItems({
        container: 'users',
        path: table,
        filterExpression: expr`age > ${15}`,
        marker,
      })
      found.push(...page.output.items)
      marker = page.output.lastItemIncluded ? undefined : page.output.nextMarker
    } while (marker)
    expect(names(found)).toEqual(['bob', 'linda'])
  })

  it('pages across many pages with small limits, every item exactly once', async () => {
    const { client } = fixture
    const table = await numberedTable(57)
    const seen: string[] = []
    let marker: string | undefined
    let pages = 0
    for (;;) {
      const { output } = await client.getItems({ container: 'bigdata', path: table, limit: 4, marker })
      pages += 1
      expect(output.items.length).toBeLessThanOrEqual(4)
      expect(output.numItems).toBe(output.items.length)
      seen.push(...output.items.map((item) => item.__name as string))
      if (output.lastItemIncluded) break
      expect(output.items.length).toBeGreaterThan(0) // never an empty non-final page
      expect(output.nextMarker).toBeDefined()
      marker = output.nextMarker
    }
    expect(pages).toBeGreaterThanOrEqual(15)
    expect(seen).toHaveLength(57)
    expect(new Set(seen).size).toBe(57)
    const viaCursor = await client.newItemsCursor({ container: 'bigdata', path: table, pageSize: 3 }).all()
    expect(names(viaCursor)).toEqual([...seen].sort())
  })

  it('bounds a cursor overall with limit and resumes from a marker', async () => {
    const { client } = fixture
    const table = await numberedTable(20)
    expect(
      await client.newItemsCursor({ container: 'bigdata', path: table, limit: 7, pageSize: 3 }).all(),
    ).toHaveLength(7)
    expect(await client.newItemsCursor({ container: 'bigdata', path: table, limit: 0 }).all()).toEqual([])
    const first = await client.getItems({ container: 'bigdata', path: table, limit: 5 })
    const rest = await client
      .newItemsCursor({ container: 'bigdata', path: table, marker: first.output.nextMarker })
      .all()
    expect(names([...first.output.items, ...rest])).toEqual(
      names(await client.newItemsCursor({ container: 'bigdata', path: table }).all()),
    )
    expect(first.output.items.length + rest.length).toBe(20)
  })

  it('splits a table into segments that together return every item exactly once', async () => {
    const { client } = fixture
    const table = await numberedTable(60)
    for (const totalSegments of [1, 3, 16]) {
      const all: string[] = []
      for (let segment = 0; segment < totalSegments; segment++) {
        const items = await client
          .newItemsCursor({ container: 'bigdata', path: table, segment, totalSegments, pageSize: 5 })
          .all()
        all.push(...items.map((item) => item.__name as string))
      }
      expect(all, `${totalSegments} segments`).toHaveLength(60)
      expect(new Set(all).size).toBe(60)
    }
    const parallel = await client
      .newParallelItemsCursor({
        container: 'bigdata',
        path: table,
        totalSegments: 8,
        pageSize: 4,
        attributeNames: ['n'],
      })
      .all()
    expect(parallel.map((item) => item.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 60 }, (_, n) => n),
    )
    const limited = await client
      .newParallelItemsCursor({ container: 'bigdata', path: table, totalSegments: 4, limit: 9 })
      .all()
    expect(limited).toHaveLength(9)
  })

  it('runs range scans over sorting keys (end exclusive), in sorting-key order', async () => {
    const { client } = fixture
    const table = uniquePath('mytaxis/rides')
    await client.putItems({
      container: 'bigdata',
      path: table,
      items: {
        '24.20180601': { km: 1 },
        '24.20180602': { km: 2 },
        '24.20180701': { km: 3 },
        '24.20171231': { km: 4 },
        '7.20180601': { km: 5 },
        '24': { km: 6 },
      },
    })
    const range = await client
      .newItemsCursor({
        container: 'bigdata',
        path: table,
        shardingKey: '24',
        sortKeyRangeStart: '20180101',
        sortKeyRangeEnd: '20180701',
        attributeNames: ['__name', 'km'],
      })
      .all()
    expect(range).toEqual([
      { __name: '24.20180601', km: 1 },
      { __name: '24.20180602', km: 2 },
    ])
    const wholeKey = await client
      .newItemsCursor({ container: 'bigdata', path: table, shardingKey: '24', pageSize: 2 })
      .all()
    expect(wholeKey.map((item) => item.__name)).toEqual([
      '24',
      '24.20171231',
      '24.20180601',
      '24.20180602',
      '24.20180701',
    ])
  })

  it('scans a table given by TableName relative to the URL directory', async () => {
    const { client } = fixture
    const parent = uniquePath('parent')
    await client.putItem({ container: 'bigdata', path: `${parent}/some_dir/tbl/k1`, attributes: { v: 1 } })
    const items = await client
      .newItemsCursor({ container: 'bigdata', path: parent, tableName: 'some_dir/tbl' })
      .all()
    expect(items).toEqual([{ __name: 'k1', v: 1 }])
  })

  it('writes a schema file that scans skip unless asked, and deletes a whole table', async () => {
    const { client } = fixture
    const table = await numberedTable(5)
    await client.createSchema({
      container: 'bigdata',
      path: table,
      key: 'id',
      fields: [{ name: 'n', type: 'long', nullable: true }],
    })
    const schema = await client.getObject({ container: 'bigdata', path: `${table}/.#schema` })
    expect(new TextDecoder().decode(schema.body)).toBe(
      '{"hashingBucketNum":0,"key":"id","fields":[{"name":"n","type":"long","nullable":true}]}',
    )
    expect(
      await client.newItemsCursor({ container: 'bigdata', path: table, attributeNames: ['n'] }).all(),
    ).toHaveLength(5)
    const withSchema = await client
      .newItemsCursor({ container: 'bigdata', path: table, includeSchemaFile: true })
      .all()
    expect(withSchema.map((item) => item.__name)).toContain('.#schema')
    await client.putItem({ container: 'bigdata', path: `${table}/sub/nested`, attributes: { x: 1 } })
    const deleted = await client.deleteTable({ container: 'bigdata', path: table })
    expect(deleted.statusCode).toBe(204)
    const gone = await client.getItems({ container: 'bigdata', path: table }).catch((error: unknown) => error)
    expect(isNotFound(gone)).toBe(true)
    const missing = await client
      .deleteTable({ container: 'bigdata', path: table })
      .catch((error: unknown) => error)
    expect(isNotFound(missing)).toBe(true)
    const allowed = await client.deleteTable({
      container: 'bigdata',
      path: table,
      raiseForStatus: [204, 404],
    })
    expect(allowed.statusCode).toBe(404)
  })

  it('reports every failed item of putItems', async () => {
    const { client } = fixture
    const table = uniquePath('conditional')
    await client.putItem({ container: 'bigdata', path: `${table}/taken`, attributes: { v: 1 } })
    const error = await client
      .putItems({
        container: 'bigdata',
        path: table,
        items: { taken: { v: 2 }, fresh: { v: 3 } },
        updateMode: 'CreateNewItemOnly',
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    const output = (error as HttpResponseError).response.output as PutItemsOutput
    expect(output.success).toBe(false)
    expect(output.responses.taken!.statusCode).toBe(400)
    expect(output.responses.fresh!.statusCode).toBe(200)
    expect((await client.getItem({ container: 'bigdata', path: `${table}/fresh` })).output.item).toEqual({
      v: 3,
    })
  })
})
