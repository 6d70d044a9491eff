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
