import { milliseconds, positiveInteger } from '../core/number-options.js'

/** A call's timeout when neither the call nor its client sets one, in milliseconds. */
export const defaultTimeout = 60_000

/** A `timeout` option (client or call), checked; `undefined` when not given. */
export function validateTimeout(timeout: unknown): number | undefined {
  return timeout === undefined ? undefined : milliseconds('timeout', timeout)
}

/** A client's `maxConnections` option, checked; 8 when not given. */
export function validateMaxConnections(maxConnections: number | undefined): number {
  return positiveInteger('maxConnections', maxConnections ?? 8)
}
