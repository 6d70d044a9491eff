import { ValidationError } from '../core/errors.js'
import { AccessKey, type AccessKeyPlane } from './access-key.js'

/** CP-7: 1–128 characters of `[a-z0-9-_.]`, starting with a letter, not `api`. */
export function validateContainerName(name: unknown): string {
  if (typeof name !== 'string' || !/^[a-z][a-z0-9._-]{0,127}$/.test(name) || name === 'api')
    throw new ValidationError(
      'name',
      `must be 1–128 characters of a-z, 0-9, "-", "_" and ".", starting with a letter, and not "api"; got ${JSON.stringify(name)}`,
    )
  return name
}

/** A numeric container id, as a number or a string of digits. */
export function validateContainerId(id: unknown): string {
  const text = typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : id
  if (typeof text !== 'string' || !/^\d{1,15}$/.test(text))
    throw new ValidationError('id', `must be a numeric container id, got ${JSON.stringify(id)}`)
  return text
}

/** An optional string option. */
export function optionalString(value: unknown, parameter: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value
  throw new ValidationError(parameter, `must be a string, got ${typeof value}`)
}

/** `control` or `data`; `data` when absent. */
export function validatePlane(plane: unknown): AccessKeyPlane {
  if (plane === undefined) return 'data'
  if (plane === 'control' || plane === 'data') return plane
  throw new ValidationError('plane', `must be "control" or "data", got ${JSON.stringify(plane)}`)
}

/** An optional whole number of seconds ≥ `minimum`. */
export function optionalSeconds(value: unknown, parameter: string, minimum: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum)
    throw new ValidationError(
      parameter,
      `must be a whole number of seconds ≥ ${minimum}, got ${String(value)}`,
    )
  return value
}

/** The key of an access key given as its text or as an {@link AccessKey}; never echoed in the error. */
export function validateKey(key: unknown): string {
  const text = key instanceof AccessKey ? key.key : key
  if (typeof text !== 'string' || !/^[\x21-\x7e]+$/.test(text))
    throw new ValidationError(
      'key',
      'must be a non-empty string of printable ASCII characters without spaces',
    )
  return text
}
