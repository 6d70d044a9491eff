import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { getObject } from '../../../src/operations/objects/get-object.js'

describe('getObject', () => {
  it('sends GET without Range for the whole object', () => {
    expect(getObject.encode({ container: 'users', path: '/my-object' })).toEqual({
      operation: 'GetObject',
      method: 'GET',
      path: '/users/my-object',
      headers: {},
      idempotent: true,
    })
    expect(getObject.encode({ container: 'users', path: 'o', offset: 0 }).headers).toEqual({})
  })

  it.each([
    [{ offset: 4 }, 'bytes=4'],
    [{ offset: 4, numBytes: 3 }, 'bytes=4-6'],
    [{ offset: 0, numBytes: 10 }, 'bytes=0-9'],
    [{ numBytes: 1 }, 'bytes=0-0'],
  ])('sends the contract Range for %j', (range, header) => {
    expect(getObject.encode({ container: 'users', path: 'o', ...range }).headers).toEqual({ Range: header })
  })

  it.each([
    [{ offset: -1 }, 'offset'],
    [{ offset: 1.5 }, 'offset'],
    [{ numBytes: 0 }, 'numBytes'],
    [{ numBytes: -3 }, 'numBytes'],
  ])('rejects %j', (range, parameter) => {
    expect(() => getObject.encode({ container: 'users', path: 'o', ...range })).toThrow(ValidationError)
    expect(() => getObject.encode({ container: 'users', path: 'o', ...range })).toThrow(parameter)
  })
})
