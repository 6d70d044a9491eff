/**
 * Evaluation of the built-in functions that take ordinary arguments (expressions.md "Functions"):
 * string predicates, `length`, `min`/`max`, the element-wise `pmin`/`pmax`/`psum` and `init_array`. `exists`, `if_not_exists` and `if_else`
 * need unevaluated arguments and live in the evaluator.
 */

import { MAX_ARRAY_ELEMENTS } from '../kv/array-blobs.js'
import { codePointLength } from '../kv/unicode.js'
import { compareUtf8 } from '../storage/utf8-order.js'
import type { PlainFunction } from './ast.js'
import { compareNumbers, compareTimestamps } from './comparison.js'
import { EvaluationFailure } from './errors.js'
import { callElementwise } from './functions-elementwise.js'
import { type ArrayValue, isArray, type Value } from './runtime-values.js'

/** Evaluates a call of a plain function on evaluated arguments (arity was checked when parsing). */
export function callFunction(name: PlainFunction, args: readonly (Value | undefined)[]): Value | undefined {
  const [a, b] = args
  switch (name) {
    case 'starts':
    case 'ends':
    case 'contains': {
      if (a?.type !== 'string' || b?.type !== 'string') return { type: 'bool', value: false }
      const found =
        name === 'starts'
          ? a.value.startsWith(b.value)
          : name === 'ends'
            ? a.value.endsWith(b.value)
            : a.value.includes(b.value)
      return { type: 'bool', value: found }
    }
    case 'length':
      return length(a)
    case 'min':
    case 'max':
      return args.length === 1 ? arrayExtreme(name, a) : scalarExtreme(name, a, b)
    case 'pmin':
    case 'pmax':
    case 'psum':
      return callElementwise(name, a, b)
  }
}

function length(value: Value | undefined): Value | undefined {
  if (value === undefined) return undefined
  if (value.type === 'string') return { type: 'int', value: BigInt(codePointLength(value.value)) }
  if (value.type === 'blob' || isArray(value)) return { type: 'int', value: BigInt(value.value.length) }
  return undefined
}

/** The element of an array at an index known to be in range. */
export function elementAt(array: ArrayValue, index: number): Value {
  return array.type === 'intArray'
    ? { type: 'int', value: array.value[index] as bigint }
    : { type: 'double', value: array.value[index] as number }
}

function arrayExtreme(name: 'min' | 'max', value: Value | undefined): Value | undefined {
  if (!isArray(value) || value.value.length === 0) return undefined
  let best = 0
  for (let i = 1; i < value.value.length; i++) {
    const order = compareNumbers(value.value[i] as bigint | number, value.value[best] as bigint | number)
    // Strict comparison keeps the first of equal elements.
    if (order !== undefined && (name === 'min' ? order < 0 : order > 0)) best = i
  }
  return elementAt(value, best)
}

/** Numbers for `min`/`max`: booleans count as 0/1. */
function numberOf(value: Value): bigint | number | undefined {
  if (value.type === 'int' || value.type === 'double') return value.value
  if (value.type === 'bool') return value.value ? 1n : 0n
  return undefined
}

function scalarExtreme(name: 'min' | 'max', a: Value | undefined, b: Value | undefined): Value | undefined {
  if (a === undefined || b === undefined) return undefined
  let order: number | undefined
  const x = numberOf(a)
  const y = numberOf(b)
  if (x !== undefined && y !== undefined) order = compareNumbers(x, y)
  else if (a.type === 'string' && b.type === 'string') order = compareUtf8(a.value, b.value)
  else if (a.type === 'timestamp' && b.type === 'timestamp') order = compareTimestamps(a, b)
  if (order === undefined) return undefined
  // Ties go to the first argument (ED-39).
  const winner = (name === 'max' ? order >= 0 : order <= 0) ? a : b
  // Without booleans numbers are promoted (a double anywhere gives a double); with a boolean the
  // winner keeps its own type (expressions.md: max(1==1, 0) is true, max(1==1, 3) is 3).
  if (
    x !== undefined &&
    a.type !== 'bool' &&
    b.type !== 'bool' &&
    (a.type === 'double' || b.type === 'double')
  ) {
    return { type: 'double', value: Number(numberOf(winner)) }
  }
  return winner
}

/** Evaluates `init_array(size, type[, fill])` once its arguments are known. */
export function initArray(
  size: Value | undefined,
  elementType: string,
  fill: Value | undefined,
  hasFill: boolean,
): Value {
  const type = elementType.toLowerCase()
  if (type !== 'int' && type !== 'double') {
    throw new EvaluationFailure(`init_array type must be 'int' or 'double', not '${elementType}'`)
  }
  if (size?.type !== 'int') throw new EvaluationFailure('init_array size must be an int')
  if (size.value < 0n || size.value > BigInt(MAX_ARRAY_ELEMENTS)) {
    throw new EvaluationFailure(`init_array size ${size.value} is outside 0 … ${MAX_ARRAY_ELEMENTS}`)
  }
  const count = Number(size.value)
  if (type === 'int') {
    if (hasFill && fill?.type !== 'int')
      throw new EvaluationFailure('init_array fill value of an int array must be an int')
    return { type: 'intArray', value: new BigInt64Array(count).fill(fill?.type === 'int' ? fill.value : 0n) }
  }
  if (hasFill && fill?.type !== 'int' && fill?.type !== 'double') {
    throw new EvaluationFailure('init_array fill value of a double array must be a number')
  }
  const value = fill?.type === 'int' || fill?.type === 'double' ? Number(fill.value) : 0
  return { type: 'doubleArray', value: new Float64Array(count).fill(value) }
}
