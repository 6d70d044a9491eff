/**
 * Typed attribute values of the emulator and their wire form (kv.md "Typed attribute values",
 * ED-13, ED-32). N values are split by their text into int64 (`int`) and double (`double`), because the
 * distinction matters to expressions (integer division) and must survive a round trip.
 */

import { invalidArgument } from '../api-error.js'
import { decodeStandardBase64, encodeStandardBase64 } from './base64.js'
import { abbreviate } from './message-text.js'
import { formatDouble, isInt64, parseInt64Digits, parseNumberText } from './number-text.js'
import { isWellFormedUnicode, utf8Length } from './unicode.js'

/** `S`: a well-formed Unicode string. */
export interface StringValue {
  readonly type: 'string'
  readonly value: string
}
/** `N` whose text is an integer: an int64. */
export interface IntValue {
  readonly type: 'int'
  readonly value: bigint
}
/** `N` whose text has a `.` or an exponent: a finite double. */
export interface DoubleValue {
  readonly type: 'double'
  readonly value: number
}
/** `BOOL`. */
export interface BoolValue {
  readonly type: 'bool'
  readonly value: boolean
}
/** `B`: raw bytes (array blobs included — they are told apart by `decodeArrayBlob`). */
export interface BlobValue {
  readonly type: 'blob'
  readonly value: Uint8Array
}
/** `TS`: seconds (int64, may be negative) plus nanoseconds 0 … 999999999, stored exactly. */
export interface TimestampValue {
  readonly type: 'timestamp'
  readonly secs: bigint
  readonly nsecs: number
}

/** A stored attribute value. There is no null: an attribute exists or not. */
export type AttributeValue = StringValue | IntValue | DoubleValue | BoolValue | BlobValue | TimestampValue

/** The wire form of a value: a one-member object keyed by the type. */
export type WireValue = { S: string } | { N: string } | { BOOL: boolean } | { B: string } | { TS: string }

/** Largest `S` value in UTF-8 bytes (*Documented*). */
export const MAX_STRING_BYTES = 61_200
/** Largest decoded `B` value, 1 MiB. */
export const MAX_BLOB_BYTES = 1_048_576

const timestampGrammar = /^(-?[0-9]+):([0-9]{1,9})$/

/**
 * Parses the wire form of one attribute value with every check of ED-32, throwing 400
 * `InvalidArgumentException: invalid value of attribute '<name>': <detail>` on any violation.
 *
 * `N` may be given as a string (the normal case), or — a tolerated legacy form — as a JSON number: pass
 * the number's source text as a string whenever the JSON parser can provide it (then `1.0` stays a
 * double); a `bigint` is an integer; a `number` is an int when it is a safe integer and a double
 * otherwise (its source text is lost, so `1.0` given as a number is read as the int 1).
 */
export function decodeWireValue(json: unknown, attributeName: string): AttributeValue {
  const fail = (detail: string): never => {
    throw invalidArgument(`invalid value of attribute '${abbreviate(attributeName)}': ${detail}`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('expected an object with one type member (S, N, BOOL, B or TS)')
  }
  const members = Object.keys(json)
  if (members.length !== 1) return fail(`expected exactly one type member, got ${members.length}`)
  const type = members[0] as string
  const raw = (json as Record<string, unknown>)[type]
  switch (type) {
    case 'S':
      if (typeof raw !== 'string') return fail('S must be a JSON string')
      if (!isWellFormedUnicode(raw)) return fail('S is not well-formed Unicode (lone surrogate)')
      if (utf8Length(raw) > MAX_STRING_BYTES) return fail(`S exceeds ${MAX_STRING_BYTES} bytes`)
      return { type: 'string', value: raw }
    case 'N':
      return decodeNumber(raw, fail)
    case 'BOOL':
      if (typeof raw !== 'boolean') return fail('BOOL must be a JSON boolean')
      return { type: 'bool', value: raw }
    case 'B': {
      if (typeof raw !== 'string') return fail('B must be a JSON string')
      const bytes = decodeStandardBase64(raw)
      if (bytes === undefined) return fail('B is not valid standard base64')
      if (bytes.length > MAX_BLOB_BYTES) return fail(`B exceeds ${MAX_BLOB_BYTES} bytes`)
      return { type: 'blob', value: bytes }
    }
    case 'TS':
      if (typeof raw !== 'string') return fail('TS must be a JSON string')
      return decodeTimestamp(raw, fail)
    default:
      return fail(`unknown type '${abbreviate(type)}'`)
  }
}

function decodeNumber(raw: unknown, fail: (detail: string) => never): AttributeValue {
  if (typeof raw === 'bigint') {
    return isInt64(raw)
      ? { type: 'int', value: raw }
      : fail(`N value '${abbreviate(String(raw))}' is outside the int64 range`)
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('N value is not a finite number')
    return Number.isSafeInteger(raw) ? { type: 'int', value: BigInt(raw) } : { type: 'double', value: raw }
  }
  if (typeof raw !== 'string') return fail('N must be a JSON string holding a number')
  const result = parseNumberText(raw)
  if (result.ok)
    return result.type === 'int'
      ? { type: 'int', value: result.value }
      : { type: 'double', value: result.value }
  const text = abbreviate(raw)
  if (result.reason === 'int64 range') return fail(`N value '${text}' is outside the int64 range`)
  if (result.reason === 'not finite') return fail(`N value '${text}' is not finite`)
  return fail(`N value '${text}' is not a decimal number`)
}

function decodeTimestamp(raw: string, fail: (detail: string) => never): AttributeValue {
  const match = timestampGrammar.exec(raw)
  if (!match)
    return fail(`TS value '${abbreviate(raw)}' is not '<seconds>:<nanoseconds>' with 0-999999999 nanoseconds`)
  const secs = parseInt64Digits(match[1] as string)
  if (secs === undefined) return fail(`TS value '${abbreviate(raw)}' has seconds outside the int64 range`)
  return { type: 'timestamp', secs, nsecs: Number(match[2]) }
}

/** The wire form of a value, N printed per ED-13 and B as padded standard base64. */
export function encodeWireValue(value: AttributeValue): WireValue {
  switch (value.type) {
    case 'string':
      return { S: value.value }
    case 'int':
      return { N: value.value.toString() }
    case 'double':
      return { N: formatDouble(value.value) }
    case 'bool':
      return { BOOL: value.value }
    case 'blob':
      return { B: encodeStandardBase64(value.value) }
    case 'timestamp':
      return { TS: `${value.secs}:${value.nsecs}` }
  }
}

/** True when two values have the same type and the same content (doubles by `Object.is`). */
export function sameAttributeValue(a: AttributeValue, b: AttributeValue): boolean {
  switch (a.type) {
    case 'blob':
      return (
        b.type === 'blob' &&
        a.value.length === b.value.length &&
        a.value.every((byte, i) => byte === b.value[i])
      )
    case 'timestamp':
      return b.type === 'timestamp' && a.secs === b.secs && a.nsecs === b.nsecs
    case 'double':
      return b.type === 'double' && Object.is(a.value, b.value)
    default:
      return a.type === b.type && a.value === b.value
  }
}
