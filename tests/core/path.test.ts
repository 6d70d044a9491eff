import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { encodePathComponent, encodeQueryComponent, joinKey, normalizePath } from '../../src/core/path.js'
import { ValidationError } from '../../src/index.js'

describe('path encoding', () => {
  it.each([
    [' ', '%20'],
    ['#', '%23'],
    ['%', '%25'],
    ['+', '%2B'],
    ['&', '%26'],
    ['=', '%3D'],
    ['?', '%3F'],
    [':', '%3A'],
    ['@', '%40'],
    [',', '%2C'],
    ["!'()*", '%21%27%28%29%2A'],
    ['é', '%C3%A9'],
    ['ключ й', '%D0%BA%D0%BB%D1%8E%D1%87%20%D0%B9'],
    ['AZaz09-._~', 'AZaz09-._~'],
  ])('encodes %j as %s (transport.md table)', (text, encoded) => {
    expect(encodePathComponent(text)).toBe(encoded)
    expect(encodeQueryComponent(text)).toBe(encoded)
  })

  it('keeps / in paths and escapes it in query values', () => {
    expect(encodePathComponent('a b/c')).toBe('a%20b/c')
    expect(encodeQueryComponent('a b/c')).toBe('a%20b%2Fc')
  })

  it('leaves paths of unreserved characters and slashes as they are, and encodes every other one', () => {
    const characters = fc.constantFrom('a', 'Z', '0', '-', '.', '_', '~', '/', ' ', '%', '+', 'é', '!', '*')
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 12 }), (parts) => {
        const path = parts.join('')
        const general = encodeURIComponent(path)
          .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
          .replace(/%2F/g, '/')
        expect(encodePathComponent(path)).toBe(general)
      }),
    )
  })

  it('encodes astral characters as their UTF-8 bytes', () => {
    expect(encodePathComponent('😀')).toBe('%F0%9F%98%80')
  })
})

describe('normalizePath', () => {
  it('strips leading slashes and collapses runs, keeping a trailing slash', () => {
    expect(normalizePath('/dir/o')).toBe('dir/o')
    expect(normalizePath('dir/o')).toBe('dir/o')
    expect(normalizePath('///a//b///')).toBe('a/b/')
  })

  it.each(['a/./b', '../a', 'a/..', 'x\u0000', 'x\u001fy', '\udc00'])('rejects %j', (path) => {
    expect(() => normalizePath(path)).toThrow(ValidationError)
  })

  it('takes the same decisions on its fast path (already-normal paths) as the general rules', () => {
    // The general rules, as written before the fast path: collapse, strip, reject dot segments.
    const general = (path: string): string | 'invalid' => {
      if (/[\u0000-\u001f]/.test(path)) return 'invalid'
      const normalized = path.replace(/\/{2,}/g, '/').replace(/^\//, '')
      return normalized.split('/').some((segment) => segment === '.' || segment === '..')
        ? 'invalid'
        : normalized
    }
    const pieces = fc.constantFrom(
      'a',
      'b.c',
      '.',
      '..',
      '...',
      '/',
      '//',
      ' ',
      '-',
      '~',
      '\u0001',
      'é',
      '.a',
    )
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const path = parts.join('')
        let actual: string
        try {
          actual = normalizePath(path)
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError)
          actual = 'invalid'
        }
        expect(actual, JSON.stringify(path)).toBe(general(path))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('joinKey', () => {
  it('joins with exactly one slash', () => {
    expect(joinKey('table', 'k', 'key')).toBe('table/k')
    expect(joinKey('table/', 'k', 'key')).toBe('table/k')
  })

  it.each(['', '/k', 'a/b', '..'])('rejects the key %j', (key) => {
    expect(() => joinKey('table', key, 'key')).toThrow(/key/)
  })
})
