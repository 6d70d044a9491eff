import { describe, expect, it } from 'vitest'
import { guardHooks, hideKeyInUrl } from '../../src/control-plane/secrets.js'
import type { ObservedRequest, ObservedResponse } from '../../src/transport/hooks.js'

const request = (operation: string, url: string): ObservedRequest => ({
  operation,
  method: 'GET',
  url,
  headers: { Cookie: 'SANITIZED' },
  attempt: 1,
})

describe('control-plane secrets', () => {
  it('hides the key of an access-key URL', () => {
    expect(hideKeyInUrl('http://h/p/api/access_keys/k-1')).toBe('http://h/p/api/access_keys/SANITIZED')
    expect(hideKeyInUrl('http://h/api/containers/3')).toBe('http://h/api/containers/3')
  })

  it('gives hooks no key in URLs and no body or headers of answers that carry keys', () => {
    const seen: (ObservedRequest | ObservedResponse)[] = []
    const hooks = guardHooks({ beforeRequest: (r) => seen.push(r), afterResponse: (r) => seen.push(r) })
    const outcome = (operation: string, url: string): ObservedResponse => ({
      request: request(operation, url),
      status: 201,
      headers: new Headers({ 'Set-Cookie': 'session=secret' }),
      body: new TextEncoder().encode('{"data":{"id":"secret"}}'),
      error: undefined,
      milliseconds: 1,
      willRetry: false,
    })
    hooks?.beforeRequest?.(request('DeleteAccessKey', 'http://h/api/access_keys/secret'))
    hooks?.afterResponse?.(outcome('CreateSession', 'http://h/api/sessions'))
    hooks?.afterResponse?.(outcome('CreateAccessKey', 'http://h/api/access_keys'))
    hooks?.afterResponse?.(outcome('ListContainers', 'http://h/api/containers'))
    expect((seen[0] as ObservedRequest).url).toBe('http://h/api/access_keys/SANITIZED')
    for (const index of [1, 2]) {
      const response = seen[index] as ObservedResponse
      expect([response.body?.length, [...(response.headers ?? [])]]).toEqual([0, []])
    }
    expect((seen[3] as ObservedResponse).body?.length).toBeGreaterThan(0)
    expect(guardHooks(undefined)).toBeUndefined()
    expect(guardHooks({})).toBeUndefined()
  })
})
