import { describe, expect, it } from 'vitest'
import { createContainer } from '../../../src/control-plane/operations/create-container.js'
import { DecodeError, ValidationError } from '../../../src/core/errors.js'
import { bodyOf, jsonAnswer } from '../support.js'

describe('createContainer', () => {
  it('encodes a JSON:API container, not retried', () => {
    const descriptor = createContainer.encode({ name: 'analytics', description: 'BI' })
    expect(descriptor).toMatchObject({
      operation: 'CreateContainer',
      method: 'POST',
      path: '/api/containers',
      headers: { 'Content-Type': 'application/json' },
      idempotent: false,
    })
    expect(bodyOf(descriptor.body)).toEqual({
      data: { type: 'container', attributes: { name: 'analytics', description: 'BI' } },
    })
    expect(bodyOf(createContainer.encode({ name: 'a.b_c-1' }).body)).toEqual({
      data: { type: 'container', attributes: { name: 'a.b_c-1' } },
    })
  })

  it('refuses names breaking CP-7 and a description that is not text', () => {
    for (const name of ['', 'A', '1a', 'api', 'a b', 'a/b', `a${'b'.repeat(128)}`, 7])
      expect(() => createContainer.encode({ name: name as string }), String(name)).toThrow(ValidationError)
    expect(() => createContainer.encode({ name: 'x', description: 3 as unknown as string })).toThrow(
      /Invalid description/,
    )
  })

  it('decodes a numeric or string id as a string', () => {
    const descriptor = createContainer.encode({ name: 'analytics' })
    const attributes = { name: 'analytics', description: 'BI', created_at: '2026-01-01T00:00:00.000Z' }
    for (const id of [1028, '1028'])
      expect(
        createContainer.decode(jsonAnswer(201, { data: { type: 'container', id, attributes } }), descriptor),
      ).toEqual({
        id: '1028',
        name: 'analytics',
        description: 'BI',
        createdAt: '2026-01-01T00:00:00.000Z',
      })
    expect(() => createContainer.decode(jsonAnswer(201, 'oops'), descriptor)).toThrow(DecodeError)
    expect(() => createContainer.decode(jsonAnswer(201, { data: { attributes } }), descriptor)).toThrow(
      /no id/,
    )
  })
})
