import { HttpResponseError, ValidationError } from './errors.js'
import type { Response } from './response.js'

/** Named raise-for-status policies, as in the official Python SDK. */
export const RaiseForStatus = {
  /** Raise when the status is ≥ 300 (the default). */
  always: 'always',
  /** Never raise on a status; inspect `statusCode` yourself. */
  never: 'never',
} as const

/**
 * When a call raises on its HTTP status: `'always'` (the default: any status ≥ 300), `'never'`, or the
 * list of acceptable status codes (anything else raises).
 */
export type RaiseForStatusOption = (typeof RaiseForStatus)[keyof typeof RaiseForStatus] | readonly number[]

/** Checks a raise-for-status option, so that a typo fails before the request rather than after. */
export function validateRaiseForStatus(
  option: unknown,
  parameter = 'raiseForStatus',
): RaiseForStatusOption | undefined {
  if (option === undefined || option === 'always' || option === 'never') return option
  if (Array.isArray(option)) {
    if (option.length === 0)
      throw new ValidationError(parameter, 'an empty list of acceptable statuses accepts nothing')
    if (option.every((code) => Number.isInteger(code) && code >= 100 && code <= 599)) return option
  }
  throw new ValidationError(
    parameter,
    `must be 'always', 'never' or a list of HTTP status codes, got ${String(option)}`,
  )
}

/** Whether a response with this status must raise under the policy. */
export function shouldRaise(statusCode: number, option: RaiseForStatusOption | undefined): boolean {
  if (option === undefined || option === 'always') return statusCode >= 300
  if (option === 'never') return false
  return !option.includes(statusCode)
}

/**
 * The error raise-for-status raises for `response` under `policy`, or `undefined` when the status is
 * acceptable: the one place where that is decided, for calls and for batches alike. `operation` names a
 * response that carries no request of its own (a composite's).
 */
export function statusError(
  response: Response,
  policy: RaiseForStatusOption | undefined,
  operation?: string,
): HttpResponseError | undefined {
  if (!shouldRaise(response.statusCode, policy)) return undefined
  return new HttpResponseError(response.request ? { response } : { operation, response })
}
