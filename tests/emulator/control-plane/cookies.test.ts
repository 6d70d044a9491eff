import { describe, expect, it } from 'vitest'
import { sessionCookie, sessionIdFromCookie } from '../../../src/emulator/control-plane/cookies.js'

describe('session cookies', () => {
  it('reads the sid of the JSON cookie, among other cookies, and a bare id', () => {
    const json = `session=${encodeURIComponent('j:{"sid": "key-1"}')}`
    expect(sessionIdFromCookie(json)).toBe('key-1')
    expect(sessionIdFromCookie(`a=1; ${json}; b=2`)).toBe('key-1')
    expect(sessionIdFromCookie('session=plain-id')).toBe('plain-id')
    expect(sessionIdFromCookie(sessionCookie('s-9').split(';')[0])).toBe('s-9')
  })

  it('finds nothing in a missing, empty or malformed cookie', () => {
    for (const header of [
      undefined,
      '',
      'other=1',
      'session=',
      'session=%E0%A4%A',
      `session=${encodeURIComponent('j:{"sid": 5}')}`,
      `session=${encodeURIComponent('j:not json')}`,
      `session=${encodeURIComponent('j:null')}`,
    ])
      expect(sessionIdFromCookie(header), String(header)).toBeUndefined()
  })
})
