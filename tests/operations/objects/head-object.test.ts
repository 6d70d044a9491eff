import { describe, expect, it } from 'vitest'
import { headObject } from '../../../src/operations/objects/head-object.js'
import { rawResponse } from '../../support/raw-response.js'

describe('headObject', () => {
  const descriptor = headObject.encode({ container: 'users', path: 'dir/o' })

  it('sends HEAD', () => {
    expect(descriptor).toEqual({
      operation: 'HeadObject',
      method: 'HEAD',
      path: '/users/dir/o',
      headers: {},
      idempotent: true,
    })
  })

  it('reads size and modification time from the headers, case-insensitively', () => {
    const output = headObject.decode(
      rawResponse(200, '', { 'content-length': '12', 'last-modified': 'Wed, 24 Jul 2019 13:05:48 GMT' }),
      descriptor,
    )
    expect(output).toEqual({ size: 12, lastModified: new Date('2019-07-24T13:05:48Z') })
  })

  it('has no modification time when the header is absent', () => {
    expect(headObject.decode(rawResponse(200, '', { 'Content-Length': '0' }), descriptor)).toEqual({
      size: 0,
      lastModified: undefined,
    })
  })
})
