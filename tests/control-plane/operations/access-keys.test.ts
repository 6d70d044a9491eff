import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { AccessKey } from '../../../src/control-plane/access-key.js'
import { createAccessKey } from '../../../src/control-plane/operations/create-access-key.js'
import { deleteAccessKey } from '../../../src/control-plane/operations/delete-access-key.js'
import { getOrCreateAccessKey } from '../../../src/control-plane/operations/get-or-create-access-key.js'
import { listAccessKeys } from '../../../src/control-plane/operations/list-access-keys.js'
import { ValidationError } from '../../../src/core/errors.js'
import { bodyOf, jsonAnswer } from '../support.js'

const resource = {
  type: 'access_key',
  id: 'k-123',
  attributes: {
    plane: 'data',
    label: 'ingest',
    ttl: 60,
    expires_at: 1_800_000_060,
    created_at: 'c',
    updated_at: 'u',
  },
}

describe('access-key operations', () => {
  it('createAccessKey sends plane (default data), label and one lifetime; not retried', () => {
    const descriptor = createAccessKey.encode({ label: 'ingest', ttl: 60 })
    expect(descriptor).toMatchObject({ method: 'POST', path: '/api/access_keys', idempotent: false })
    expect(bodyOf(descriptor.body)).toEqual({
      data: { type: 'access_key', attributes: { plane: 'data', label: 'ingest', ttl: 60 } },
    })
    expect(bodyOf(createAccessKey.encode({ plane: 'control', expiresAt: 0 }).body)).toEqual({
      data: { type: 'access_key', attributes: { plane: 'control', expires_at: 0 } },
    })
  })

  it('refuses a bad plane, lifetime or label', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ plane: 'both' }, 'plane'],
      [{ ttl: 0 }, 'ttl'],
      [{ ttl: 1.5 }, 'ttl'],
      [{ ttl: '60' }, 'ttl'],
      [{ expiresAt: -1 }, 'expiresAt'],
      [{ ttl: 60, expiresAt: 1 }, 'ttl'],
      [{ label: 5 }, 'label'],
    ]
    for (const [options, parameter] of bad) {
      const error = (() => {
        try {
          createAccessKey.encode(options)
        } catch (caught) {
          return caught
        }
      })()
      expect(error, JSON.stringify(options)).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).parameter).toBe(parameter)
    }
  })

  it('getOrCreateAccessKey posts to self and may be retried', () => {
    expect(getOrCreateAccessKey.encode({ label: 'svc' })).toMatchObject({
      operation: 'GetOrCreateAccessKey',
      path: '/api/self/get_or_create_access_key',
      idempotent: true,
    })
  })

  it('decodes keys whose key stays out of printing', () => {
    const descriptor = listAccessKeys.encode(undefined)
    const { accessKeys } = listAccessKeys.decode(jsonAnswer(200, { data: [resource] }), descriptor)
    const [key] = accessKeys
    expect(key?.key).toBe('k-123')
    expect(key).toMatchObject({ plane: 'data', label: 'ingest', ttl: 60, expiresAt: 1_800_000_060 })
    expect(JSON.stringify(accessKeys)).not.toContain('k-123')
    expect(inspect(accessKeys, { showHidden: true, depth: 5 })).not.toContain('k-123')
    expect(() => listAccessKeys.decode(jsonAnswer(200, { data: resource }), descriptor)).toThrow(/not a list/)
  })

  it('deleteAccessKey takes the text or the AccessKey, encodes it, and never echoes a bad one', () => {
    expect(deleteAccessKey.encode({ key: 'a/b?c' }).path).toBe('/api/access_keys/a%2Fb%3Fc')
    const key = new AccessKey({ type: 'access_key', id: 'k-9', attributes: {} })
    expect(deleteAccessKey.encode({ key })).toMatchObject({
      method: 'DELETE',
      path: '/api/access_keys/k-9',
      idempotent: true,
    })
    expect(() => deleteAccessKey.encode({ key: 'secret\nkey' })).toThrow(ValidationError)
    try {
      deleteAccessKey.encode({ key: 'secret\nkey' })
    } catch (error) {
      expect(String(error)).not.toContain('secret')
    }
  })
})
