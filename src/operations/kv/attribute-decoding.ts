import { decodeBase64 } from '../../core/base64.js'
import { decodeArrayBlob } from './array-blobs.js'
import {
  type AttributeType,
  type AttributeValue,
  type Item,
  TypedAttribute,
  UnknownAttributeValue,
} from './attribute-values.js'
import { int64Max, int64Min, parseNumberText } from './number-text.js'
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
export class AttributeDecodingError extends Error {}

const timestampText = /^(-?\d+):(\d{1,9})$/

/** Decodes a wire attribute object (`Item` of GetItem, an element of `Items`). */
export function decodeItem(wire: unknown, options: AttributeDecodingOptions = {}): Item {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire))
    throw new AttributeDecodingError(`an item must be a JSON object, got ${JSON.stringify(wire)}`)
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
  options: AttributeDecodingOptions = {},
): AttributeValue {
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire))
    throw new AttributeDecodingError(`attribute ${name} is not a typed value: ${String(wire)}`)
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
  const decoded = decodeByType(type, value, name, options)
  if (decoded === undefined) return new UnknownAttributeValue(type, value)
  return options.typed
    ? new TypedAttribute(decoded.type, decoded.value as TypedAttribute['value'])
    : decoded.value
}

type Decoded = {
  type: AttributeType
  value: string | number | bigint | boolean | Uint8Array | BigInt64Array | Float64Array | Timestamp
}

function decodeByType(
  type: string,
  value: unknown,
  name: string,
  options: AttributeDecodingOptions,
): Decoded | undefined {
  const fail = (what: string): never => {
    throw new AttributeDecodingError(
      `attribute ${name} has an invalid ${type} value (${what}): ${String(value)}`,
    )
  }
  switch (type) {
    case 'S':
      return typeof value === 'string' ? { type: 'string', value } : fail('not a string')
    case 'BOOL':
      return { type: 'bool', value: booleanValue(value) ?? fail('not a boolean') }
    case 'N':
      return numberValue(value, options) ?? fail('not a number')
    case 'TS': {
      const match = typeof value === 'string' ? timestampText.exec(value) : null
      if (!match) return fail('expected "<seconds>:<nanoseconds>"')
      const seconds = BigInt(match[1]!)
      if (seconds < int64Min || seconds > int64Max) return fail('seconds beyond int64')
      return { type: 'timestamp', value: new Timestamp(seconds, Number(match[2])) }
    }
    case 'B': {
      const bytes = typeof value === 'string' ? decodeBase64(value) : undefined
      if (!bytes) return fail('not standard base64')
      const array = options.arrayBlobs === 'bytes' ? undefined : decodeArrayBlob(bytes)
      if (array instanceof BigInt64Array) return { type: 'intArray', value: array }
      if (array instanceof Float64Array) return { type: 'doubleArray', value: array }
      return { type: 'blob', value: bytes }
    }
    default:
      return undefined
  }
}

// Platforms send JSON booleans; tolerate their text forms too.
function booleanValue(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
  return undefined
}

function numberValue(value: unknown, options: AttributeDecodingOptions): Decoded | undefined {
  // Older servers sent N as a JSON number; the lossless parser already made big integers bigints.
  if (typeof value === 'bigint') return integer(value, options)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined
    return Number.isInteger(value) ? integer(BigInt(value), options) : { type: 'double', value }
  }
  if (typeof value !== 'string') return undefined
  const parsed = parseNumberText(value)
  if (!parsed) return undefined
  return parsed.type === 'int' ? integer(parsed.value, options) : parsed
}

function integer(value: bigint, options: AttributeDecodingOptions): Decoded {
  if (options.integers === 'bigint') return { type: 'int', value }
  const number = Number(value)
  return { type: 'int', value: Number.isSafeInteger(number) ? number : value }
}
