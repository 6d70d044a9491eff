import { ValidationError } from './errors.js'

const controlCharacter = /[\u0000-\u001f]/
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

// ES2024's native check where the runtime has it (Node 20, current browsers): a few times faster than the
// pattern, which matters when every record of a PutRecords call is checked.
const isWellFormed = (String.prototype as { isWellFormed?: () => boolean }).isWellFormed

/** Rejects strings that cannot travel as UTF-8 (lone UTF-16 surrogates). */
export function assertWellFormed(value: string, parameter: string | (() => string)): void {
  if (isWellFormed ? !isWellFormed.call(value) : loneSurrogate.test(value))
    throw new ValidationError(
      typeof parameter === 'function' ? parameter() : parameter,
      'is not well-formed Unicode (lone surrogate)',
    )
}

/** Validates a container name: what the URL's first segment can carry. The server checks the rest. */
export function validateContainer(container: unknown): string {
  if (typeof container !== 'string' || container.length === 0)
    throw new ValidationError('container', 'must be a non-empty string')
  if (container.includes('/') || controlCharacter.test(container))
    throw new ValidationError(
      'container',
      `must not contain "/" or control characters: ${JSON.stringify(container)}`,
    )
  assertWellFormed(container, 'container')
  return container
}

// Paths already normal and valid (the usual ones) but for one optional leading slash, as most callers
// write them (`/users/bob`): printable ASCII, no doubled or dot-only segments. Anything else takes the
// full checks.
const plainPath = /^\/?(?!\/|\.\.?(?:\/|$))(?:[\x20-\x2e\x30-\x7e]|\/(?![/]|\.\.?(?:\/|$)))+$/

/**
 * Normalises a container-relative path the way the contract requires: leading slashes removed, runs of
 * slashes collapsed, `.`/`..` segments and control characters rejected. A trailing `/` is kept.
 */
export function normalizePath(path: unknown, parameter = 'path'): string {
  if (typeof path !== 'string') throw new ValidationError(parameter, 'must be a string')
  if (plainPath.test(path)) return path.charCodeAt(0) === 0x2f ? path.slice(1) : path
  if (controlCharacter.test(path)) throw new ValidationError(parameter, 'must not contain control characters')
  assertWellFormed(path, parameter)
  const normalized = path.replace(/\/{2,}/g, '/').replace(/^\//, '')
  for (const segment of normalized.split('/')) {
    if (segment === '.' || segment === '..')
      throw new ValidationError(parameter, `must not contain "." or ".." segments: ${JSON.stringify(path)}`)
  }
  return normalized
}

/** Like {@link normalizePath} but for paths that must name something (not the container root). */
export function normalizeObjectPath(path: unknown, parameter = 'path'): string {
  const normalized = normalizePath(path, parameter)
  if (normalized === '' || normalized === '/') throw new ValidationError(parameter, 'must name an object')
  return normalized
}

/** A path with exactly one trailing slash (`''` stays the container root). */
export function asDirectory(path: string): string {
  return path === '' || path.endsWith('/') ? path : `${path}/`
}

/** Joins a table or stream path and a key or shard id; the key must be a single non-empty segment. */
export function joinKey(directory: string, key: unknown, parameter: string): string {
  if (typeof key !== 'string' || key.length === 0)
    throw new ValidationError(parameter, 'must be a non-empty string')
  if (key.includes('/')) throw new ValidationError(parameter, `must not contain "/": ${JSON.stringify(key)}`)
  if (key === '.' || key === '..') throw new ValidationError(parameter, `must not be "." or ".."`)
  return `${asDirectory(directory)}${key}`
}

// encodeURIComponent leaves these unescaped; the contract wants every non-unreserved byte escaped.
const extraReserved = /[!'()*]/g
const escapeExtra = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`

/** Percent-encodes a query name or value: every byte but RFC 3986 unreserved ones, `/` included. */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value).replace(extraReserved, escapeExtra)
}

// Nothing to escape: RFC 3986 unreserved characters and `/`.
const unreservedPath = /^[A-Za-z0-9\-._~/]*$/

/** Percent-encodes a path, keeping `/` separators literal. */
export function encodePathComponent(path: string): string {
  if (unreservedPath.test(path)) return path
  return encodeQueryComponent(path).replace(/%2F/g, '/')
}

/** The URL path of an object: `/<container>/<encoded path>`. */
export function objectUrlPath(container: string, path: string): string {
  return path === ''
    ? `/${encodePathComponent(container)}`
    : `/${encodePathComponent(container)}/${encodePathComponent(path)}`
}
