/**
 * Arithmetic, concatenation and bitwise operators (expressions.md "Arithmetic", "Bitwise operators",
 * ED-10). Ill-typed operands yield `undefined`; overflow, division by zero, non-finite doubles and bad
 * shift counts are evaluation errors.
 */

import { MAX_ARRAY_ELEMENTS } from '../kv/array-blobs.js'
import { isInt64 } from '../kv/number-text.js'
import { utf8Length } from '../kv/unicode.js'
import { MAX_BLOB_BYTES, MAX_STRING_BYTES } from '../kv/values.js'
import type { ArithmeticOperator, BitwiseOperator } from './ast.js'
import { EvaluationFailure } from './errors.js'
import type { Value } from './runtime-values.js'

/** An int64 result, or an evaluation error when it left the range. */
export function checkedInt(value: bigint): Value {
  if (!isInt64(value)) throw new EvaluationFailure('int64 overflow')
  return { type: 'int', value }
}

/** A double result, or an evaluation error when it is not finite. */
export function checkedDouble(value: number): Value {
  if (!Number.isFinite(value)) throw new EvaluationFailure('double result is not finite')
  return { type: 'double', value }
}

/** The numeric meaning of an arithmetic operand: ints and booleans as `bigint`, doubles as `number`. */
export function numericOperand(value: Value | undefined): bigint | number | undefined {
  if (value === undefined) return undefined
  if (value.type === 'int' || value.type === 'double') return value.value
  if (value.type === 'bool') return value.value ? 1n : 0n
  return undefined
}

/** The integer meaning of a bitwise operand: ints, and booleans as 0/1. */
function integerOperand(value: Value | undefined): bigint | undefined {
  const numeric = numericOperand(value)
  return typeof numeric === 'bigint' ? numeric : undefined
}

function concatenate(a: Value, b: Value): Value | undefined {
  if (a.type === 'string' && b.type === 'string') {
    const value = a.value + b.value
    if (value.length * 3 > MAX_STRING_BYTES && utf8Length(value) > MAX_STRING_BYTES) {
      throw new EvaluationFailure(`string concatenation exceeds ${MAX_STRING_BYTES} bytes`)
    }
    return { type: 'string', value }
  }
  if (a.type === 'blob' && b.type === 'blob') {
    if (a.value.length + b.value.length > MAX_BLOB_BYTES) {
      throw new EvaluationFailure(`blob concatenation exceeds ${MAX_BLOB_BYTES} bytes`)
    }
    const value = new Uint8Array(a.value.length + b.value.length)
    value.set(a.value)
    value.set(b.value, a.value.length)
    return { type: 'blob', value }
  }
  if (
    (a.type === 'intArray' || a.type === 'doubleArray') &&
    (b.type === 'intArray' || b.type === 'doubleArray')
  ) {
    const length = a.value.length + b.value.length
    if (length > MAX_ARRAY_ELEMENTS)
      throw new EvaluationFailure(`array concatenation exceeds ${MAX_ARRAY_ELEMENTS} elements`)
    if (a.type === 'intArray' && b.type === 'intArray') {
      const value = new BigInt64Array(length)
      value.set(a.value)
      value.set(b.value, a.value.length)
      return { type: 'intArray', value }
    }
    const value = new Float64Array(length)
    a.value.forEach((element: bigint | number, i: number) => {
      value[i] = Number(element)
    })
    b.value.forEach((element: bigint | number, i: number) => {
      value[a.value.length + i] = Number(element)
    })
    return { type: 'doubleArray', value }
  }
  return undefined
}

/** Evaluates `a <operator> b` for `+ - * /`. */
export function arithmetic(
  operator: ArithmeticOperator,
  a: Value | undefined,
  b: Value | undefined,
): Value | undefined {
  if (a === undefined || b === undefined) return undefined
  const x = numericOperand(a)
  const y = numericOperand(b)
  if (x === undefined || y === undefined) return operator === '+' ? concatenate(a, b) : undefined
  if (typeof x === 'bigint' && typeof y === 'bigint') {
    switch (operator) {
      case '+':
        return checkedInt(x + y)
      case '-':
        return checkedInt(x - y)
      case '*':
        return checkedInt(x * y)
      case '/':
        if (y === 0n) throw new EvaluationFailure('division by zero')
        return checkedInt(x / y) // BigInt division truncates toward zero, as ED-10 wants
    }
  }
  const p = Number(x)
  const q = Number(y)
  switch (operator) {
    case '+':
      return checkedDouble(p + q)
    case '-':
      return checkedDouble(p - q)
    case '*':
      return checkedDouble(p * q)
    case '/':
      if (q === 0) throw new EvaluationFailure('division by zero')
      return checkedDouble(p / q)
  }
}

/** Evaluates unary `-`: ints (overflow checked), doubles, booleans as 0/1; anything else is undefined. */
export function negate(a: Value | undefined): Value | undefined {
  const x = numericOperand(a)
  if (x === undefined) return undefined
  return typeof x === 'bigint' ? checkedInt(-x) : checkedDouble(-x)
}

/** Evaluates unary `~` on an int or boolean. */
export function complement(a: Value | undefined): Value | undefined {
  const x = integerOperand(a)
  return x === undefined ? undefined : { type: 'int', value: ~x }
}

/** Evaluates `& ^ | << >>` on ints and booleans; the shift count must be 0 … 63. */
export function bitwise(
  operator: BitwiseOperator,
  a: Value | undefined,
  b: Value | undefined,
): Value | undefined {
  const x = integerOperand(a)
  const y = integerOperand(b)
  if (x === undefined || y === undefined) return undefined
  switch (operator) {
    case '&':
      return { type: 'int', value: x & y }
    case '^':
      return { type: 'int', value: x ^ y }
    case '|':
      return { type: 'int', value: x | y }
    default:
      if (y < 0n || y > 63n) throw new EvaluationFailure(`shift count ${y} is outside 0 … 63`)
      // `<<` drops the bits shifted out of 64; `>>` on a bigint is arithmetic, as specified.
      return { type: 'int', value: operator === '<<' ? BigInt.asIntN(64, x << y) : x >> y }
  }
}
