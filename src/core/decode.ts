import type { RawResponse, RequestDescriptor } from './descriptor.js'
import { bodyPreview, DecodeError } from './errors.js'

function decodeError(response: RawResponse, descriptor: RequestDescriptor, message: string): DecodeError {
  return new DecodeError(
    descriptor.operation,
    response.status,
    message,
    bodyPreview(response.body).slice(0, 200),
  )
}

/**
 * A short description of a wire value for error messages: bounded in length and never recursive, since a
 * value may be a huge string or nested deeper than the call stack allows (`String()` of a deep array
 * throws RangeError).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 64 ? `${value.slice(0, 64)}…` : value
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object' && value !== null) return 'an object'
  return String(value)
}

/** Reads a field that must be present, raising a decode error that names it otherwise. */
export function requireField<T>(
  value: T | undefined,
  field: string,
  response: RawResponse,
  descriptor: RequestDescriptor,
): T {
  if (value === undefined || value === null) throw decodeError(response, descriptor, `missing ${field}`)
  return value
}

/**
 * Reads an integer given as decimal text or as a JSON number (a `bigint` when the lossless parser found
 * it beyond 2^53-1): a `number` while exact, a `bigint` beyond, never rounded.
 */
export function integerText(
  text: unknown,
  field: string,
  response: RawResponse,
  descriptor: RequestDescriptor,
): number | bigint {
  if (typeof text === 'bigint') return text
  if (typeof text === 'number' && Number.isSafeInteger(text)) return text
  if (typeof text !== 'string' || !/^-?\d+$/.test(text.trim()))
    throw decodeError(response, descriptor, `${field} is not an integer: ${describeValue(text)}`)
  const number = Number(text)
  return Number.isSafeInteger(number) ? number : BigInt(text.trim())
}

/** Like {@link integerText} for fields that always fit a `number` (sizes, counts). */
export function safeIntegerText(
  text: unknown,
  field: string,
  response: RawResponse,
  descriptor: RequestDescriptor,
): number {
  const value = integerText(text, field, response, descriptor)
  if (typeof value === 'bigint') throw decodeError(response, descriptor, `${field} is out of range: ${value}`)
  return value
}

/** Reads an XML boolean (`true`/`false`, any case). */
export function booleanText(
  text: unknown,
  field: string,
  response: RawResponse,
  descriptor: RequestDescriptor,
): boolean {
  if (typeof text === 'string') {
    const lower = text.trim().toLowerCase()
    if (lower === 'true') return true
    if (lower === 'false') return false
  }
  throw decodeError(response, descriptor, `${field} is not a boolean: ${describeValue(text)}`)
}

export { decodeError }
