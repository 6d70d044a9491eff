/**
 * The element-wise array functions `pmin`, `pmax` and `psum` (ED-39R): two arrays of equal length in,
 * one array of that length out. Unlike most ill-typed operations, a wrong operand is an evaluation
 * error rather than *undefined*, because the revision says so.
 */

import { isInt64 } from '../kv/number-text.js'
import { EvaluationFailure } from './errors.js'
import { type ArrayValue, isArray, typeName, type Value } from './runtime-values.js'

/** The names of the element-wise functions. */
export type ElementwiseFunction = 'pmin' | 'pmax' | 'psum'

/**
 * Evaluates `pmin(a, b)`, `pmax(a, b)` or `psum(a, b)`. The result is an int array when both operands
 * are int arrays and a double array otherwise; an int sum leaving int64 and a non-finite double sum
 * are evaluation errors, like the scalar `+`.
 */
export function callElementwise(
  name: ElementwiseFunction,
  a: Value | undefined,
  b: Value | undefined,
): ArrayValue {
  const left = arrayOperand(name, a, 'first')
  const right = arrayOperand(name, b, 'second')
  if (left.value.length !== right.value.length) {
    throw new EvaluationFailure(
      `${name}() needs arrays of equal length, got ${left.value.length} and ${right.value.length}`,
    )
  }
  const length = left.value.length
  if (left.type === 'intArray' && right.type === 'intArray') {
    const value = new BigInt64Array(length)
    for (let i = 0; i < length; i++) {
      const x = left.value[i] as bigint
      const y = right.value[i] as bigint
      const element = name === 'psum' ? x + y : pick(name, x, y)
      if (!isInt64(element)) throw new EvaluationFailure('int64 overflow')
      value[i] = element
    }
    return { type: 'intArray', value }
  }
  const value = new Float64Array(length)
  for (let i = 0; i < length; i++) {
    const x = Number(left.value[i])
    const y = Number(right.value[i])
    const element = name === 'psum' ? x + y : pick(name, x, y)
    if (!Number.isFinite(element)) throw new EvaluationFailure(`${name}() result is not finite`)
    value[i] = element
  }
  return { type: 'doubleArray', value }
}

function pick<T extends bigint | number>(name: 'pmin' | 'pmax', x: T, y: T): T {
  // Ties keep the first operand, as the scalar min/max do (ED-39); only -0/0 can tell them apart.
  if (name === 'pmin') return y < x ? y : x
  return y > x ? y : x
}

function arrayOperand(name: ElementwiseFunction, value: Value | undefined, position: string): ArrayValue {
  if (isArray(value)) return value
  throw new EvaluationFailure(`${name}() ${position} argument must be an array, got ${typeName(value)}`)
}
