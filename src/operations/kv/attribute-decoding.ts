import { decodeBase64 } from '../../core/base64.js'
import { describeValue } from '../../core/decode.js'
import { V3ioError } from '../../core/errors.js'
import { decodeArrayBlob } from './array-blobs.js'
import { type AttributeValue, type Item, TypedAttribute, UnknownAttributeValue } from './attribute-values.js'
import { int64Max, int64Min, type ParsedNumber, parseNumberText } from './number-text.js'
import { Timestamp } from './timestamp.js'

/** How attribute values read from the server become JavaScript values (kv.md "Decoding"). */
export interface AttributeDecodingOptions {
  /**
   * `'auto'` (default): integers are `number`s up to ±(2^53-1) and `bigint`s beyond, so nothing is ever
   * rounded. `'bigint'`: every integer is a `bigint`.
   */
  integers?: 'auto' | 'bigint'
  /** `'typedArrays'` (default): array blobs become `BigInt64Array`/`Float64Array`. `'bytes'`: `Uint8Array`. */
  arrayBlobs?: 'typedArrays' | 'bytes'
  /**
   * Return every attribute as a {@link TypedAttribute} (`{ type, value }`), so that e.g. a double `1.5`
   * stays a double when written back. Integral doubles arrive as `"5"` (platforms print them so) and are
   * typed `int`. Default false.
   */
  typed?: boolean
}

/** A wire value that does not follow the typed-value encoding; the operation turns it into a DecodeError. */
export class AttributeDecodingError extends V3ioError {
  override name = 'AttributeDecodingError'
  /** {@inheritDoc V3ioError.brand} */
  static override readonly brand: string = 'v3io.AttributeDecodingError'
}

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

function invalidValue(name: string, type: string, what: string, value: unknown): AttributeDecodingError {
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

function timestampValue(value: unknown, name: string): Timestamp {
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
