import { ValidationError } from '../../core/errors.js'
import { int64Max, int64Min } from './number-text.js'
import type { Timestamp } from './timestamp.js'

/** The attribute types of the expression language (expressions.md "Values and types"). */
export type AttributeType =
  | 'string'
  | 'int'
  | 'double'
  | 'bool'
  | 'blob'
  | 'timestamp'
  | 'intArray'
  | 'doubleArray'

/** The JavaScript value a {@link TypedAttribute} of each type holds. */
export interface AttributeTypeValues {
  /** `S`. */
  string: string
  /** `N` integer text: int64 (a `bigint` beyond ±(2^53-1), or always with `integers: 'bigint'`). */
  int: number | bigint
  /** `N` double text. */
  double: number
  /** `BOOL`. */
  bool: boolean
  /** `B` that is not an array blob; read with `byteOffset`/`byteLength` if you touch its `.buffer`. */
  blob: Uint8Array
  /** `TS`. */
  timestamp: Timestamp
  /** `B` int64 array blob. When writing, `number[]` and `bigint[]` are accepted too. */
  intArray: BigInt64Array | readonly (number | bigint)[]
  /** `B` double array blob. When writing, `number[]` is accepted too. */
  doubleArray: Float64Array | readonly number[]
}

/**
 * An attribute value together with its exact type. Reading with `decoding: { typed: true }` returns every
 * attribute in this form, so that a double `1.0` stays a double across a read-modify-write; writing one
 * stores exactly that type. {@link double} and {@link int64} build the common cases.
 */
export class TypedAttribute<T extends AttributeType = AttributeType> {
  constructor(
    /** The attribute's type. */
    readonly type: T,
    /** The value, in the JavaScript form of {@link AttributeTypeValues}. */
    readonly value: AttributeTypeValues[T],
  ) {}
}

/**
 * A value whose wire type this SDK does not know (kv.md: unknown type keys are kept, not dropped). Writing
 * it back sends `{"<type>": value}` unchanged.
 */
export class UnknownAttributeValue {
  constructor(
    /** The wire type key, e.g. `SS`. */
    readonly type: string,
    /** The wire value, as parsed from JSON. */
    readonly value: unknown,
  ) {}
}

/**
 * Marks a number to be stored as a double even when it is integral: `double(5)` is sent as `"5.0"`, while a
 * plain `5` is stored as an int64. Use it where the type matters (integer division, Spark/Presto schemas).
 * Servers print an integral double without `.0`, so it reads back as `5` (an `int` in typed mode).
 */
export function double(value: number): TypedAttribute<'double'> {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new ValidationError('double', `must be a finite number, got ${String(value)}`)
  return new TypedAttribute('double', value)
}

/**
 * Marks an int64 given exactly: a `bigint`, a safe integer, or decimal text such as
 * `'9223372036854775807'` (for values a `number` cannot hold).
 */
export function int64(value: bigint | number | string): TypedAttribute<'int'> {
  let integer: bigint
  if (typeof value === 'bigint') integer = value
  else if (typeof value === 'number' && Number.isSafeInteger(value)) integer = BigInt(value)
  else if (typeof value === 'string' && /^[+-]?\d{1,19}$/.test(value.replace(/^([+-]?)0+(?=\d)/, '$1')))
    integer = BigInt(value)
  else
    throw new ValidationError(
      'int64',
      `must be a bigint, a safe integer or decimal text, got ${String(value)}`,
    )
  if (integer < int64Min || integer > int64Max)
    throw new ValidationError('int64', `must lie in the int64 range, got ${integer}`)
  return new TypedAttribute('int', Number.isSafeInteger(Number(integer)) ? Number(integer) : integer)
}

/**
 * A decoded attribute value (kv.md "Decoding"): `S` → string, `BOOL` → boolean, `N` → number (`bigint`
 * beyond ±(2^53-1)), `B` → `Uint8Array`, or `BigInt64Array`/`Float64Array` for array blobs, `TS` →
 * {@link Timestamp}; typed decoding gives {@link TypedAttribute}s; unknown wire types
 * {@link UnknownAttributeValue}.
 */
export type AttributeValue =
  | string
  | number
  | bigint
  | boolean
  | Uint8Array
  | BigInt64Array
  | Float64Array
  | Timestamp
  | TypedAttribute
  | UnknownAttributeValue

/** An item as read: attribute name → decoded value. `__name` is the item's key when it was requested. */
export type Item = Record<string, AttributeValue>

/**
 * A value that can be written (kv.md "Encoding"): every {@link AttributeValue}, plus `Date` (→ `TS`,
 * milliseconds), `ArrayBuffer` and other `ArrayBufferView`s (→ `B`), and `number[]`/`bigint[]` (→ array
 * blob; int64 when every element is a safe integer or a bigint, else double).
 */
export type AttributeInput =
  | AttributeValue
  | Date
  | ArrayBuffer
  | ArrayBufferView
  | readonly number[]
  | readonly bigint[]

/** Attributes to write: name → value. Names are 1–255 characters of `A–Z a–z 0–9 _`, not starting with a digit. */
export type Attributes = Record<string, AttributeInput>
