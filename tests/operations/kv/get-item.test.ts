import { describe, expect, it } from 'vitest'
import { DecodeError, Timestamp, TypedAttribute, ValidationError } from '../../../src/index.js'
import { getItem } from '../../../src/operations/kv/get-item.js'
import { rawResponse } from '../../support/raw-response.js'

describe('getItem', () => {
  it('sends the GetItem request of kv.md "Merge, increment, read"', () => {
    expect(
      getItem.encode({
        container: 'bigdata',
        path: 'people/louise',
        attributeNames: ['__size', 'age', 'height'],
      }),
    ).toEqual({
      operation: 'GetItem',
      method: 'PUT',
      path: '/bigdata/people/louise',
      headers: { 'X-v3io-function': 'GetItem', 'Content-Type': 'application/json' },
      body: '{"AttributesToGet":"__size,age,height"}',
      idempotent: true,
    })
  })

  it('asks for user attributes by default, and for all with "**"', () => {
    expect(getItem.encode({ container: 'c', path: 't/k' }).body).toBe('{"AttributesToGet":"*"}')
    expect(getItem.encode({ container: 'c', path: 't/k', attributeNames: '*' }).body).toBe(
      '{"AttributesToGet":"*"}',
    )
    expect(getItem.encode({ container: 'c', path: 't/k', attributeNames: '**' }).body).toBe(
      '{"AttributesToGet":"**"}',
    )
    // A single name stays one name (the Python SDK's "a,g,e" pitfall).
    expect(getItem.encode({ container: 'c', path: 't/k', attributeNames: ['age'] }).body).toBe(
      '{"AttributesToGet":"age"}',
    )
  })

  it('rejects attribute lists that cannot be expressed', () => {
    for (const attributeNames of [[], ['a,b'], ['a b'], [''], 'age', [1]]) {
      const attempt = () =>
        getItem.encode({ container: 'c', path: 't/k', attributeNames: attributeNames as never })
      expect(attempt, JSON.stringify(attributeNames)).toThrow(ValidationError)
    }
    expect(() =>
      getItem.encode({ container: 'c', path: 't/k', decoding: { integers: 'big' as never } }),
    ).toThrow(ValidationError)
  })

  it('decodes the recorded response of kv.md with its verifier', () => {
    const descriptor = getItem.encode({ container: 'bigdata', path: 'people/louise' })
    const output = getItem.decode(
      rawResponse(200, '{"Item":{"__size":{"N":"0"},"age":{"N":"10"},"height":{"N":"130"}}}', {
        'Content-Type': 'application/json',
        'X-v3io-transaction-verifier': '__mtime_secs==1714557601 and __mtime_nsecs==5000',
      }),
      descriptor,
    )
    expect(output.item).toEqual({ __size: 0, age: 10, height: 130 })
    expect(output.verifier?.mtime).toEqual(new Timestamp(1714557601, 5000))
  })

  it('applies the decoding options', () => {
    const body = '{"Item":{"age":{"N":"10"},"ratio":{"N":"1.0"}}}'
    const bigints = getItem.encode({ container: 'c', path: 't/k', decoding: { integers: 'bigint' } })
    expect(getItem.decode(rawResponse(200, body), bigints).item).toEqual({ age: 10n, ratio: 1 })
    const typed = getItem.encode({ container: 'c', path: 't/k', decoding: { typed: true } })
    expect(getItem.decode(rawResponse(200, body), typed).item).toEqual({
      age: new TypedAttribute('int', 10),
      ratio: new TypedAttribute('double', 1),
    })
  })

  it('decodes an empty item and raises a DecodeError on malformed bodies', () => {
    const descriptor = getItem.encode({ container: 'c', path: 't/k' })
    expect(getItem.decode(rawResponse(200, '{"Item":{}}'), descriptor).item).toEqual({})
    for (const body of ['not json', '[]', '{"Item":{"a":{"N":"x"}}}', '{"Item":5}']) {
      let error: unknown
      try {
        getItem.decode(rawResponse(200, body), descriptor)
      } catch (caught) {
        error = caught
      }
      expect(error, body).toBeInstanceOf(DecodeError)
      expect((error as DecodeError).operation).toBe('GetItem')
    }
  })
})
