import { ValidationError } from './errors.js'

// The numeric options of clients and calls (timeouts, retry delays, connection and attempt counts, byte
// limits), checked in one place so that their messages read alike.

/** `value` when it is a number of milliseconds ≥ 0, else a `ValidationError` naming `parameter`. */
export function milliseconds(parameter: string, value: unknown): number {
  return checked(parameter, value, typeof value === 'number' && value >= 0, 'a number of milliseconds ≥ 0')
}

/** `value` when it is an integer ≥ 1, else a `ValidationError` naming `parameter`. */
export function positiveInteger(parameter: string, value: unknown): number {
  return checked(parameter, value, Number.isInteger(value) && (value as number) >= 1, 'an integer ≥ 1')
}

/** `value` when it is a whole number of bytes ≥ 0 or `Infinity`, else a `ValidationError` naming `parameter`. */
export function byteCount(parameter: string, value: unknown): number {
  return checked(
    parameter,
    value,
    typeof value === 'number' &&
      value >= 0 &&
      (Number.isInteger(value) || value === Number.POSITIVE_INFINITY),
    'a whole number of bytes ≥ 0 or Infinity',
  )
}

function checked(parameter: string, value: unknown, valid: boolean, expected: string): number {
  if (!valid) throw new ValidationError(parameter, `must be ${expected}, got ${String(value)}`)
  return value as number
}
