/**
 * The revisions from evidence about the real platform that concern KV items, on the wire: integral
 * doubles (ED-13R), untrimmed `AttributesToGet` names (ED-33R) and PutItem carrying an update
 * expression (ED-35R).
 */

import { describe, expect, it } from 'vitest'
import { uniquePath } from '../../support/emulator.js'
import { exchangeStart, header, useKvEmulator, verifierOf } from './kv-wire-support.js'

const conditionFalseBody =
  '{"ErrorCode":16777244,"ErrorMessage":"Condition expression evaluated to false","Inner":{"ErrorCode":16777245,"ErrorMessage":"Condition not met"}}'

describe('ED-13R: integral doubles print as the platform prints them', () => {
  const kv = useKvEmulator()

  it('prints 5.0 as "5" and 125.0 as "125", like the reference GetItems example, and -0.0 as "0"', async () => {
    const table = `/bigdata/${uniquePath('doubles')}/`
    const put = await kv.call(
      'PutItem',
      `${table}k`,
      '{"Item":{"five":{"N":"5.0"},"big":{"N":"125.0"},"neg":{"N":"-0.0"},"exp":{"N":"1.5E+00"},"half":{"N":"2.5"}}}',
    )
    expect(put.status).toBe(200)
    const get = await kv.call('GetItem', `${table}k`, { AttributesToGet: 'five,big,neg,exp,half' })
    expect(get.text).toBe(
      '{"Item":{"five":{"N":"5"},"big":{"N":"125"},"neg":{"N":"0"},"exp":{"N":"1.5"},"half":{"N":"2.5"}}}',
    )
    const scan = await kv.call('GetItems', table, { AttributesToGet: 'five,big' })
    expect(scan.text).toBe(
      '{"LastItemIncluded":"TRUE","NumItems":1,"Items":[{"five":{"N":"5"},"big":{"N":"125"}}]}',
    )
  })

  it('keeps the double type in storage: arithmetic and results of updates stay doubles', async () => {
    const path = `/bigdata/${uniquePath('doubles')}/k`
    await kv.call('PutItem', path, '{"Item":{"d":{"N":"5.0"},"i":{"N":"5"}}}')
    const update = await kv.call('UpdateItem', path, {
      UpdateExpression: 'dh = d / 2; ih = i / 2; m = max(1.0, 9); s = d + 1',
    })
    expect(update.status).toBe(200)
    const get = await kv.call('GetItem', path, { AttributesToGet: 'dh,ih,m,s' })
    expect(get.text).toBe('{"Item":{"dh":{"N":"2.5"},"ih":{"N":"2"},"m":{"N":"9"},"s":{"N":"6"}}}')
    // A condition compares the stored double with an int literal by value.
    const guarded = await kv.call('UpdateItem', path, {
      ConditionExpression: 's == 6',
      UpdateExpression: 'ok = true',
    })
    expect(guarded.status).toBe(200)
  })

  it('prints integral doubles beyond ±2^53 in exponent form, so they stay doubles when written back', async () => {
    const path = `/bigdata/${uniquePath('doubles')}/k`
    await kv.call(
      'PutItem',
      path,
      '{"Item":{"a":{"N":"1e20"},"b":{"N":"-1152921504606846976.0"},"c":{"N":"1e21"}}}',
    )
    const get = await kv.call('GetItem', path, {})
    expect(get.text).toBe('{"Item":{"a":{"N":"1e+20"},"b":{"N":"-1.152921504606847e+18"},"c":{"N":"1e+21"}}}')
    // What the emulator prints, it accepts back unchanged.
    const copy = `${path}-copy`
    expect(
      (await kv.call('PutItem', copy, `{"Item":${JSON.stringify((get.json() as { Item: unknown }).Item)}}`))
        .status,
    ).toBe(200)
    expect((await kv.call('GetItem', copy, {})).text).toBe(get.text)
  })
})

describe('ED-33R: AttributesToGet names are not trimmed', () => {
  const kv = useKvEmulator()

  it('"a, b ,c" asks for a, " b " (which cannot exist and is omitted) and c', async () => {
    const table = `/bigdata/${uniquePath('names')}/`
    await kv.call('PutItem', `${table}k`, { Item: { a: { N: '1' }, b: { N: '2' }, c: { N: '3' } } })
    const spaced = await kv.call('GetItem', `${table}k`, { AttributesToGet: 'a, b ,c' })
    expect(spaced.text).toBe('{"Item":{"a":{"N":"1"},"c":{"N":"3"}}}')
    const plain = await kv.call('GetItem', `${table}k`, { AttributesToGet: 'a,b,c' })
    expect(plain.text).toBe('{"Item":{"a":{"N":"1"},"b":{"N":"2"},"c":{"N":"3"}}}')
    // " *" is a name, not the wildcard; GetItems still adds nothing for it.
    const scan = await kv.call('GetItems', table, { AttributesToGet: 'c, *' })
    expect(scan.text).toBe('{"LastItemIncluded":"TRUE","NumItems":1,"Items":[{"c":{"N":"3"}}]}')
  })
})

describe('ED-35R: a PutItem carrying an update expression is an update', () => {
  const kv = useKvEmulator()
  const read = async (path: string) => (await kv.call('GetItem', path, { AttributesToGet: '*' })).text

  it('replays Iguazio\'s "update_item" example byte for byte', async () => {
    const path = `/bigdata/${uniquePath('mycar')}/1`
    await kv.call('PutItem', path, {
      Item: { birth_year: { N: '1981' }, kilometers: { N: '31000' }, model: { S: 'Cadillac' } },
    })
    const at = exchangeStart + 60_000_000_000n
    kv.clock.set(at)
    const answer = await kv.call(
      'PutItem',
      path,
      '{"UpdateExpression":"birth_year = 1991; delete(kilometers)"}',
    )
    expect(answer.status).toBe(200)
    expect(answer.text).toBe('')
    expect(header(answer, 'x-v3io-transaction-verifier')).toBe(verifierOf(at))
    expect(header(answer, 'last-modified')).toBe('Wed, 01 May 2024 10:01:00 GMT')
    expect(await read(path)).toBe('{"Item":{"birth_year":{"N":"1991"},"model":{"S":"Cadillac"}}}')
  })

  it('creates a missing item, like UpdateItem, including init_array assignments', async () => {
    const path = `/bigdata/${uniquePath('arrays')}/k`
    const answer = await kv.call('PutItem', path, {
      UpdateExpression: "counters = init_array(3, 'int'); counters[1] = 7",
    })
    expect(answer.status).toBe(200)
    // int array blob: header 0x41302BAB…, 3 elements of 8 bytes, type 259 → base64 as kv.md shows.
    const ints = Buffer.from(
      (JSON.parse(await read(path)) as { Item: { counters: { B: string } } }).Item.counters.B,
      'base64',
    )
    expect([...new BigInt64Array(ints.buffer.slice(ints.byteOffset + 16, ints.byteOffset + 40))]).toEqual([
      0n,
      7n,
      0n,
    ])
  })

  it('merges Item first, then runs the expression on the merged item, atomically, under the condition', async () => {
    const path = `/bigdata/${uniquePath('merge')}/k`
    await kv.call('PutItem', path, { Item: { a: { N: '1' }, keep: { S: 'x' } } })
    const both = await kv.call('PutItem', path, {
      Item: { a: { N: '10' }, b: { N: '2' } },
      UpdateExpression: 'a = a + b; c = a',
      ConditionExpression: 'a == 1',
    })
    expect(both.status).toBe(200)
    // Merged (keep survives, a and b written), then a = 10 + 2 and c = 12.
    expect(await read(path)).toBe('{"Item":{"a":{"N":"12"},"b":{"N":"2"},"c":{"N":"12"},"keep":{"S":"x"}}}')

    // A false condition changes nothing: neither Item nor the expression.
    const refused = await kv.call('PutItem', path, {
      Item: { z: { N: '1' } },
      UpdateExpression: 'a = 0',
      ConditionExpression: 'a == 1',
    })
    expect([refused.status, refused.text]).toEqual([400, conditionFalseBody])
    expect(await read(path)).toBe('{"Item":{"a":{"N":"12"},"b":{"N":"2"},"c":{"N":"12"},"keep":{"S":"x"}}}')

    // A failing expression changes nothing either, not even the Item part.
    const failing = await kv.call('PutItem', path, { Item: { z: { N: '1' } }, UpdateExpression: 'a = a / 0' })
    expect(failing.status).toBe(400)
    expect(failing.json()).toEqual({
      ErrorCode: -201326592,
      ErrorMessage: 'InvalidArgumentException: evaluation error in UpdateExpression: division by zero',
    })
    expect(await read(path)).toBe('{"Item":{"a":{"N":"12"},"b":{"N":"2"},"c":{"N":"12"},"keep":{"S":"x"}}}')
  })

  it('runs the alternate expression alone when the condition is false, answering condition-false', async () => {
    const path = `/bigdata/${uniquePath('alternate')}/k`
    const first = await kv.call('PutItem', path, {
      Item: { seen: { BOOL: true } },
      ConditionExpression: 'exists(n)',
      UpdateExpression: 'n = n + 1',
      AlternateUpdateExpression: 'n = 0',
    })
    expect([first.status, first.text]).toEqual([400, conditionFalseBody])
    expect(await read(path)).toBe('{"Item":{"n":{"N":"0"}}}')
    const second = await kv.call('PutItem', path, {
      Item: { seen: { BOOL: true } },
      ConditionExpression: 'exists(n)',
      UpdateExpression: 'n = n + 1',
      AlternateUpdateExpression: 'n = 0',
    })
    expect(second.status).toBe(200)
    expect(await read(path)).toBe('{"Item":{"n":{"N":"1"},"seen":{"BOOL":true}}}')
  })

  it("follows UpdateItem's UpdateMode table: CreateNewItemOnly refuses an existing item", async () => {
    const path = `/bigdata/${uniquePath('modes')}/k`
    const created = await kv.call('PutItem', path, {
      UpdateMode: 'CreateNewItemOnly',
      UpdateExpression: 'a = 1',
    })
    expect(created.status).toBe(200)
    const again = await kv.call('PutItem', path, {
      UpdateMode: 'CreateNewItemOnly',
      UpdateExpression: 'a = 2',
    })
    expect(again.status).toBe(400)
    expect((again.json() as { ErrorCode: number }).ErrorCode).toBe(369098809)
    // OverWriteAttributes does not replace the item in the update form: it merges.
    await kv.call('PutItem', path, {
      UpdateMode: 'OverWriteAttributes',
      Item: { b: { N: '2' } },
      UpdateExpression: 'c = 3',
    })
    expect(await read(path)).toBe('{"Item":{"a":{"N":"1"},"b":{"N":"2"},"c":{"N":"3"}}}')
  })

  it('an UpdateItem carrying Item merges it before its expression', async () => {
    const path = `/bigdata/${uniquePath('update-item')}/k`
    await kv.call('PutItem', path, { Item: { a: { N: '1' }, keep: { S: 'x' } } })
    const answer = await kv.call('UpdateItem', path, {
      Item: { a: { N: '5' } },
      UpdateExpression: 'b = a * 2',
    })
    expect(answer.status).toBe(200)
    expect(await read(path)).toBe('{"Item":{"a":{"N":"5"},"b":{"N":"10"},"keep":{"S":"x"}}}')
    // Item alone is a plain merge.
    await kv.call('UpdateItem', path, { Item: { d: { S: 'only' } } })
    expect(await read(path)).toBe('{"Item":{"a":{"N":"5"},"b":{"N":"10"},"d":{"S":"only"},"keep":{"S":"x"}}}')
  })

  it('a PutItem with only an AlternateUpdateExpression is an update with an empty main expression', async () => {
    const path = `/bigdata/${uniquePath('alternate-only')}/k`
    const answer = await kv.call('PutItem', path, { AlternateUpdateExpression: 'x = 1' })
    expect(answer.status).toBe(200)
    // The empty condition holds, so the empty main expression ran and created an empty item.
    expect(await read(path)).toBe('{"Item":{}}')
  })

  it('still refuses a PutItem with neither Item nor an update expression', async () => {
    const answer = await kv.call('PutItem', `/bigdata/${uniquePath('empty')}/k`, '{}')
    expect(answer.status).toBe(400)
    expect(answer.json()).toEqual({
      ErrorCode: -201326592,
      ErrorMessage: 'InvalidArgumentException: Item or UpdateExpression is required',
    })
  })
})

describe('ED-39R: pmin, pmax, psum over the wire', () => {
  const kv = useKvEmulator()
  const doubles = (base64: string) => {
    const bytes = Buffer.from(base64, 'base64')
    return [...new Float64Array(bytes.buffer.slice(bytes.byteOffset + 16, bytes.byteOffset + bytes.length))]
  }

  it('aggregates arrays element-wise in an update, as storey does', async () => {
    const path = `/bigdata/${uniquePath('aggregates')}/k`
    const init = await kv.call('UpdateItem', path, {
      UpdateExpression:
        "lo = init_array(3, 'double', 10); hi = init_array(3, 'double', -10); sum = init_array(3, 'double')",
    })
    expect(init.status).toBe(200)
    const step = await kv.call('UpdateItem', path, {
      UpdateExpression:
        "v = init_array(3, 'double', 2.5); v[1] = 20; lo = pmin(lo, v); hi = pmax(hi, v); sum = psum(sum, v); REMOVE v",
    })
    expect(step.status).toBe(200)
    const item = (await kv.call('GetItem', path, { AttributesToGet: 'lo,hi,sum' })).json() as {
      Item: Record<string, { B: string }>
    }
    expect(doubles(item.Item.lo?.B ?? '')).toEqual([2.5, 10, 2.5])
    expect(doubles(item.Item.hi?.B ?? '')).toEqual([2.5, 20, 2.5])
    expect(doubles(item.Item.sum?.B ?? '')).toEqual([2.5, 20, 2.5])
  })

  it('answers 400 for arrays of different lengths and changes nothing', async () => {
    const path = `/bigdata/${uniquePath('aggregates')}/k`
    await kv.call('UpdateItem', path, {
      UpdateExpression: "a = init_array(2, 'int'); b = init_array(3, 'int')",
    })
    const before = (await kv.call('GetItem', path, {})).text
    const answer = await kv.call('UpdateItem', path, { UpdateExpression: 'a = psum(a, b)' })
    expect([answer.status, answer.text]).toEqual([
      400,
      '{"ErrorCode":-201326592,"ErrorMessage":"InvalidArgumentException: evaluation error in UpdateExpression: psum() needs arrays of equal length, got 2 and 3"}',
    ])
    expect((await kv.call('GetItem', path, {})).text).toBe(before)
  })
})
