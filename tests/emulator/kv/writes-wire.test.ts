import { describe, expect, it } from 'vitest'
import { uniquePath } from '../../support/emulator.js'
import { header, useKvEmulator } from './kv-wire-support.js'

const conditionFalse = {
  ErrorCode: 16777244,
  ErrorMessage: 'Condition expression evaluated to false',
  Inner: { ErrorCode: 16777245, ErrorMessage: 'Condition not met' },
}
const itemExists = {
  ErrorCode: 369098809,
  ErrorMessage: 'Item already exists',
  Inner: { ErrorCode: -17, ErrorMessage: 'File exists' },
}

describe('PutItem and UpdateItem semantics on the wire', () => {
  const kv = useKvEmulator()
  const read = async (path: string, attributes = '*') =>
    (await kv.call('GetItem', path, { AttributesToGet: attributes })).json()

  it('replaces without UpdateMode and with OverWriteAttributes, merges with CreateOrReplaceAttributes', async () => {
    const path = `/bigdata/${uniquePath('modes')}/k`
    await kv.call('PutItem', path, { Item: { a: { N: '1' }, b: { S: 'x' }, __hidden: { BOOL: true } } })
    await kv.call('PutItem', path, { Item: { c: { N: '3' } } })
    expect(await read(path, '**,__size')).toMatchObject({ Item: { c: { N: '3' } } })
    expect(Object.keys(((await read(path, '**')) as { Item: object }).Item)).not.toContain('a')
    await kv.call('PutItem', path, {
      UpdateMode: 'CreateOrReplaceAttributes',
      Item: { a: { S: 'now a string' } },
    })
    expect(await read(path)).toEqual({ Item: { a: { S: 'now a string' }, c: { N: '3' } } })
    await kv.call('PutItem', path, { UpdateMode: 'OverWriteAttributes', Item: { d: { N: '4' } } })
    expect(await read(path)).toEqual({ Item: { d: { N: '4' } } })
  })

  it('CreateNewItemOnly creates a missing item and refuses an existing one, for both functions', async () => {
    const path = `/bigdata/${uniquePath('new-only')}/k`
    const created = await kv.call('PutItem', path, {
      UpdateMode: 'CreateNewItemOnly',
      Item: { a: { N: '1' } },
    })
    expect(created.status).toBe(200)
    const again = await kv.call('PutItem', path, { UpdateMode: 'CreateNewItemOnly', Item: { a: { N: '2' } } })
    expect([again.status, again.json()]).toEqual([400, itemExists])
    const update = await kv.call('UpdateItem', path, {
      UpdateMode: 'CreateNewItemOnly',
      UpdateExpression: 'a = 3',
    })
    expect([update.status, update.json()]).toEqual([400, itemExists])
    expect(await read(path)).toEqual({ Item: { a: { N: '1' } } })
    const other = `${path}2`
    const fresh = await kv.call('UpdateItem', other, {
      UpdateMode: 'CreateNewItemOnly',
      UpdateExpression: 'a = 5',
    })
    expect(fresh.status).toBe(200)
    expect(await read(other)).toEqual({ Item: { a: { N: '5' } } })
    // The condition comes first: a false condition answers condition-false even for CreateNewItemOnly.
    const guarded = await kv.call('PutItem', path, {
      UpdateMode: 'CreateNewItemOnly',
      ConditionExpression: 'a == 2',
      Item: {},
    })
    expect([guarded.status, guarded.json()]).toEqual([400, conditionFalse])
  })

  it('evaluates conditions against the stored item, system attributes included', async () => {
    const path = `/bigdata/${uniquePath('cond')}/k`
    const absent = await kv.call('PutItem', path, {
      Item: { a: { N: '1' } },
      ConditionExpression: 'not(exists(a))',
    })
    expect(absent.status).toBe(200)
    const sameName = await kv.call('PutItem', path, {
      Item: { a: { N: '2' } },
      ConditionExpression: "__name == 'k'",
    })
    expect(sameName.status).toBe(200)
    const typed = await kv.call('PutItem', path, {
      Item: { a: { N: '3' } },
      ConditionExpression: '__obj_type == 1 AND a == 2',
    })
    expect(typed.status).toBe(200)
    const empty = await kv.call('PutItem', path, { Item: { a: { N: '4' } }, ConditionExpression: '' })
    expect(empty.status).toBe(200)
    const failed = await kv.call('PutItem', path, { Item: { a: { N: '5' } }, ConditionExpression: 'a == 3' })
    expect([failed.status, failed.json()]).toEqual([400, conditionFalse])
    expect(await read(path)).toEqual({ Item: { a: { N: '4' } } })
  })

  it('runs the if-then-else example of the Iguazio reference (alternate expression, ED-36)', async () => {
    const path = `/bigdata/${uniquePath('if-else')}/k`
    const body = {
      ConditionExpression: 'is_init==true',
      UpdateExpression: 'a=a+1; b=b+1;',
      AlternateUpdateExpression: 'a=0; b=10; is_init=true;',
    }
    kv.clock.advance(1)
    const first = await kv.call('UpdateItem', path, body, 'POST')
    expect([first.status, first.json()]).toEqual([400, conditionFalse])
    const afterFirst = await kv.call('GetItem', path, {})
    expect(afterFirst.json()).toEqual({ Item: { a: { N: '0' }, b: { N: '10' }, is_init: { BOOL: true } } })
    expect(header(first, 'x-v3io-transaction-verifier')).toBe(
      header(afterFirst, 'x-v3io-transaction-verifier'),
    )
    expect(header(first, 'last-modified')).toBeDefined()
    const second = await kv.call('UpdateItem', path, body, 'POST')
    expect([second.status, second.text]).toEqual([200, ''])
    expect(await read(path)).toEqual({ Item: { a: { N: '1' }, b: { N: '11' }, is_init: { BOOL: true } } })
  })

  it('changes nothing for a false condition without alternate, and creates on an empty expression', async () => {
    const path = `/bigdata/${uniquePath('no-alt')}/k`
    const refused = await kv.call('UpdateItem', path, {
      ConditionExpression: 'x == 1',
      UpdateExpression: 'x = 2',
    })
    expect([refused.status, refused.json()]).toEqual([400, conditionFalse])
    expect((await kv.call('GetItem', path, {})).status).toBe(404)
    const created = await kv.call('UpdateItem', path, { UpdateExpression: '' })
    expect(created.status).toBe(200)
    expect(await read(path)).toEqual({ Item: {} })
    const noExpression = await kv.call('UpdateItem', `${path}b`, {})
    expect(noExpression.status).toBe(200)
    expect(await read(`${path}b`)).toEqual({ Item: {} })
  })

  it('applies updates atomically: a failing statement changes nothing', async () => {
    const path = `/bigdata/${uniquePath('atomic')}/k`
    await kv.call('PutItem', path, { Item: { a: { N: '1' } } })
    const failing = await kv.call('UpdateItem', path, { UpdateExpression: 'a = 2; b = missing + 1' })
    expect(failing.status).toBe(400)
    expect(await read(path)).toEqual({ Item: { a: { N: '1' } } })
    const swap = await kv.call('UpdateItem', path, {
      UpdateExpression: "b = 'x'; temp = b; b = a; a = temp; REMOVE temp",
    })
    expect(swap.status).toBe(200)
    expect(await read(path)).toEqual({ Item: { a: { S: 'x' }, b: { N: '1' } } })
  })

  it('keeps the body on PutItem and UpdateItem, and the attributes on PutObject (ED-27)', async () => {
    const path = `/bigdata/${uniquePath('body')}/k`
    await kv.http('PUT', path, 'hello')
    await kv.call('PutItem', path, { Item: { a: { N: '1' } } })
    await kv.call('UpdateItem', path, { UpdateExpression: 'a = a + 1' })
    expect((await kv.http('GET', path)).text).toBe('hello')
    expect(await read(path, '__size,a')).toEqual({ Item: { __size: { N: '5' }, a: { N: '2' } } })
    await kv.http('PUT', path, 'bye')
    expect(await read(path, 'a')).toEqual({ Item: { a: { N: '2' } } })
    const item = `/bigdata/${uniquePath('body')}/only-attributes`
    await kv.call('PutItem', item, { Item: { a: { N: '1' } } })
    const get = await kv.http('GET', item)
    expect([get.status, get.body.length]).toEqual([200, 0])
    expect((await kv.http('DELETE', item)).status).toBe(204)
    expect((await kv.call('GetItem', item, {})).status).toBe(404)
  })

  it('hides __ attributes from "*" and returns them for "**" or by name', async () => {
    const path = `/bigdata/${uniquePath('hidden')}/k`
    await kv.call('PutItem', path, { Item: { __group_committed: { N: '7' }, z: { N: '1' }, A: { N: '2' } } })
    expect(await read(path)).toEqual({ Item: { A: { N: '2' }, z: { N: '1' } } })
    const all = (await read(path, '**')) as { Item: Record<string, unknown> }
    expect(Object.keys(all.Item).slice(0, 4)).toEqual(['A', '__group_committed', 'z', '__name'])
    expect(await read(path, 'z,__group_committed,,missing')).toEqual({
      Item: { z: { N: '1' }, __group_committed: { N: '7' } },
    })
    expect(await read(path, '*,__name')).toEqual({
      Item: { A: { N: '2' }, z: { N: '1' }, __name: { S: 'k' } },
    })
    expect(await read(path, 'missing')).toEqual({ Item: {} })
    const scan = await kv.call('GetItems', path.slice(0, path.lastIndexOf('/') + 1), {})
    expect(scan.json()).toMatchObject({ Items: [{ A: { N: '2' }, z: { N: '1' }, __name: { S: 'k' } }] })
  })
})

describe('Key and TableName addressing on the wire (ED-7, ED-37)', () => {
  const kv = useKvEmulator()

  it('addresses by Key (S and N text as sent) and TableName, writing the key attribute', async () => {
    const base = uniquePath('addr')
    const byKey = await kv.call('PutItem', `/bigdata/${base}/tbl/`, {
      Key: { id: { N: '0358123' } },
      Item: { a: { N: '1' } },
    })
    expect(byKey.status).toBe(200)
    const get = await kv.call('GetItem', `/bigdata/${base}/tbl/0358123`, {})
    expect(get.json()).toEqual({ Item: { a: { N: '1' }, id: { N: '358123' } } })
    const numberKey = await kv.call('PutItem', `/bigdata/${base}/tbl/`, '{"Key":{"id":{"N":1.50}},"Item":{}}')
    expect(numberKey.status).toBe(200)
    expect((await kv.call('GetItem', `/bigdata/${base}/tbl/1.50`, {})).json()).toEqual({
      Item: { id: { N: '1.5' } },
    })
    const byTable = await kv.call('UpdateItem', `/bigdata/${base}/`, {
      TableName: '/deep/tbl',
      Key: { name: { S: 'louise' } },
      UpdateExpression: "age = 9; name = name + '!'",
    })
    expect(byTable.status).toBe(200)
    const read = await kv.call('GetItem', `/bigdata/${base}/deep/`, {
      TableName: 'tbl',
      Key: { name: { S: 'louise' } },
    })
    expect(read.json()).toEqual({ Item: { age: { N: '9' }, name: { S: 'louise!' } } })
    const existing = await kv.call('UpdateItem', `/bigdata/${base}/deep/tbl/`, {
      Key: { name: { S: 'louise' } },
      UpdateExpression: 'age = age + 1',
    })
    expect(existing.status).toBe(200)
    expect(
      (await kv.call('GetItem', `/bigdata/${base}/deep/tbl/louise`, { AttributesToGet: 'name,age' })).json(),
    ).toEqual({ Item: { name: { S: 'louise!' }, age: { N: '10' } } })
    const keyName = await kv.call('PutItem', `/bigdata/${base}/tbl/`, {
      Key: { __name: { S: 'n' } },
      Item: {},
    })
    expect(keyName.status).toBe(200)
    expect(
      (await kv.call('GetItem', `/bigdata/${base}/tbl/n`, { AttributesToGet: '**' })).json(),
    ).toMatchObject({
      Item: { __name: { S: 'n' } },
    })
  })

  it.each([
    [{ Key: { id: { S: 'k' } }, Item: { id: { S: 'other' } } }, "Item attribute 'id' contradicts Key"],
    [{ Key: { id: { S: 'k' }, id2: { S: 'k' } }, Item: {} }, 'Key must hold exactly one attribute, got 2'],
    [{ Key: { id: { BOOL: true } }, Item: {} }, 'the Key attribute must be of type S or N'],
    [{ Key: { id: { S: 'a/b' } }, Item: {} }, 'the item name given by Key must not contain "/"'],
    [{ Key: { id: { S: '..' } }, Item: {} }, 'the item name given by Key must not be "." or ".."'],
    [{ Key: { id: { S: '' } }, Item: {} }, 'the item name given by Key must not be empty'],
    [
      { Key: { id: { S: 'a\u0001' } }, Item: {} },
      'the item name given by Key must not contain control characters',
    ],
    [{ Key: 'k', Item: {} }, 'Key must be a JSON object'],
    [
      { TableName: 'a/../b', Key: { id: { S: 'k' } }, Item: {} },
      'a segment of TableName must not be "." or ".."',
    ],
    [{ TableName: 5, Item: {} }, 'TableName must be a JSON string'],
  ])('refuses %j', async (body, detail) => {
    const answer = await kv.call('PutItem', '/bigdata/addr-errors/', body)
    expect([answer.status, answer.json()]).toEqual([
      400,
      { ErrorCode: -201326592, ErrorMessage: `InvalidArgumentException: ${detail}` },
    ])
  })

  it('addresses by TableName alone, its last segment naming the item', async () => {
    const base = `/bigdata/${uniquePath('table-only')}/`
    expect((await kv.call('PutItem', base, { TableName: 't/k', Item: { a: { N: '1' } } })).status).toBe(200)
    expect((await kv.call('GetItem', `${base}t/k`, {})).json()).toEqual({ Item: { a: { N: '1' } } })
    expect((await kv.call('GetItem', base, { TableName: 't/k' })).json()).toEqual({ Item: { a: { N: '1' } } })
    const directory = await kv.call('PutItem', base, { TableName: 't/', Item: {} })
    expect([directory.status, directory.json()]).toEqual([
      409,
      { ErrorCode: -21, ErrorMessage: 'Is a directory' },
    ])
  })

  it('accepts the same value for the key attribute in Item, and refuses Key without a trailing slash', async () => {
    const same = await kv.call('PutItem', '/bigdata/addr-same/', {
      Key: { id: { N: '7' } },
      Item: { id: { N: '07' } },
    })
    expect(same.status).toBe(200)
    const noSlash = await kv.call('PutItem', '/bigdata/addr-same', { Key: { id: { N: '7' } }, Item: {} })
    expect(noSlash.status).toBe(400)
  })

  it('answers 409 -21 for a write addressed to a directory path, and GetItem gives directory system attributes', async () => {
    const dir = `/bigdata/${uniquePath('dirpath')}`
    await kv.call('PutItem', `${dir}/k`, { Item: {} })
    for (const target of [`${dir}/`, '/bigdata/']) {
      const answer = await kv.call('PutItem', target, { Item: {} })
      expect([answer.status, answer.json()]).toEqual([
        409,
        { ErrorCode: -21, ErrorMessage: 'Is a directory' },
      ])
    }
    const get = await kv.call('GetItem', `${dir}/`, { AttributesToGet: '**' })
    expect(get.status).toBe(200)
    expect(get.json()).toMatchObject({ Item: { __obj_type: { N: '2' }, __mode: { N: '16893' } } })
    expect(header(get, 'x-v3io-transaction-verifier')).toMatch(/^__mtime_secs==\d+ and __mtime_nsecs==\d+$/)
  })
})
