import { encodeBase64 } from '../../core/base64.js'
import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'
import { encodeDoubleArrayBlob, encodeInt64ArrayBlob } from './array-blobs.js'
import { attributeParameter, validateAttributeName } from './attribute-names.js'
import { TypedAttribute, UnknownAttributeValue } from './attribute-values.js'
import { formatDouble, formatInteger, isInt64 } from './number-text.js'
import { Timestamp } from './timestamp.js'

/** An attribute value on the wire: `{"S": …}`, `{"N": …}`, `{"BOOL": …}`, `{"B": …}` or `{"TS": …}`. */
export type WireValue = Record<string, unknown>

/** Attributes on the wire, as `Item` of PutItem. */
export type WireAttributes = Record<string, WireValue>

/**
 * Encodes attributes for the wire, checking every name and value first; a bad one is a
 * `ValidationError` naming it (`attributes.age`), raised before anything is sent.
 */
export function encodeAttributes(attributes: unknown, parameter = 'attributes'): WireAttributes {
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes))
    throw new ValidationError(parameter, 'must be an object mapping attribute names to values')
  // No prototype: an attribute named `__proto__` (a legal hidden name) becomes an own member, not a setter call.
  const wire: WireAttributes = Object.create(null)
  for (const [name, value] of Object.entries(attributes)) {
    const attribute = attributeParameter(parameter, name)
    validateAttributeName(name, attribute)
    wire[name] = encodeAttributeValue(value, attribute)
  }
  return wire
}

/** Encodes one value per kv.md "Mapping values to and from JavaScript" (encoding table). */
export function encodeAttributeValue(value: unknown, parameter: string): WireValue {
  switch (typeof value) {
    case 'string':
      assertWellFormed(value, parameter)
      return { S: value }
    case 'boolean':
      return { BOOL: value }
    case 'number':
      return { N: numberText(value, parameter) }
    case 'bigint':
      return { N: int64Text(value, parameter) }
  }
  if (value instanceof TypedAttribute) return encodeTyped(value, parameter)
  if (value instanceof Timestamp) return { TS: value.toString() }
  if (value instanceof Date) return { TS: timestampOfDate(value, parameter).toString() }
  if (value instanceof BigInt64Array) return { B: encodeBase64(encodeInt64ArrayBlob(value)) }
  if (value instanceof Float64Array) return { B: encodeBase64(doubleArray(value, parameter)) }
  if (value instanceof ArrayBuffer) return { B: encodeBase64(new Uint8Array(value)) }
  if (ArrayBuffer.isView(value))
    return { B: encodeBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) }
  if (Array.isArray(value)) return { B: encodeBase64(numericArrayBlob(value, parameter)) }
  if (value instanceof UnknownAttributeValue) return encodeUnknown(value, parameter)
  throw new ValidationError(parameter, `cannot be stored: ${describeValue(value)}`)
}

function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined (remove the attribute instead)'
  if (typeof value === 'object') return `an object of type ${value.constructor?.name ?? 'Object'}`
  return `a ${typeof value}`
}

/** A plain number: int64 text when integral, double text otherwise. */
function numberText(value: number, parameter: string): string {
  if (!Number.isFinite(value)) throw new ValidationError(parameter, `must be a finite number, got ${value}`)
  if (!Number.isInteger(value)) return formatDouble(value)
  if (!Number.isSafeInteger(value))
    throw new ValidationError(
      parameter,
      `${value} is beyond ±(2^53-1) and may already have lost precision; pass a bigint, int64('…') or double(…)`,
    )
  return formatInteger(value)
}

function int64Text(value: bigint, parameter: string): string {
  if (!isInt64(value)) throw new ValidationError(parameter, `must lie in the int64 range, got ${value}`)
  return formatInteger(value)
}

function timestampOfDate(date: Date, parameter: string): Timestamp {
  if (Number.isNaN(date.getTime())) throw new ValidationError(parameter, 'is an invalid Date')
  return Timestamp.fromDate(date)
}

function doubleArray(values: ArrayLike<number>, parameter: string): Uint8Array {
  for (let index = 0; index < values.length; index++) {
    const element = values[index]
    if (typeof element !== 'number' || !Number.isFinite(element))
      throw new ValidationError(`${parameter}[${index}]`, `must be a finite number, got ${String(element)}`)
  }
  return encodeDoubleArrayBlob(values)
}

function int64Array(values: readonly unknown[], parameter: string): Uint8Array {
  const elements = values.map((element, index) => {
    if (typeof element === 'bigint' && isInt64(element)) return element
    if (typeof element === 'number' && Number.isSafeInteger(element)) return BigInt(element)
    throw new ValidationError(
      `${parameter}[${index}]`,
      `must be an int64 (safe integer or bigint), got ${String(element)}`,
    )
  })
  return encodeInt64ArrayBlob(elements)
}

/** `number[]`/`bigint[]`: int64 when every element is an integer that fits, otherwise double. */
function numericArrayBlob(values: readonly unknown[], parameter: string): Uint8Array {
  const allInt64 = values.every(
    (element) =>
      (typeof element === 'number' && Number.isSafeInteger(element)) ||
      (typeof element === 'bigint' && isInt64(element)),
  )
  if (allInt64) return int64Array(values, parameter)
  if (values.some((element) => typeof element === 'bigint')) return int64Array(values, parameter)
  return doubleArray(values as readonly number[], parameter)
}

function encodeTyped(attribute: TypedAttribute, parameter: string): WireValue {
  const { type, value } = attribute
  const expect = (ok: boolean, what: string) => {
    if (!ok)
      throw new ValidationError(parameter, `a ${type} attribute needs ${what}, got ${describeValue(value)}`)
  }
  switch (type) {
    case 'string':
      expect(typeof value === 'string', 'a string')
      return encodeAttributeValue(value, parameter)
    case 'bool':
      expect(typeof value === 'boolean', 'a boolean')
      return { BOOL: value }
    case 'int':
      expect(typeof value === 'bigint' || Number.isSafeInteger(value), 'a safe integer or a bigint')
      return { N: typeof value === 'bigint' ? int64Text(value, parameter) : formatInteger(value as number) }
    case 'double':
      expect(typeof value === 'number' && Number.isFinite(value), 'a finite number')
      return { N: formatDouble(value as number) }
    case 'blob':
      expect(value instanceof Uint8Array, 'a Uint8Array')
      return { B: encodeBase64(value as Uint8Array) }
    case 'timestamp':
      expect(value instanceof Timestamp, 'a Timestamp')
      return { TS: String(value) }
    case 'intArray':
      expect(value instanceof BigInt64Array || Array.isArray(value), 'a BigInt64Array or an array')
      return { B: encodeBase64(int64Array(Array.from(value as ArrayLike<unknown>), parameter)) }
    case 'doubleArray':
      expect(value instanceof Float64Array || Array.isArray(value), 'a Float64Array or an array')
      return { B: encodeBase64(doubleArray(value as ArrayLike<number>, parameter)) }
    default:
      throw new ValidationError(parameter, `unknown attribute type ${JSON.stringify(type)}`)
  }
}

function encodeUnknown(attribute: UnknownAttributeValue, parameter: string): WireValue {
  if (typeof attribute.type !== 'string' || attribute.type === '')
    throw new ValidationError(parameter, 'the type of an unknown attribute value must be a non-empty string')
  try {
    JSON.stringify(attribute.value)
  } catch {
    throw new ValidationError(parameter, 'the value of an unknown attribute type must be JSON-serialisable')
  }
  return { [attribute.type]: attribute.value }
}
