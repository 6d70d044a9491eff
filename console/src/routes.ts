/** The console's screens; the location hash names one, so that back/forward and bookmarks work. */
export type Route =
  | { readonly view: 'containers' }
  | { readonly view: 'directory'; readonly container: string; readonly path: string }
  | { readonly view: 'object'; readonly container: string; readonly path: string }
  | { readonly view: 'table'; readonly container: string; readonly path: string }
  | { readonly view: 'stream'; readonly container: string; readonly path: string }

const views = new Set(['directory', 'object', 'table', 'stream'])

/**
 * Reads a hash such as `#/table/users/my%20table/`: the view, the container and the path, each segment
 * percent-encoded. Directory-like paths (directory, table, stream) end with `/`; an object's does not.
 */
export function parseRoute(hash: string): Route {
  const [view, container, ...segments] = hash.replace(/^#?\/?/, '').split('/')
  if (view === undefined || !views.has(view) || !container) return { view: 'containers' }
  try {
    const path = segments.map(decodeURIComponent).join('/')
    const name = decodeURIComponent(container)
    if (view === 'object') return { view, container: name, path: path.replace(/\/+$/, '') }
    return {
      view: view as 'directory',
      container: name,
      path: path === '' || path.endsWith('/') ? path : `${path}/`,
    }
  } catch {
    return { view: 'containers' }
  }
}

/** The hash of a route (the inverse of {@link parseRoute}). */
export function formatRoute(route: Route): string {
  if (route.view === 'containers') return '#/'
  const path = route.path.split('/').map(encodeURIComponent).join('/')
  return `#/${route.view}/${encodeURIComponent(route.container)}/${path}`
}

/** The parent directory of a path (`a/b/c` or `a/b/c/` → `a/b/`; top level → ``). */
export function parentPath(path: string): string {
  const trimmed = path.replace(/\/+$/, '')
  const slash = trimmed.lastIndexOf('/')
  return slash < 0 ? '' : trimmed.slice(0, slash + 1)
}
