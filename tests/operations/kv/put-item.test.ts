import { describe, expect, it } from 'vitest'
import { expr, Timestamp, ValidationError } from '../../../src/index.js'
import { putItem } from '../../../src/operations/kv/put-item.js'
import { everyTypeAttributes } from '../../support/every-type-item.js'
import { rawResponse } from '../../support/raw-response.js'

const jsonHeaders = { 'X-v3io-function': 'PutItem', 'Content-Type': 'application/json' }

describe('putItem', () => {
  it('sends the "Writing every type" request of kv.md', () => {
    const descriptor = putItem.encode({
      container: 'bigdata',
      path: '/types/row1',
      attributes: everyTypeAttributes(),
    })
    expect(descriptor).toEqual({
      operation: 'PutItem',
      method: 'PUT',
      path: '/bigdata/types/row1',
      headers: jsonHeaders,
      body: '{"Item":{"i":{"N":"42"},"f":{"N":"3.14"},"f1":{"N":"1.0"},"big":{"N":"9007199254740993"},"s":{"S":"a/b \\"q\\" ü"},"b":{"B":"AAE="},"t":{"BOOL":true},"ints":{"B":"MEGrAAEAAAAYAAAAAwEAAAEAAAAAAAAAAgAAAAAAAAADAAAAAAAAAA=="},"ts":{"TS":"1577934245:678901000"}}}',
      idempotent: true,
    })
  })

  it('sends a condition after the item, and is then not retried (transport.md retries)', () => {
    const descriptor = putItem.encode({
      container: 'bigdata',
      path: 'people/louise',
      attributes: { age: 0 },
      condition: 'age > 100',
    })
    expect(descriptor.body).toBe('{"Item":{"age":{"N":"0"}},"ConditionExpression":"age > 100"}')
    expect(descriptor.idempotent).toBe(false)
    expect(
      putItem.encode({ container: 'c', path: 't/k', attributes: {}, condition: expr`x > ${0}` }).body,
    ).toBe('{"Item":{},"ConditionExpression":"x > 0"}')
  })

  it('puts UpdateMode first, and is retried only for converging modes', () => {
    const merge = putItem.encode({
      container: 'bigdata',
      path: 'people/louise',
      attributes: { height: 130 },
      updateMode: 'CreateOrReplaceAttributes',
    })
    expect(merge.body).toBe('{"UpdateMode":"CreateOrReplaceAttributes","Item":{"height":{"N":"130"}}}')
    expect(merge.idempotent).toBe(true)
    const createOnly = putItem.encode({
      container: 'bigdata',
      path: 'people/louise',
      attributes: {},
      updateMode: 'CreateNewItemOnly',
    })
    expect(createOnly.body).toBe('{"UpdateMode":"CreateNewItemOnly","Item":{}}')
    expect(createOnly.idempotent).toBe(false)
    expect(
      putItem.encode({ container: 'c', path: 't/k', attributes: {}, updateMode: 'OverWriteAttributes' })
        .idempotent,
    ).toBe(true)
  })

  it('percent-encodes the item path', () => {
    expect(putItem.encode({ container: 'bigdata', path: 'my table/ключ й', attributes: {} }).path).toBe(
      '/bigdata/my%20table/%D0%BA%D0%BB%D1%8E%D1%87%20%D0%B9',
    )
  })

  it('rejects bad options before sending', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ container: 'c', path: 't/', attributes: {} }, 'path'],
      [{ container: 'c', path: '', attributes: {} }, 'path'],
      [{ container: 'c', path: 't/../k', attributes: {} }, 'path'],
      [{ container: '', path: 't/k', attributes: {} }, 'container'],
      [{ container: 'c', path: 't/k' }, 'attributes'],
      [{ container: 'c', path: 't/k', attributes: { age: Number.NaN } }, 'attributes.age'],
      [{ container: 'c', path: 't/k', attributes: {}, updateMode: 'Merge' }, 'updateMode'],
      [{ container: 'c', path: 't/k', attributes: {}, condition: 5 }, 'condition'],
    ]
    for (const [options, parameter] of bad) {
      const attempt = () => putItem.encode(options as never)
      expect(attempt, parameter).toThrow(ValidationError)
      try {
        attempt()
      } catch (error) {
        expect((error as ValidationError).parameter).toBe(parameter)
      }
    }
  })

  it('decodes the verifier of the response', () => {
    const descriptor = putItem.encode({ container: 'bigdata', path: 'types/row1', attributes: {} })
    const output = putItem.decode(
      rawResponse(200, '', {
        'X-v3io-transaction-verifier': '__mtime_secs==1714557600 and __mtime_nsecs==123456789',
      }),
      descriptor,
    )
    expect(output.verifier?.mtime).toEqual(new Timestamp(1714557600, 123456789))
    expect(output.verifier?.condition).toBe('__mtime_secs==1714557600 and __mtime_nsecs==123456789')
    expect(putItem.decode(rawResponse(200), descriptor)).toEqual({ verifier: undefined })
  })
})
