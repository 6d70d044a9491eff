import { describe, expect, it } from 'vitest'
import { uniquePath } from '../support/emulator.js'
import { exchangeStart, header, markerOf, useKvEmulator, verifierOf } from './kv/kv-wire-support.js'

const conditionFalseBody =
  '{"ErrorCode":16777244,"ErrorMessage":"Condition expression evaluated to false","Inner":{"ErrorCode":16777245,"ErrorMessage":"Condition not met"}}'

describe('kv.md complete exchanges on the wire', () => {
  const kv = useKvEmulator()

  it('writes every type and reads the nine attributes back (Writing every type)', async () => {
    kv.clock.set(exchangeStart)
    const body =
      '{"Item":{"i":{"N":"42"},"f":{"N":"3.14"},"f1":{"N":"1.0"},"big":{"N":"9007199254740993"},"s":{"S":"a/b \\"q\\" ü"},"b":{"B":"AAE="},"t":{"BOOL":true},"ints":{"B":"MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA=="},"ts":{"TS":"1577934245:678901000"}}}'
    const put = await kv.call('PutItem', '/bigdata/types/row1', body)
    expect(put.status).toBe(200)
    expect(put.rawHeaders).toContainEqual([
      'X-v3io-transaction-verifier',
      '__mtime_secs==1714557600 and __mtime_nsecs==123456789',
    ])
    expect(put.rawHeaders).toContainEqual(['Last-Modified', 'Wed, 01 May 2024 10:00:00 GMT'])
    expect(put.rawHeaders).toContainEqual(['Content-Length', '0'])
    expect(header(put, 'content-type')).toBeUndefined()

    const get = await kv.call('GetItem', '/bigdata/types/row1', { AttributesToGet: '*' })
    expect(get.status).toBe(200)
    expect(header(get, 'content-type')).toBe('application/json')
    expect(get.text).toBe(
      '{"Item":{"b":{"B":"AAE="},"big":{"N":"9007199254740993"},"f":{"N":"3.14"},"f1":{"N":"1"},"i":{"N":"42"},"ints":{"B":"MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA=="},"s":{"S":"a/b \\"q\\" ü"},"t":{"BOOL":true},"ts":{"TS":"1577934245:678901000"}}}',
    )
    expect(get.rawHeaders).toContainEqual([
      'X-v3io-transaction-verifier',
      '__mtime_secs==1714557600 and __mtime_nsecs==123456789',
    ])
  })

  it('merges, increments and reads (Merge, increment, read)', async () => {
    kv.clock.set(exchangeStart)
    const put = await kv.call('PutItem', '/bigdata/people/louise', {
      Item: { age: { N: '9' }, feature: { S: 'smile' } },
    })
    expect(put.status).toBe(200)
    const merge = await kv.call('PutItem', '/bigdata/people/louise', {
      UpdateMode: 'CreateOrReplaceAttributes',
      Item: { height: { N: '130' } },
    })
    expect(merge.status).toBe(200)
    kv.clock.set(1714557601_000005000n)
    const update = await kv.call(
      'UpdateItem',
      '/bigdata/people/louise',
      { UpdateMode: 'CreateOrReplaceAttributes', UpdateExpression: 'age = age + 1' },
      'POST',
    )
    expect([update.status, update.text]).toEqual([200, ''])
    expect(header(update, 'x-v3io-transaction-verifier')).toBe(
      '__mtime_secs==1714557601 and __mtime_nsecs==5000',
    )
    const get = await kv.call('GetItem', '/bigdata/people/louise', { AttributesToGet: '__size,age,height' })
    expect(get.status).toBe(200)
    expect(get.rawHeaders).toContainEqual(['Content-Type', 'application/json'])
    expect(get.rawHeaders).toContainEqual([
      'X-v3io-transaction-verifier',
      '__mtime_secs==1714557601 and __mtime_nsecs==5000',
    ])
    expect(get.rawHeaders).toContainEqual(['Content-Length', '67'])
    expect(get.text).toBe('{"Item":{"__size":{"N":"0"},"age":{"N":"10"},"height":{"N":"130"}}}')
    const all = await kv.call('GetItem', '/bigdata/people/louise', {})
    expect(all.json()).toEqual({ Item: { age: { N: '10' }, feature: { S: 'smile' }, height: { N: '130' } } })
  })

  it('answers a failed condition with the exact body and the verifier (A failed condition)', async () => {
    const answer = await kv.call('PutItem', '/bigdata/people/louise', {
      Item: { age: { N: '0' } },
      ConditionExpression: 'age > 100',
    })
    expect(answer.status).toBe(400)
    expect(answer.text).toBe(conditionFalseBody)
    expect(answer.rawHeaders).toContainEqual(['Content-Type', 'application/json'])
    expect(answer.rawHeaders).toContainEqual(['Content-Length', '145'])
    expect(answer.rawHeaders).toContainEqual([
      'X-v3io-transaction-verifier',
      '__mtime_secs==1714557601 and __mtime_nsecs==5000',
    ])
    const after = await kv.call('GetItem', '/bigdata/people/louise', { AttributesToGet: 'age' })
    expect(after.json()).toEqual({ Item: { age: { N: '10' } } })
  })

  it('pages the people table like kv.md (GetItems response and Paging a scan)', async () => {
    await kv.call('PutItem', '/bigdata/people/bob', { Item: { age: { N: '42' } } })
    await kv.call('PutItem', '/bigdata/people/alice', { Item: { age: { N: '31' } } })
    const first = await kv.call('GetItems', '/bigdata/people/', { AttributesToGet: '__name,age', Limit: 2 })
    expect(first.status).toBe(200)
    expect(first.text).toBe(
      '{"LastItemIncluded":"FALSE","NumItems":1,"NextMarker":"eyJ2IjoxLCJmcCI6ImRlM2Q0Y2I2Iiwic2xpY2UiOjIzMSwibmFtZSI6ImJvYiJ9","Items":[{"__name":{"S":"bob"},"age":{"N":"42"}}]}',
    )
    expect(header(first, 'content-type')).toBe('application/json')

    const filtered = { AttributesToGet: 'age', FilterExpression: 'age > 15', Limit: 1 }
    const page1 = await kv.call('GetItems', '/bigdata/people/', filtered)
    const m1 = markerOf('de3d4cb6', 231, 'bob')
    expect(page1.json()).toEqual({
      LastItemIncluded: 'FALSE',
      NumItems: 1,
      NextMarker: m1,
      Items: [{ age: { N: '42' } }],
    })
    const page2 = await kv.call('GetItems', '/bigdata/people/', { ...filtered, Marker: m1 })
    expect(page2.text).toBe('{"LastItemIncluded":"TRUE","NumItems":1,"Items":[{"age":{"N":"31"}}]}')
  })

  it('reads the range-scan example of the Iguazio reference', async () => {
    const table = '/bigdata/mytaxis/rides'
    for (const name of ['24.20180601', '24.20180602', '24.20180701', '25.20180601', '24.20171231']) {
      await kv.call('PutItem', `${table}/${name}`, {
        Item: { driver_id: { N: name.split('.')[0] }, date: { S: name.split('.')[1] } },
      })
    }
    const answer = await kv.call('GetItems', `${table}/`, {
      ShardingKey: '24',
      SortKeyRangeStart: '20180101',
      SortKeyRangeEnd: '20180701',
      AttributesToGet: '__name,driver_id,date,avg_ride_km,avg_ride_passengers',
    })
    expect(answer.json()).toEqual({
      LastItemIncluded: 'TRUE',
      NumItems: 2,
      Items: [
        { __name: { S: '24.20180601' }, driver_id: { N: '24' }, date: { S: '20180601' } },
        { __name: { S: '24.20180602' }, driver_id: { N: '24' }, date: { S: '20180602' } },
      ],
    })
  })
})

describe('KV rows of the error catalogue on the wire', () => {
  const kv = useKvEmulator()
  const invalid = (detail: string) => ({
    ErrorCode: -201326592,
    ErrorMessage: `InvalidArgumentException: ${detail}`,
  })

  it('404 -2 for a missing item, a missing table, and Container not found', async () => {
    const missing = await kv.call('GetItem', `/bigdata/${uniquePath('t')}/k`, {})
    expect([missing.status, missing.json()]).toEqual([
      404,
      { ErrorCode: -2, ErrorMessage: 'No such file or directory' },
    ])
    const table = await kv.call('GetItems', `/bigdata/${uniquePath('t')}/`, {})
    expect([table.status, table.json()]).toEqual([
      404,
      { ErrorCode: -2, ErrorMessage: 'No such file or directory' },
    ])
    for (const name of ['PutItem', 'GetItem', 'UpdateItem', 'GetItems']) {
      const answer = await kv.call(name, '/not-exists/path/to/object', { Item: {} })
      expect([answer.status, answer.json()]).toEqual([
        404,
        { ErrorCode: -2, ErrorMessage: 'Container not found' },
      ])
    }
  })

  it('403 -1 for writing or removing system attributes, nothing changed', async () => {
    const path = `/bigdata/${uniquePath('sys')}/k`
    await kv.call('PutItem', path, { Item: { a: { N: '1' } } })
    const denied = { ErrorCode: -1, ErrorMessage: 'Operation not permitted' }
    const put = await kv.call('PutItem', path, { Item: { a: { N: '2' }, __name: { S: 'x' } } })
    expect([put.status, put.json()]).toEqual([403, denied])
    for (const expression of ['a = 3; __mtime_secs = 1', 'REMOVE __size', 'delete(__obj_type)']) {
      const answer = await kv.call('UpdateItem', path, { UpdateExpression: expression }, 'POST')
      expect([answer.status, answer.json()]).toEqual([403, denied])
    }
    const key = await kv.call('PutItem', '/bigdata/sys-key/', { Key: { __size: { S: 'k' } }, Item: {} })
    expect([key.status, key.json()]).toEqual([403, denied])
    const after = await kv.call('GetItem', path, {})
    expect(after.json()).toEqual({ Item: { a: { N: '1' } } })
  })

  it('409 -20 below a file, 409 -21 onto a directory, for PutItem and UpdateItem', async () => {
    const base = uniquePath('fs')
    await kv.http('PUT', `/bigdata/${base}/file`, 'x')
    await kv.http('PUT', `/bigdata/${base}/dir/`)
    for (const name of ['PutItem', 'UpdateItem']) {
      const body = name === 'PutItem' ? { Item: {} } : {}
      const below = await kv.call(name, `/bigdata/${base}/file/k`, body)
      expect([below.status, below.json()]).toEqual([409, { ErrorCode: -20, ErrorMessage: 'Not a directory' }])
      const onto = await kv.call(name, `/bigdata/${base}/dir`, body)
      expect([onto.status, onto.json()]).toEqual([409, { ErrorCode: -21, ErrorMessage: 'Is a directory' }])
    }
    const get = await kv.call('GetItem', `/bigdata/${base}/file/k`, {})
    expect([get.status, get.json()]).toEqual([404, { ErrorCode: -20, ErrorMessage: 'Not a directory' }])
  })

  it('400 -36 for an item name over 255 bytes given by Key', async () => {
    const answer = await kv.call('PutItem', '/bigdata/long/', {
      Key: { id: { S: 'é'.repeat(128) } },
      Item: {},
    })
    expect([answer.status, answer.json()]).toEqual([
      400,
      { ErrorCode: -36, ErrorMessage: 'File name too long' },
    ])
  })

  it('413 -27 for a body over 2 MiB and 400 -27 for an item over 1.5 MiB', async () => {
    const huge = JSON.stringify({ Item: { s: { S: 'x'.repeat(2 * 1024 * 1024) } } })
    const tooLarge = await kv.call('PutItem', '/bigdata/big/k', huge)
    expect([tooLarge.status, tooLarge.json()]).toEqual([
      413,
      { ErrorCode: -27, ErrorMessage: 'Request entity too large' },
    ])
    const item: Record<string, { S: string }> = {}
    for (let i = 0; i < 26; i++) item[`s${i}`] = { S: 'y'.repeat(61_200) }
    const oversized = await kv.call('PutItem', '/bigdata/big/k', { Item: item })
    expect([oversized.status, oversized.json()]).toEqual([
      400,
      { ErrorCode: -27, ErrorMessage: 'Item size limit exceeded' },
    ])
    expect((await kv.call('GetItem', '/bigdata/big/k', {})).status).toBe(404)
    // Exactly at the limit is accepted: 1 attribute name byte + 1 MiB blob + strings up to 1.5 MiB.
    const full: Record<string, unknown> = { b: { B: Buffer.alloc(1_048_576).toString('base64') } }
    let size = 1 + 1_048_576
    for (let i = 0; size < 1_572_864; i++) {
      const name = `s${String(i).padStart(2, '0')}`
      const length = Math.min(61_200, 1_572_864 - size - name.length)
      full[name] = { S: 'z'.repeat(length) }
      size += name.length + length
    }
    expect((await kv.call('PutItem', '/bigdata/big/full', { Item: full })).status).toBe(200)
    const more = await kv.call('UpdateItem', '/bigdata/big/full', { UpdateExpression: 'x = 1' })
    expect([more.status, more.json()]).toEqual([
      400,
      { ErrorCode: -27, ErrorMessage: 'Item size limit exceeded' },
    ])
  })

  it('400 for an unknown function, 405 for a function on GET', async () => {
    const unknown = await kv.call('getItem', '/bigdata/t/k', {})
    expect([unknown.status, unknown.json()]).toEqual([400, invalid("unknown function 'getItem'")])
    const get = await kv.call('GetItem', '/bigdata/t/k', undefined, 'GET')
    expect([get.status, get.json()]).toEqual([405, invalid('method not allowed')])
  })

  it('400 for malformed JSON and for a mistyped member (details: kv/request-validation-wire.test.ts)', async () => {
    const malformed = await kv.call('PutItem', '/bigdata/t/k', '{"Item":')
    expect(malformed.status).toBe(400)
    expect((malformed.json() as { ErrorMessage: string }).ErrorMessage).toMatch(
      /^InvalidArgumentException: malformed JSON body: ./,
    )
    const mistyped = await kv.call('GetItems', '/bigdata/t/', { Limit: '5' })
    expect([mistyped.status, mistyped.json()]).toEqual([400, invalid('Limit must be a JSON number')])
  })

  it('400 for expression syntax and evaluation errors, naming the member', async () => {
    await kv.call('PutItem', '/bigdata/expr/k', { Item: { a: { N: '1' } } })
    const filter = await kv.call('GetItems', '/bigdata/expr/', { FilterExpression: 'age > 15 )' })
    expect([filter.status, filter.json()]).toEqual([
      400,
      invalid("syntax error in FilterExpression at offset 9: unexpected ')'"),
    ])
    const update = await kv.call('UpdateItem', '/bigdata/expr/k', { UpdateExpression: 'SET a = 1, b = 2' })
    expect([update.status, update.json()]).toEqual([
      400,
      invalid("syntax error in UpdateExpression at offset 9: unexpected ','"),
    ])
    const division = await kv.call('UpdateItem', '/bigdata/expr/k', { UpdateExpression: 'a = a / 0' })
    expect([division.status, division.json()]).toEqual([
      400,
      invalid('evaluation error in UpdateExpression: division by zero'),
    ])
    const condition = await kv.call('PutItem', '/bigdata/expr/k', {
      Item: {},
      ConditionExpression: 'a / 0 == 1',
    })
    expect([condition.status, condition.json()]).toEqual([
      400,
      invalid('evaluation error in ConditionExpression: division by zero'),
    ])
    const after = await kv.call('GetItem', '/bigdata/expr/k', {})
    expect(after.json()).toEqual({ Item: { a: { N: '1' } } })
  })

  it('400 invalid Marker for garbage and for a marker of another scan', async () => {
    await kv.call('PutItem', '/bigdata/marker-a/k', { Item: {} })
    await kv.call('PutItem', '/bigdata/marker-b/k', { Item: {} })
    const foreign = markerOf('de3d4cb6', 231, 'bob')
    for (const marker of ['not base64!', 'e30=', foreign]) {
      const answer = await kv.call('GetItems', '/bigdata/marker-a/', { Marker: marker })
      expect([answer.status, answer.json()]).toEqual([400, invalid('invalid Marker')])
    }
  })

  it('400 condition false and 400 369098809 for CreateNewItemOnly on an existing item', async () => {
    const path = `/bigdata/${uniquePath('exists')}/k`
    expect((await kv.call('PutItem', path, { Item: { a: { N: '1' } } })).status).toBe(200)
    const exists = await kv.call('PutItem', path, {
      UpdateMode: 'CreateNewItemOnly',
      Item: { a: { N: '2' } },
    })
    expect([exists.status, exists.text]).toEqual([
      400,
      '{"ErrorCode":369098809,"ErrorMessage":"Item already exists","Inner":{"ErrorCode":-17,"ErrorMessage":"File exists"}}',
    ])
    const missing = await kv.call('PutItem', `${path}-absent`, { Item: {}, ConditionExpression: 'exists(a)' })
    expect([missing.status, missing.text]).toEqual([400, conditionFalseBody])
    expect(header(missing, 'x-v3io-transaction-verifier')).toBeUndefined()
    expect((await kv.call('GetItem', `${path}-absent`, {})).status).toBe(404)
  })

  it('keeps the verifier strictly increasing within one clock tick', async () => {
    kv.clock.set(exchangeStart + 10_000_000_000n)
    const path = `/bigdata/${uniquePath('tick')}/k`
    const first = await kv.call('PutItem', path, { Item: {} })
    const second = await kv.call('PutItem', path, { Item: {} })
    expect(header(first, 'x-v3io-transaction-verifier')).toBe(verifierOf(exchangeStart + 10_000_000_000n))
    expect(header(second, 'x-v3io-transaction-verifier')).toBe(verifierOf(exchangeStart + 10_000_000_001n))
    const stale = await kv.call('PutItem', path, {
      Item: { a: { N: '1' } },
      ConditionExpression: header(first, 'x-v3io-transaction-verifier'),
    })
    expect(stale.status).toBe(400)
    const fresh = await kv.call('PutItem', path, {
      Item: { a: { N: '1' } },
      ConditionExpression: header(second, 'x-v3io-transaction-verifier'),
    })
    expect(fresh.status).toBe(200)
  })
})
