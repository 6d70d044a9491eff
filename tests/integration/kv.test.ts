import { describe, expect, it } from 'vitest'
import {
  expr,
  HttpResponseError,
  isConditionFailed,
  isItemExists,
  isNotFound,
  RaiseForStatus,
  Timestamp,
  UpdateMode,
  ValidationError,
} from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

describe('key-value items', () => {
  const fixture = useEmulator()

  it('runs the seed example: put three items, merge two attributes, read selected ones', async () => {
    const { client } = fixture
    const table = `/${uniquePath('bobs-burgers')}`
    const items = {
      bob: { age: 42, feature: 'mustache' },
      linda: { age: 41, feature: 'singing' },
      louise: { age: 9, feature: 'bunny ears' },
    }
    for (const [key, attributes] of Object.entries(items))
      await client.putItem({ container: 'users', path: `${table}/${key}`, attributes })
    await client.updateItem({
      container: 'users',
      path: `${table}/louise`,
      attributes: { height: 130, quip: 'i can smell fear on you' },
    })
    const response = await client.getItem({
      container: 'users',
      path: `${table}/louise`,
      attributeNames: ['__size', 'age', 'quip', 'height'],
    })
    expect(response.output.item).toEqual({ __size: 0, age: 9, quip: 'i can smell fear on you', height: 130 })
    // The emulator returns a list in the list's order.
    expect(Object.keys(response.output.item)).toEqual(['__size', 'age', 'quip', 'height'])
    const all = await client.getItem({ container: 'users', path: `${table}/louise` })
    expect(all.output.item).toEqual({
      age: 9,
      feature: 'bunny ears',
      height: 130,
      quip: 'i can smell fear on you',
    })
  })

  it('replaces an item on put and merges on update (kv.md "Merge, increment, read")', async () => {
    const { client } = fixture
    const path = `${uniquePath('people')}/louise`
    await client.putItem({ container: 'bigdata', path, attributes: { age: 9, feature: 'smile' } })
    await client.putItem({
      container: 'bigdata',
      path,
      attributes: { height: 130 },
      updateMode: 'CreateOrReplaceAttributes',
    })
    const incremented = await client.updateItem({ container: 'bigdata', path, expression: 'age = age + 1' })
    expect(incremented.output.branch).toBe('update')
    expect(incremented.output.verifier?.mtime).toBeInstanceOf(Timestamp)
    const read = await client.getItem({
      container: 'bigdata',
      path,
      attributeNames: ['__size', 'age', 'height'],
    })
    expect(read.output.item).toEqual({ __size: 0, age: 10, height: 130 })
    await client.putItem({ container: 'bigdata', path, attributes: { only: true } })
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({ only: true })
  })

  it('runs update expressions built with expr, creating the item when missing', async () => {
    const { client } = fixture
    const path = `${uniquePath('counters')}/c1`
    const step = 5
    await client.updateItem({
      container: 'bigdata',
      path,
      expression: expr`ctr = if_not_exists(ctr, 0) + ${step}; name = ${'first'}`,
    })
    await client.updateItem({
      container: 'bigdata',
      path,
      expression: expr`ctr = ctr + ${step}; REMOVE name`,
    })
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({ ctr: 10 })
    const created = `${uniquePath('counters')}/empty`
    await client.updateItem({ container: 'bigdata', path: created, expression: '' })
    expect((await client.getItem({ container: 'bigdata', path: created })).output.item).toEqual({})
  })

  it('applies conditional writes that hold and reports those that fail with typed errors', async () => {
    const { client } = fixture
    const path = `${uniquePath('people')}/louise`
    await client.putItem({ container: 'bigdata', path, attributes: { age: 9 } })
    await client.putItem({ container: 'bigdata', path, attributes: { age: 10 }, condition: 'age == 9' })
    const failed = await client
      .putItem({ container: 'bigdata', path, attributes: { age: 0 }, condition: expr`age > ${100}` })
      .catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(HttpResponseError)
    const error = failed as HttpResponseError
    expect(error.statusCode).toBe(400)
    expect(error.errorCode).toBe(16777244)
    expect(error.errorMessage).toContain('Condition expression evaluated to false')
    expect(error.inner?.errorCode).toBe(16777245)
    expect(error.operation).toBe('PutItem')
    expect(isConditionFailed(error)).toBe(true)
    expect(isNotFound(error)).toBe(false)
    expect(error.response.headers.get('x-v3io-transaction-verifier')).toMatch(
      /^__mtime_secs==\d+ and __mtime_nsecs==\d+$/,
    )
    const updateFailed = await client
      .updateItem({ container: 'bigdata', path, condition: 'age > 100', expression: 'age = 0' })
      .catch((caught: unknown) => caught)
    expect(isConditionFailed(updateFailed)).toBe(true)
    const lenient = await client.updateItem({
      container: 'bigdata',
      path,
      condition: 'age > 100',
      expression: 'age = 0',
      raiseForStatus: RaiseForStatus.never,
    })
    expect(lenient.statusCode).toBe(400)
    expect(isConditionFailed(lenient)).toBe(true)
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({ age: 10 })
    // A syntax error is not a false condition.
    const syntax = await client
      .putItem({ container: 'bigdata', path, attributes: { age: 1 }, condition: 'age > 15 )' })
      .catch((caught: unknown) => caught)
    expect(syntax).toBeInstanceOf(HttpResponseError)
    expect(isConditionFailed(syntax)).toBe(false)
    expect((syntax as HttpResponseError).errorMessage).toContain('syntax error in ConditionExpression')
  })

  it('runs the alternate expression when the condition is false (kv.md if-then-else example)', async () => {
    const { client } = fixture
    const path = `${uniquePath('init')}/k`
    const update = {
      container: 'bigdata',
      path,
      condition: 'is_init==true',
      expression: 'a=a+1; b=b+1;',
      alternateExpression: 'a=0; b=10; is_init=true;',
    }
    const first = await client.updateItem(update)
    expect(first.statusCode).toBe(200)
    expect(first.output.branch).toBe('alternate')
    expect(first.output.verifier).toBeDefined()
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({
      a: 0,
      b: 10,
      is_init: true,
    })
    const second = await client.updateItem(update)
    expect(second.output.branch).toBe('update')
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({
      a: 1,
      b: 11,
      is_init: true,
    })
    const alternateOnly = await client.updateItem({
      container: 'bigdata',
      path,
      condition: 'a > 100',
      alternateExpression: 'c = 3',
    })
    expect(alternateOnly.output.branch).toBe('alternate')
    expect((await client.getItem({ container: 'bigdata', path, attributeNames: ['c'] })).output.item).toEqual(
      { c: 3 },
    )
  })

  it('creates only new items with CreateNewItemOnly', async () => {
    const { client } = fixture
    const path = `${uniquePath('unique')}/k`
    await client.putItem({
      container: 'bigdata',
      path,
      attributes: { v: 1 },
      updateMode: UpdateMode.createNewItemOnly,
    })
    const again = await client
      .putItem({ container: 'bigdata', path, attributes: { v: 2 }, updateMode: 'CreateNewItemOnly' })
      .catch((error: unknown) => error)
    expect(isItemExists(again)).toBe(true)
    expect(isConditionFailed(again)).toBe(false)
    expect((again as HttpResponseError).errorCode).toBe(369098809)
    const viaUpdate = await client
      .updateItem({ container: 'bigdata', path, expression: 'v = 3', updateMode: 'CreateNewItemOnly' })
      .catch((error: unknown) => error)
    expect(isItemExists(viaUpdate)).toBe(true)
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({ v: 1 })
  })

  it('supports optimistic locking with the verifier', async () => {
    const { client } = fixture
    const path = `${uniquePath('locks')}/k`
    await client.putItem({ container: 'bigdata', path, attributes: { n: 1 } })
    const read = await client.getItem({ container: 'bigdata', path })
    const verifier = read.output.verifier!
    expect(verifier.condition).toMatch(/^__mtime_secs==\d+ and __mtime_nsecs==\d+$/)
    const write = await client.putItem({
      container: 'bigdata',
      path,
      attributes: { n: 2 },
      condition: verifier.condition,
    })
    expect(write.output.verifier!.mtime.epochNanoseconds).toBeGreaterThan(verifier.mtime.epochNanoseconds)
    // The stale verifier no longer holds.
    const stale = await client
      .putItem({ container: 'bigdata', path, attributes: { n: 3 }, condition: verifier.condition })
      .catch((error: unknown) => error)
    expect(isConditionFailed(stale)).toBe(true)
    expect((await client.getItem({ container: 'bigdata', path })).output.item).toEqual({ n: 2 })
  })

  it('deletes items and reports missing ones as not found', async () => {
    const { client } = fixture
    const path = `${uniquePath('gone')}/k`
    await client.putItem({ container: 'bigdata', path, attributes: { v: 1 } })
    expect((await client.deleteItem({ container: 'bigdata', path })).statusCode).toBe(204)
    const missing = await client.getItem({ container: 'bigdata', path }).catch((error: unknown) => error)
    expect(isNotFound(missing)).toBe(true)
    expect((missing as HttpResponseError).errorMessage).toContain('No such file')
    const again = await client.deleteItem({ container: 'bigdata', path, raiseForStatus: [204, 404] })
    expect(again.statusCode).toBe(404)
    expect(isNotFound(again)).toBe(true)
  })

  it('returns system attributes with "**" and hides them with "*"', async () => {
    const { client } = fixture
    const path = `${uniquePath('sys')}/k`
    await client.putItem({ container: 'bigdata', path, attributes: { v: 1, __hidden: 'h' } })
    const user = await client.getItem({ container: 'bigdata', path })
    expect(user.output.item).toEqual({ v: 1 })
    const all = await client.getItem({ container: 'bigdata', path, attributeNames: '**' })
    expect(all.output.item).toMatchObject({ v: 1, __hidden: 'h', __name: 'k', __size: 0 })
    expect(typeof all.output.item.__mtime_secs).toBe('number')
    const forbidden = await client
      .putItem({ container: 'bigdata', path, attributes: { __name: 'x' } })
      .catch((error: unknown) => error)
    expect((forbidden as HttpResponseError).statusCode).toBe(403)
  })

  it('rejects mixed attribute and expression updates before sending (ED-35)', async () => {
    const { client } = fixture
    await expect(
      client.updateItem({ container: 'bigdata', path: 't/k', attributes: { a: 1 }, expression: 'b = 2' }),
    ).rejects.toThrow(ValidationError)
  })
})
