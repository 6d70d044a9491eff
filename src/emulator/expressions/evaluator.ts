/**
 * Evaluates expression trees against an attribute scope (expressions.md "Missing attributes",
 * "Undefined values and evaluation errors"). Missing attributes and ill-typed operations give
 * `undefined`; only `AND`, `OR`, `if_else` and `if_not_exists` skip operands, everything else evaluates
 * all of its operands left to right (so an error in an operand is raised even when another operand is
 * undefined). Every node, and before it runs every step whose work grows with its operands, is charged
 * to the scope's meter (evaluation-cost.ts), so that no evaluation runs unbounded.
 */

import { arithmetic, bitwise, complement, negate } from './arithmetic.js'
import type { Expression } from './ast.js'
import { compareValues } from './comparison.js'
import {
  arrayUnits,
  type CostMeter,
  callUnits,
  comparisonUnits,
  concatenationUnits,
  initArrayUnits,
  NODE_UNITS,
} from './evaluation-cost.js'
import { callFunction, elementAt, initArray } from './functions.js'
import { isArray, type Value } from './runtime-values.js'

/** Where attribute names are looked up while evaluating. */
export interface Scope {
  /** The attribute's value as expressions see it, or `undefined` when the attribute does not exist. */
  read(name: string): Value | undefined
  /** The budget this evaluation's work is charged to. */
  readonly meter: CostMeter
}

/** Only the boolean `true` is true; `false`, undefined and every other value are false. */
export function isTrue(value: Value | undefined): boolean {
  return value?.type === 'bool' && value.value
}

function bool(value: boolean): Value {
  return { type: 'bool', value }
}

/** An index as a JavaScript number, when `value` is an int. */
export function indexOf(value: Value | undefined): number | undefined {
  if (value?.type !== 'int') return undefined
  // Indices beyond the safe range are out of range for any array anyway.
  return value.value < -1n ? -1 : value.value > 2n ** 32n ? 2 ** 32 : Number(value.value)
}

/** Evaluates `expression`; throws `EvaluationFailure` for evaluation errors. */
export function evaluate(expression: Expression, scope: Scope): Value | undefined {
  const { meter } = scope
  meter.charge(NODE_UNITS)
  switch (expression.kind) {
    case 'literal':
      return expression.value
    case 'attribute':
      return scope.read(expression.name)
    case 'element': {
      const array = scope.read(expression.name)
      const index = indexOf(evaluate(expression.index, scope))
      if (!isArray(array) || index === undefined || index < 0 || index >= array.value.length) return undefined
      return elementAt(array, index)
    }
    case 'slice': {
      const array = scope.read(expression.name)
      const from = indexOf(evaluate(expression.from, scope))
      const to = indexOf(evaluate(expression.to, scope))
      if (!isArray(array) || from === undefined || to === undefined) return undefined
      if (from < 0 || from > to || to >= array.value.length) return undefined
      meter.charge(arrayUnits(to - from + 1))
      return array.type === 'intArray'
        ? { type: 'intArray', value: array.value.slice(from, to + 1) }
        : { type: 'doubleArray', value: array.value.slice(from, to + 1) }
    }
    case 'unary': {
      const operand = evaluate(expression.operand, scope)
      return expression.operator === '-' ? negate(operand) : complement(operand)
    }
    case 'binary': {
      const left = evaluate(expression.left, scope)
      const right = evaluate(expression.right, scope)
      const { operator } = expression
      if (operator === '+') meter.charge(concatenationUnits(left, right))
      return operator === '+' || operator === '-' || operator === '*' || operator === '/'
        ? arithmetic(operator, left, right)
        : bitwise(operator, left, right)
    }
    case 'comparison': {
      const left = evaluate(expression.left, scope)
      const right = evaluate(expression.right, scope)
      meter.charge(comparisonUnits(left, right))
      return bool(compareValues(expression.operator, left, right))
    }
    case 'in': {
      const operand = evaluate(expression.operand, scope)
      let found = false
      for (const member of expression.list) {
        const value = evaluate(member, scope)
        meter.charge(comparisonUnits(operand, value))
        if (compareValues('==', operand, value)) found = true
      }
      return bool(found)
    }
    case 'not':
      return bool(!isTrue(evaluate(expression.operand, scope)))
    case 'and':
      return bool(expression.operands.every((operand) => isTrue(evaluate(operand, scope))))
    case 'or':
      return bool(expression.operands.some((operand) => isTrue(evaluate(operand, scope))))
    case 'exists':
      return bool(scope.read(expression.name) !== undefined)
    case 'ifNotExists':
      return scope.read(expression.name) ?? evaluate(expression.fallback, scope)
    case 'ifElse':
      return isTrue(evaluate(expression.condition, scope))
        ? evaluate(expression.whenTrue, scope)
        : evaluate(expression.whenFalse, scope)
    case 'initArray': {
      const size = evaluate(expression.size, scope)
      const fill = expression.fill === undefined ? undefined : evaluate(expression.fill, scope)
      meter.charge(initArrayUnits(size))
      return initArray(size, expression.elementType, fill, expression.fill !== undefined)
    }
    case 'call': {
      const args = expression.args.map((arg) => evaluate(arg, scope))
      meter.charge(callUnits(expression.name, args))
      return callFunction(expression.name, args)
    }
  }
}
