import { describe, expect, it } from 'vitest'
import { createDirectory } from '../../../src/operations/objects/create-directory.js'

describe('createDirectory', () => {
  it('sends an empty PUT on the path with a trailing slash', () => {
    expect(createDirectory.encode({ container: 'bigdata', path: 'a b/c' })).toEqual({
      operation: 'CreateDirectory',
      method: 'PUT',
      path: '/bigdata/a%20b/c/',
      headers: {},
      body: new Uint8Array(0),
      idempotent: true,
    })
    expect(createDirectory.encode({ container: 'bigdata', path: 'd/' }).path).toBe('/bigdata/d/')
  })
})
