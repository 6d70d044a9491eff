import { decodeBase64 } from '../../core/base64-decoding.js'
import {
  AttributeDecodingError,
  describeValue,
  int64Max,
  int64Min,
  Timestamp,
  TypedAttribute,
  UnknownAttributeValue,
} from '../response-decoding-dependencies.js'
import { decodeArrayBlob } from './array-blob-decoding.js'
import type { AttributeDecodingOptions } from './attribute-decoding.js'
import type { AttributeValue, Item } from './attribute-values.js'
import type { Timestamp as TimestampValue } from './timestamp.js'

// Typed values read from the server (kv.md "Decoding"): the body of attribute-decoding.ts's public
// functions, loaded with the response decoders (operations/response-decoding.ts), which take the SDK's
// classes from response-decoding-dependencies.ts.

const timestampText = /^(-?\d+):(\d{1,9})$/

// Shared by every call that passes no options: no allocation per item on the page-decoding hot path.
const defaultOptions: AttributeDecodingOptions = Object.freeze({})

/** Decodes a wire attribute object (`Item` of GetItem, an element of `Items`). */
export function decodeItem(wire: unknown, options: AttributeDecodingOptions = defaultOptions): Item {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire))
    throw new AttributeDecodingError(`an item must be a JSON object, got ${describeValue(wire)}`)
  const item: Item = {}
  for (const name in wire) {
    const value = decodeAttributeValue((wire as Record<string, unknown>)[name], name, options)
    // `__proto__` is a legal hidden attribute name: define it, never assign it (that would set the prototype).
    if (name === '__proto__')
      Object.defineProperty(item, name, { value, enumerable: true, writable: true, configurable: true })
    else item[name] = value
  }
  return item
}

/** Decodes one typed value (`{"N":"42"}` → 42). */
export function decodeAttributeValue(
  wire: unknown,
  name: string,
  options: AttributeDecodingOptions = defaultOptions,
): AttributeValue {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire))
    throw new AttributeDecodingError(`attribute ${name} is not a typed value: ${describeValue(wire)}`)
  // A counting for-in: no entries array per attribute on the page-decoding hot path.
  let type = ''
  let value: unknown
  let count = 0
  for (const member in wire) {
    type = member
    value = (wire as Record<string, unknown>)[member]
    count++
  }
  if (count !== 1)
    throw new AttributeDecodingError(`attribute ${name} must have exactly one type member, has ${count}`)
  // One switch returning the value itself: no closure and no intermediate {type, value} per attribute.
  const typed = options.typed === true
  switch (type) {
    case 'S':
      if (typeof value !== 'string') throw invalidValue(name, type, 'not a string', value)
      return typed ? new TypedAttribute('string', value) : value
    case 'N':
      return numberValue(value, name, options, typed)
    case 'BOOL': {
      const bool = booleanValue(value)
      if (bool === undefined) throw invalidValue(name, type, 'not a boolean', value)
      return typed ? new TypedAttribute('bool', bool) : bool
    }
    case 'TS': {
      const timestamp = timestampValue(value, name)
      return typed ? new TypedAttribute('timestamp', timestamp) : timestamp
    }
    case 'B':
      return blobValue(value, name, options, typed)
    default:
      // Kept as parsed, but not nested beyond any real type: a deeper value could not even be written back
      // (JSON.stringify recurses) and is a broken or hostile answer.
      if (nestedDeeperThan(value, maxUnknownValueDepth))
        throw invalidValue(name, type, `nested deeper than ${maxUnknownValueDepth} levels`, value)
      return new UnknownAttributeValue(type, value)
  }
}

/** How deep the JSON value of an unknown type may nest (no platform type nests at all). */
export const maxUnknownValueDepth = 64

/** Whether arrays and objects nest deeper than `limit` levels in `value`, checked without recursion. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  const pending: { value: object; depth: number }[] = [{ value, depth: 1 }]
  while (pending.length > 0) {
    const next = pending.pop()!
    if (next.depth > limit) return true
    for (const member of Object.values(next.value))
      if (typeof member === 'object' && member !== null)
        pending.push({ value: member, depth: next.depth + 1 })
  }
  return false
}

function invalidValue(name: string, type: string, what: string, value: unknown): Error {
  return new AttributeDecodingError(
    `attribute ${name} has an invalid ${type} value (${what}): ${describeValue(value)}`,
  )
}

// Platforms send JSON booleans; tolerate their text forms too.
function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
  return undefined
}

function timestampValue(value: unknown, name: string): TimestampValue {
  const match = typeof value === 'string' ? timestampText.exec(value) : null
  if (!match) throw invalidValue(name, 'TS', 'expected "<seconds>:<nanoseconds>"', value)
  const seconds = BigInt(match[1]!)
  if (seconds < int64Min || seconds > int64Max) throw invalidValue(name, 'TS', 'seconds beyond int64', value)
  return new Timestamp(seconds, Number(match[2]))
}

function blobValue(
  value: unknown,
  name: string,
  options: AttributeDecodingOptions,
  typed: boolean,
): AttributeValue {
  const bytes = typeof value === 'string' ? decodeBase64(value) : undefined
  if (!bytes) throw invalidValue(name, 'B', 'not standard base64', value)
  const array = options.arrayBlobs === 'bytes' ? undefined : decodeArrayBlob(bytes)
  if (array instanceof BigInt64Array) return typed ? new TypedAttribute('intArray', array) : array
  if (array instanceof Float64Array) return typed ? new TypedAttribute('doubleArray', array) : array
  return typed ? new TypedAttribute('blob', bytes) : bytes
}

// Up to 15 digits always fit a double exactly: such integers skip the bigint round trip.
const shortInteger = /^-?\d{1,15}$/

function numberValue(
  value: unknown,
  name: string,
  options: AttributeDecodingOptions,
  typed: boolean,
): AttributeValue {
  if (typeof value === 'string' && options.integers !== 'bigint' && shortInteger.test(value)) {
    // `-0` is the integer 0 (int64 has no negative zero).
    const number = Number(value) || 0
    return typed ? new TypedAttribute('int', number) : number
  }
  let parsed: ParsedNumber | undefined
  // Older servers sent N as a JSON number; the lossless parser already made big integers bigints.
  if (typeof value === 'bigint') parsed = { type: 'int', value }
  else if (typeof value === 'number') {
    if (Number.isFinite(value))
      parsed = Number.isInteger(value) ? { type: 'int', value: BigInt(value) } : { type: 'double', value }
  } else if (typeof value === 'string') parsed = parseNumberText(value)
  if (!parsed) throw invalidValue(name, 'N', 'not a number', value)
  if (parsed.type === 'double') return typed ? new TypedAttribute('double', parsed.value) : parsed.value
  const integer = options.integers === 'bigint' ? parsed.value : exactInteger(parsed.value)
  return typed ? new TypedAttribute('int', integer) : integer
}

function exactInteger(value: bigint): number | bigint {
  const number = Number(value)
  return Number.isSafeInteger(number) ? number : value
}

// Tolerant on purpose: platforms print `5` for a double 5.0 and other producers `3.14E+00` or `.5`.
const numberText = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/
const integerText = /^[+-]?\d+$/

/** A parsed `N` text: an int64 (exact, as bigint) or a double; `undefined` when the text is not a number. */
type ParsedNumber = { type: 'int'; value: bigint } | { type: 'double'; value: number }

/** Reads `N` text; integers exactly (as bigint), doubles to the nearest binary64 (must stay finite). */
function parseNumberText(text: string): ParsedNumber | undefined {
  if (!numberText.test(text)) return undefined
  if (integerText.test(text)) return { type: 'int', value: BigInt(text.replace(/^\+/, '')) }
  const value = Number(text)
  return Number.isFinite(value) ? { type: 'double', value } : undefined
}
