import { isBrandedInstance } from '../../core/brand.js'
import { HttpResponseError } from '../../core/errors.js'
import { Response } from '../../core/response.js'

/** Error codes of a false condition: the platform's pair, and the older pair some versions reportedly send. */
const conditionFalseOuterCodes = [16777244, 184549378]
const conditionFalseCodes = [16777244, 16777245, 184549378, 385876025]
/** Outer code of a `CreateNewItemOnly` write to an existing item (ED-34). */
const itemExistsCode = 369098809

const textDecoder = new TextDecoder()

/** What the predicates accept: a raised `HttpResponseError`, a `Response`, or anything else (→ false). */
export type ErrorSubject = HttpResponseError | Response | unknown

function responseOf(subject: ErrorSubject): Response | undefined {
  if (subject instanceof HttpResponseError) return subject.response
  if (isBrandedInstance(Response, subject)) return subject as Response
  return undefined
}

/** The error codes of a response's decoded error body: the top-level one, then the nested ones. */
function errorCodes(response: Response): { top: number | undefined; nested: number[] } {
  const nested: number[] = []
  for (let inner = response.error?.inner; inner; inner = inner.inner)
    if (inner.errorCode !== undefined) nested.push(inner.errorCode)
  return { top: response.error?.errorCode, nested }
}

/** Whether a response or error means "not found": status 404 (missing item, object, table, container). */
export function isNotFound(subject: ErrorSubject): boolean {
  return responseOf(subject)?.statusCode === 404
}

/**
 * Whether a write failed because its condition was false (kv.md "Condition false"): status 400 and error
 * code 16777244 at the top, 16777244/16777245 in a nested error, or 16777244 anywhere in a non-JSON body.
 * The older pair 184549378/385876025 is accepted too. Syntax errors in the condition are *not* a false
 * condition.
 */
export function isConditionFailed(subject: ErrorSubject): boolean {
  const response = responseOf(subject)
  if (response?.statusCode !== 400) return false
  const codes = errorCodes(response)
  if (codes.top !== undefined && conditionFalseOuterCodes.includes(codes.top)) return true
  if (codes.nested.some((code) => conditionFalseCodes.includes(code))) return true
  // A body that is not the JSON error (a proxy's page, a future format) may still name the code.
  const text = textDecoder.decode(response.body)
  return conditionFalseOuterCodes.some((code) => text.includes(String(code)))
}

/**
 * Whether a `CreateNewItemOnly` write failed because the item already exists: status 400 or 409 and error
 * code 369098809 anywhere in the body (ED-34).
 */
export function isItemExists(subject: ErrorSubject): boolean {
  const response = responseOf(subject)
  if (response?.statusCode !== 400 && response?.statusCode !== 409) return false
  const codes = errorCodes(response)
  if (codes.top === itemExistsCode || codes.nested.includes(itemExistsCode)) return true
  return textDecoder.decode(response.body).includes(String(itemExistsCode))
}
