import { ValidationError } from '../core/errors.js'

/** A call's timeout when neither the call nor its client sets one, in milliseconds. */
export const defaultTimeout = 60_000

/** A `timeout` option (client or call), checked; `undefined` when not given. */
export function validateTimeout(timeout: unknown): number | undefined {
  if (timeout === undefined) return undefined
  if (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout < 0)
    throw new ValidationError('timeout', `must be a number of milliseconds ≥ 0, got ${String(timeout)}`)
  return timeout
}

/** A client's `maxConnections` option, checked; 8 when not given. */
export function validateMaxConnections(maxConnections: number | undefined): number {
  const value = maxConnections ?? 8
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError('maxConnections', `must be an integer ≥ 1, got ${String(value)}`)
  return value
}
