import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/index.js'
import { deleteItem } from '../../../src/operations/kv/delete-item.js'

describe('deleteItem', () => {
  it('sends a plain DELETE of the item path, without a function header', () => {
    expect(deleteItem.encode({ container: 'bigdata', path: '/people/louise' })).toEqual({
      operation: 'DeleteItem',
      method: 'DELETE',
      path: '/bigdata/people/louise',
      headers: {},
      idempotent: true,
    })
  })

  it('refuses a directory path', () => {
    expect(() => deleteItem.encode({ container: 'bigdata', path: '/people/' })).toThrow(ValidationError)
  })
})
