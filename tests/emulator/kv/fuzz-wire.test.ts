import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RawAnswer } from '../../support/raw-http.js'
import { useKvEmulator } from './kv-wire-support.js'

const functions = ['PutItem', 'UpdateItem', 'GetItem', 'GetItems'] as const
const targets = [
  '/bigdata/fuzz/',
  '/bigdata/fuzz/k',
  '/bigdata/fuzz/k.1',
  '/bigdata/',
  '/bigdata/fuzz-stream/0',
  '/bigdata/fuzz-stream/',
]
const memberNames = [
  'Item',
  'Key',
  'TableName',
  'UpdateMode',
  'ConditionExpression',
  'UpdateExpression',
  'AlternateUpdateExpression',
  'AttributesToGet',
  'FilterExpression',
  'Marker',
  'Limit',
  'Segment',
  'TotalSegment',
  'ShardingKey',
  'SortKeyRangeStart',
  'SortKeyRangeEnd',
  'AllowObjectScatter',
]
const typeKeys = ['S', 'N', 'BOOL', 'B', 'TS', 's', 'NULL', 'L']

/** Values that look like typed attributes, some right and most subtly wrong. */
const typedValue = fc.oneof(
  fc.record({ S: fc.string() }),
  fc.record({
    N: fc.oneof(fc.string(), fc.constantFrom('1', '-0.0', '1e400', '9223372036854775808', '0x1')),
  }),
  fc.record({ BOOL: fc.oneof(fc.boolean(), fc.string()) }),
  fc.record({ B: fc.oneof(fc.base64String(), fc.string()) }),
  fc.record({ TS: fc.oneof(fc.constant('1:2'), fc.string()) }),
  fc.dictionary(fc.constantFrom(...typeKeys), fc.jsonValue(), { maxKeys: 3 }),
  fc.jsonValue(),
)
const attributeName = fc.oneof(
  fc.constantFrom('a', 'b', '__name', '__x', '__proto__', 'constructor', '1a', ''),
  fc.string(),
)
const attributes = fc.dictionary(attributeName, typedValue, { maxKeys: 4 })
const expressionText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'a = a + 1',
    'a > 1',
    "starts(__name, 'k')",
    'a[0] = 1',
    'REMOVE a',
    'exists(a) AND a / 0 == 1',
    '',
  ),
)
const memberValue = fc.oneof(
  attributes,
  expressionText,
  fc.integer({ min: -5, max: 2000 }),
  fc.double(),
  fc.constantFrom(null, true, 'CreateNewItemOnly', 'eyJ2IjoxfQ==', '**', '*,a'),
  fc.jsonValue(),
)
const structuredBody = fc
  .dictionary(fc.constantFrom(...memberNames), memberValue, { maxKeys: 6 })
  .map((value) => JSON.stringify(value))
const rawBody = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '{"Item":{"a":{"N":01}}}',
    '{"Item":{"a":{"N":1.0e5}}}',
    '{"N":1}',
    '[[[[[[]]]]]]',
    '{"Item":{"a":{"N":-}}}',
  ),
)

function expectProtocolAnswer(answer: RawAnswer): void {
  expect(answer.status).toBeLessThan(500)
  if (answer.status >= 400) {
    const error = answer.json() as { ErrorCode: unknown; ErrorMessage: unknown }
    expect(typeof error.ErrorCode).toBe('number')
    expect(typeof error.ErrorMessage).toBe('string')
  } else if (answer.body.length > 0) {
    expect(() => answer.json()).not.toThrow()
  }
}

describe('KV functions never answer 500, whatever the body', () => {
  const kv = useKvEmulator()

  it('answers protocol errors or successes for structured random bodies', async () => {
    await kv.call('CreateStream', '/bigdata/fuzz-stream/', { ShardCount: 1 })
    await kv.call('PutItem', '/bigdata/fuzz/k', {
      Item: { a: { N: '1' }, arr: { B: 'MEGrAAEAAAAIAAAAAwEAAAEAAAAAAAAA' } },
    })
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...functions),
        fc.constantFrom(...targets),
        structuredBody,
        async (name, target, body) => {
          expectProtocolAnswer(await kv.call(name, target, body, 'PUT'))
        },
      ),
      { numRuns: 600 },
    )
  })

  it('answers protocol errors or successes for arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...functions),
        fc.constantFrom(...targets),
        rawBody,
        async (name, target, body) => {
          expectProtocolAnswer(await kv.call(name, target, body, 'POST'))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('answers 400 for deeply nested JSON', async () => {
    const deep = `{"Item":{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`
    const answer = await kv.call('PutItem', '/bigdata/fuzz/deep', deep)
    expect(answer.status).toBe(400)
  })
})
