import { describe, expect, it } from 'vitest'
import { expr, ValidationError } from '../../../src/index.js'
import { updateItemRequest } from '../../../src/operations/kv/update-item.js'
import { rawResponse } from '../../support/raw-response.js'

describe('updateItemRequest', () => {
  it('sends attributes as a merging PutItem (kv.md "Merge, increment, read")', () => {
    expect(
      updateItemRequest.encode({ container: 'bigdata', path: 'people/louise', attributes: { height: 130 } }),
    ).toEqual({
      operation: 'PutItem',
      method: 'PUT',
      path: '/bigdata/people/louise',
      headers: { 'X-v3io-function': 'PutItem', 'Content-Type': 'application/json' },
      body: '{"UpdateMode":"CreateOrReplaceAttributes","Item":{"height":{"N":"130"}}}',
      idempotent: true,
    })
  })

  it('sends an expression as a POST UpdateItem, never retried', () => {
    expect(
      updateItemRequest.encode({ container: 'bigdata', path: '/people/louise', expression: 'age = age + 1' }),
    ).toEqual({
      operation: 'UpdateItem',
      method: 'POST',
      path: '/bigdata/people/louise',
      headers: { 'X-v3io-function': 'UpdateItem', 'Content-Type': 'application/json' },
      body: '{"UpdateMode":"CreateOrReplaceAttributes","UpdateExpression":"age = age + 1"}',
      idempotent: false,
    })
  })

  it('orders UpdateMode, ConditionExpression, UpdateExpression, AlternateUpdateExpression', () => {
    const descriptor = updateItemRequest.encode({
      container: 'bigdata',
      path: 'people/louise',
      condition: 'is_init==true',
      expression: expr`a=a+${1}; b=b+1;`,
      alternateExpression: 'a=0; b=10; is_init=true;',
      updateMode: 'CreateNewItemOnly',
    })
    expect(descriptor.body).toBe(
      '{"UpdateMode":"CreateNewItemOnly","ConditionExpression":"is_init==true","UpdateExpression":"a=a+1; b=b+1;","AlternateUpdateExpression":"a=0; b=10; is_init=true;"}',
    )
  })

  it('sends an alternate alone with the empty update expression', () => {
    const descriptor = updateItemRequest.encode({
      container: 'c',
      path: 't/k',
      condition: 'a > 1',
      alternateExpression: 'a = 1',
    })
    expect(descriptor.body).toBe(
      '{"UpdateMode":"CreateOrReplaceAttributes","ConditionExpression":"a > 1","UpdateExpression":"","AlternateUpdateExpression":"a = 1"}',
    )
    expect(updateItemRequest.encode({ container: 'c', path: 't/k', expression: '' }).body).toBe(
      '{"UpdateMode":"CreateOrReplaceAttributes","UpdateExpression":""}',
    )
  })

  it('sends a condition with attributes', () => {
    expect(
      updateItemRequest.encode({ container: 'c', path: 't/k', attributes: { a: 1 }, condition: 'exists(a)' })
        .body,
    ).toBe(
      '{"UpdateMode":"CreateOrReplaceAttributes","ConditionExpression":"exists(a)","Item":{"a":{"N":"1"}}}',
    )
  })

  it('refuses attributes with an expression, and an update with neither (ED-35)', () => {
    const mixed = () =>
      updateItemRequest.encode({ container: 'c', path: 't/k', attributes: { a: 1 }, expression: 'b = 2' })
    expect(mixed).toThrow(ValidationError)
    expect(mixed).toThrow(/SET statements/)
    expect(() =>
      updateItemRequest.encode({
        container: 'c',
        path: 't/k',
        attributes: { a: 1 },
        alternateExpression: 'b = 2',
      }),
    ).toThrow(ValidationError)
    expect(() => updateItemRequest.encode({ container: 'c', path: 't/k' })).toThrow(ValidationError)
    expect(() =>
      updateItemRequest.encode({
        container: 'c',
        path: 't/k',
        expression: 'a = 1',
        updateMode: 'x' as never,
      }),
    ).toThrow(ValidationError)
    expect(() => updateItemRequest.encode({ container: 'c', path: 't/k', expression: 'a = \udc00' })).toThrow(
      ValidationError,
    )
  })

  it('reports the update branch with the verifier', () => {
    const descriptor = updateItemRequest.encode({ container: 'c', path: 't/k', expression: 'a = 1' })
    const output = updateItemRequest.decode(
      rawResponse(200, '', { 'x-v3io-transaction-verifier': '__mtime_secs==1 and __mtime_nsecs==2' }),
      descriptor,
    )
    expect(output.branch).toBe('update')
    expect(output.verifier?.condition).toBe('__mtime_secs==1 and __mtime_nsecs==2')
  })
})
