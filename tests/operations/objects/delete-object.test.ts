import { describe, expect, it } from 'vitest'
import { deleteObject } from '../../../src/operations/objects/delete-object.js'

describe('deleteObject', () => {
  it('sends DELETE, keeping a trailing slash for directories', () => {
    expect(deleteObject.encode({ container: 'users', path: '/my-object' })).toEqual({
      operation: 'DeleteObject',
      method: 'DELETE',
      path: '/users/my-object',
      headers: {},
      idempotent: true,
    })
    expect(deleteObject.encode({ container: 'users', path: 'dir/' }).path).toBe('/users/dir/')
  })

  it('refuses to name the container root', () => {
    expect(() => deleteObject.encode({ container: 'users', path: '/' })).toThrow(/path/)
  })
})
