import { describe, expect, it } from 'vitest'
import { formatRoute, parentPath, parseRoute, type Route } from '../../console/src/routes.js'

describe('routes', () => {
  it('round-trips every screen through the hash, with names percent-encoded', () => {
    const routes: Route[] = [
      { view: 'containers' },
      { view: 'directory', container: 'users', path: '' },
      { view: 'directory', container: 'users', path: 'a b/c#d/' },
      { view: 'object', container: 'bigdata', path: 'dir/100%.json' },
      { view: 'table', container: 'users', path: 'my table/' },
      { view: 'stream', container: 'users', path: 'streams/clicks/' },
    ]
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route)
    expect(formatRoute({ view: 'object', container: 'bigdata', path: 'dir/100%.json' })).toBe(
      '#/object/bigdata/dir/100%25.json',
    )
  })

  it('adds the trailing slash of directory-like paths and falls back to the containers on nonsense', () => {
    expect(parseRoute('#/table/users/t')).toEqual({ view: 'table', container: 'users', path: 't/' })
    for (const hash of ['', '#', '#/', '#/nothing/users/', '#/table/', '#/object/users/%E0%A4%A']) {
      expect(parseRoute(hash), hash).toEqual({ view: 'containers' })
    }
  })

  it('finds parent directories', () => {
    expect(['a/b/c', 'a/b/c/', 'a', ''].map(parentPath)).toEqual(['a/b/', 'a/b/', '', ''])
  })
})
