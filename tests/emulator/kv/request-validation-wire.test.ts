import { describe, expect, it } from 'vitest'
import { uniquePath } from '../../support/emulator.js'
import { useKvEmulator } from './kv-wire-support.js'

describe('KV request validation on the wire (ED-32, ED-45)', () => {
  const kv = useKvEmulator()
  const invalid = (detail: string) => ({
    ErrorCode: -201326592,
    ErrorMessage: `InvalidArgumentException: ${detail}`,
  })

  it.each([
    ['{"Item":', 'PutItem'],
    ['{"Item":{}}}', 'PutItem'],
    ["{'Item':{}}", 'GetItem'],
    ['{"Limit":01}', 'GetItems'],
    ['{"Item":{"a":{"N":01}}}', 'PutItem'],
  ])('400 malformed JSON body for %s', async (body, name) => {
    const answer = await kv.call(name, '/bigdata/malformed/', body)
    expect(answer.status).toBe(400)
    const error = answer.json() as { ErrorCode: number; ErrorMessage: string }
    expect(error.ErrorCode).toBe(-201326592)
    expect(error.ErrorMessage.startsWith('InvalidArgumentException: malformed JSON body: ')).toBe(true)
  })

  it('keeps N values sent as JSON numbers exact, and lets the last duplicate member win', async () => {
    const path = `/bigdata/${uniquePath('numbers')}/k`
    const put = await kv.call(
      'PutItem',
      path,
      '{"Item":{"a":{"N":1}},"Item":{"big":{"N":9007199254740993},"f":{"N":1.0},"e":{"N":-2.5E-3},"i":{"N":-0}}}',
    )
    expect(put.status).toBe(200)
    const get = await kv.call('GetItem', path, {})
    expect(get.text).toBe(
      '{"Item":{"big":{"N":"9007199254740993"},"e":{"N":"-0.0025"},"f":{"N":"1"},"i":{"N":"0"}}}',
    )
    // `f` prints as "1" (ED-13R) but was stored as the double 1.0: division keeps its fraction.
    await kv.call('UpdateItem', path, { UpdateExpression: 'f = f / 4; i = (i + 1) / 4' })
    const divided = await kv.call('GetItem', path, { AttributesToGet: 'f,i' })
    expect(divided.text).toBe('{"Item":{"f":{"N":"0.25"},"i":{"N":"0"}}}')
  })

  it('400 malformed JSON body for bytes that are not UTF-8', async () => {
    const url = new URL('/bigdata/t/k', kv.emulator.url)
    const response = await fetch(url, {
      method: 'PUT',
      headers: { 'X-v3io-function': 'PutItem' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual(invalid('malformed JSON body: not valid UTF-8'))
  })

  it.each([
    ['PutItem', '[]', 'the request body must be a JSON object'],
    ['PutItem', '{}', 'Item or UpdateExpression is required'],
    ['PutItem', '{"Item":null,"UpdateExpression":null}', 'Item or UpdateExpression is required'],
    ['PutItem', '{"Item":[]}', 'Item must be a JSON object'],
    [
      'PutItem',
      '{"Item":{},"UpdateMode":"createOrReplaceAttributes"}',
      "invalid UpdateMode 'createOrReplaceAttributes'",
    ],
    ['PutItem', '{"Item":{},"UpdateMode":1}', 'UpdateMode must be a JSON string'],
    ['PutItem', '{"Item":{},"ConditionExpression":true}', 'ConditionExpression must be a JSON string'],
    // A PutItem carrying an update expression is an update (ED-35R), validated like UpdateItem.
    [
      'PutItem',
      '{"UpdateExpression":"a="}',
      'syntax error in UpdateExpression at offset 2: unexpected end of expression',
    ],
    ['PutItem', '{"UpdateExpression":7}', 'UpdateExpression must be a JSON string'],
    ['PutItem', '{"UpdateExpression":"a=1","Item":[]}', 'Item must be a JSON object'],
    ['UpdateItem', '{"Item":{"1a":{"N":"1"}}}', "invalid attribute name '1a'"],
    ['PutItem', '{"Item":{"1a":{"N":"1"}}}', "invalid attribute name '1a'"],
    [
      'PutItem',
      '{"Item":{"s":{"S":"\\ud800"}}}',
      "invalid value of attribute 's': S is not well-formed Unicode (lone surrogate)",
    ],
    [
      'PutItem',
      '{"Item":{"n":{"N":"9223372036854775808"}}}',
      "invalid value of attribute 'n': N value '9223372036854775808' is outside the int64 range",
    ],
    [
      'PutItem',
      '{"Item":{"t":{"TS":"1:1000000000"}}}',
      "invalid value of attribute 't': TS value '1:1000000000' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds",
    ],
    [
      'PutItem',
      '{"Item":{"x":{"S":"a","N":"1"}}}',
      "invalid value of attribute 'x': expected exactly one type member, got 2",
    ],
    ['GetItem', '{"AttributesToGet":"\\udc00"}', 'AttributesToGet is not well-formed Unicode'],
    [
      'PutItem',
      '{"Item":{"a":{"N":"1x"}}}',
      "invalid value of attribute 'a': N value '1x' is not a decimal number",
    ],
    [
      'PutItem',
      '{"Item":{"a":{"BOOL":"true"}}}',
      "invalid value of attribute 'a': BOOL must be a JSON boolean",
    ],
    ['UpdateItem', '{"UpdateExpression":["a=1"]}', 'UpdateExpression must be a JSON string'],
    ['GetItem', '{"AttributesToGet":["a"]}', 'AttributesToGet must be a JSON string'],
    ['GetItem', '{"TableName":"t"}', 'with Key or TableName the URL path must end with "/"'],
    ['GetItems', '{"Limit":"5"}', 'Limit must be a JSON number'],
    ['GetItems', '{"Limit":0}', 'Limit must be at least 1'],
    ['GetItems', '{"Limit":1.5}', 'Limit must be an integer'],
  ])('400 InvalidArgumentException for %s %s', async (name, body, detail) => {
    const answer = await kv.call(name, '/bigdata/people/louise', body)
    expect([answer.status, answer.json()]).toEqual([400, invalid(detail)])
  })
})
