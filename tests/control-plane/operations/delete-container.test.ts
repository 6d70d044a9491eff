import { describe, expect, it } from 'vitest'
import { deleteContainer } from '../../../src/control-plane/operations/delete-container.js'
import { ValidationError } from '../../../src/core/errors.js'

describe('deleteContainer', () => {
  it('deletes by numeric id, given as a number or digits', () => {
    for (const id of [1028, '1028'])
      expect(deleteContainer.encode({ id })).toEqual({
        operation: 'DeleteContainer',
        method: 'DELETE',
        path: '/api/containers/1028',
        headers: {},
        idempotent: true,
      })
  })

  it('refuses anything but a numeric id', () => {
    for (const id of ['users', '', '-1', 1.5, '1/2', Number.NaN])
      expect(() => deleteContainer.encode({ id: id as string }), String(id)).toThrow(ValidationError)
  })
})
