/**
 * Values as expressions see them (expressions.md "Values and types"): the stored types plus int and
 * double arrays, which are stored as array blobs. JavaScript `undefined` is the language's *undefined*.
 */

import {
  type DecodedArray,
  decodeArrayBlob,
  encodeDoubleArrayBlob,
  encodeIntArrayBlob,
} from '../kv/array-blobs.js'
import type { AttributeValue } from '../kv/values.js'

/** An int array or a double array. */
export type ArrayValue = DecodedArray
/** An int array. */
export type IntArrayValue = Extract<ArrayValue, { type: 'intArray' }>
/** A double array. */
export type DoubleArrayValue = Extract<ArrayValue, { type: 'doubleArray' }>

/** A defined value of the expression language. */
export type Value = AttributeValue | ArrayValue

/** How an attribute reads in an expression: a well-formed array blob is an array, other values as stored. */
export function fromAttribute(value: AttributeValue): Value {
  if (value.type !== 'blob') return value
  return decodeArrayBlob(value.value) ?? value
}

/** How a value is stored: arrays become array blobs, everything else as is. */
export function toAttribute(value: Value): AttributeValue {
  if (value.type === 'intArray') return { type: 'blob', value: encodeIntArrayBlob(value.value) }
  if (value.type === 'doubleArray') return { type: 'blob', value: encodeDoubleArrayBlob(value.value) }
  return value
}

/** True for int and double arrays. */
export function isArray(value: Value | undefined): value is ArrayValue {
  return value?.type === 'intArray' || value?.type === 'doubleArray'
}

/** A copy that shares no memory with `value` (only arrays are mutable). */
export function copyValue(value: Value): Value {
  if (value.type === 'intArray') return { type: 'intArray', value: value.value.slice() }
  if (value.type === 'doubleArray') return { type: 'doubleArray', value: value.value.slice() }
  return value
}

/** The type names used in evaluation-error messages. */
export function typeName(value: Value | undefined): string {
  if (value === undefined) return 'undefined'
  switch (value.type) {
    case 'intArray':
      return 'int array'
    case 'doubleArray':
      return 'double array'
    default:
      return value.type
  }
}
