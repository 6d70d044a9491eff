import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  accessKeyCookie,
  resolveControlPlaneCredentials,
  sessionCookie,
} from '../../src/control-plane/credentials.js'
import { ConfigurationError, ValidationError } from '../../src/core/errors.js'

describe('control-plane credentials', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('writes the access-key cookie exactly as the Go SDK does', () => {
    expect(accessKeyCookie('abc-123', 'accessKey')).toEqual({
      header: 'Cookie',
      value: 'session=j%3A%7B%22sid%22%3A%20%22abc-123%22%7D',
    })
    expect(() => accessKeyCookie('bad\nkey', 'accessKey')).toThrow(ValidationError)
  })

  it('finds the session pair among Set-Cookie headers, or none (a browser hides them)', () => {
    const headers = new Headers()
    headers.append('Set-Cookie', 'other=1; Path=/')
    headers.append('Set-Cookie', 'session=j%3A%7B%7D; Path=/; HttpOnly')
    expect(sessionCookie(headers)).toEqual({ header: 'Cookie', value: 'session=j%3A%7B%7D' })
    expect(sessionCookie(new Headers())).toBeUndefined()
    expect(sessionCookie(new Headers({ 'Set-Cookie': 'session=; Path=/' }))).toBeUndefined()
  })

  it('resolves options first, then V3IO_ACCESS_KEY, then V3IO_USERNAME and V3IO_PASSWORD', () => {
    vi.stubEnv('V3IO_ACCESS_KEY', 'from-env')
    vi.stubEnv('V3IO_USERNAME', 'env-user')
    vi.stubEnv('V3IO_PASSWORD', 'env-password')
    expect(resolveControlPlaneCredentials({ authenticate: false })).toEqual({
      kind: 'fixed',
      credential: undefined,
    })
    expect(resolveControlPlaneCredentials({ username: 'u', password: 'p' })).toEqual({
      kind: 'login',
      username: 'u',
      password: 'p',
    })
    expect(resolveControlPlaneCredentials({})).toEqual({
      kind: 'fixed',
      credential: accessKeyCookie('from-env', 'x'),
    })
    vi.stubEnv('V3IO_ACCESS_KEY', '')
    expect(resolveControlPlaneCredentials({})).toEqual({
      kind: 'login',
      username: 'env-user',
      password: 'env-password',
    })
    vi.stubEnv('V3IO_USERNAME', '')
    vi.stubEnv('V3IO_PASSWORD', '')
    expect(() => resolveControlPlaneCredentials({})).toThrow(ConfigurationError)
    expect(() => resolveControlPlaneCredentials({ username: 'u' })).toThrow(/Invalid password/)
    expect(() => resolveControlPlaneCredentials({ password: 'p' })).toThrow(/Invalid username/)
  })
})
