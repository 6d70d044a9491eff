import { ValidationError } from '../../core/errors.js'
import {
  asDirectory,
  normalizeObjectPath,
  normalizePath,
  objectUrlPath,
  validateContainer,
} from '../../core/path.js'

/**
 * The URL path of one item, `/<c>/<t>/<k>` (kv.md "Addressing an item": the full path in the URL). The path
 * must name an item, so it may not end with `/`.
 */
export function itemUrlPath(container: unknown, path: unknown): string {
  const validContainer = validateContainer(container)
  const normalized = normalizeObjectPath(path)
  if (normalized.endsWith('/'))
    throw new ValidationError(
      'path',
      `must name an item (table path and key), not a directory: ${String(path)}`,
    )
  return objectUrlPath(validContainer, normalized)
}

/** The URL path of a table (directory) to scan: `/<c>/<t>/`, always with the trailing slash; `/<c>/` for the root. */
export function tableUrlPath(container: unknown, path: unknown): string {
  const validContainer = validateContainer(container)
  const normalized = asDirectory(normalizePath(path ?? ''))
  return normalized === ''
    ? `${objectUrlPath(validContainer, '')}/`
    : objectUrlPath(validContainer, normalized)
}
