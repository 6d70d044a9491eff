/**
 * Evaluates expression trees against an attribute scope (expressions.md "Missing attributes",
 * "Undefined values and evaluation errors"). Missing attributes and ill-typed operations give
 * `undefined`; only `AND`, `OR`, `if_else` and `if_not_exists` skip operands, everything else evaluates
 * all of its operands left to right (so an error in an operand is raised even when another operand is
 * undefined).
 */

import { arithmetic, bitwise, complement, negate } from './arithmetic.js'
import type { Expression } from './ast.js'
import { compareValues } from './comparison.js'
import { callFunction, elementAt, initArray } from './functions.js'
import { isArray, type Value } from './runtime-values.js'

/** Where attribute names are looked up while evaluating. */
export interface Scope {
  /** The attribute's value as expressions see it, or `undefined` when the attribute does not exist. */
  read(name: string): Value | undefined
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
      return operator === '+' || operator === '-' || operator === '*' || operator === '/'
        ? arithmetic(operator, left, right)
        : bitwise(operator, left, right)
    }
    case 'comparison': {
      const left = evaluate(expression.left, scope)
      return bool(compareValues(expression.operator, left, evaluate(expression.right, scope)))
    }
    case 'in': {
      const operand = evaluate(expression.operand, scope)
      let found = false
      for (const member of expression.list) {
        if (compareValues('==', operand, evaluate(member, scope))) found = true
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
      return initArray(size, expression.elementType, fill, expression.fill !== undefined)
    }
    case 'call':
      return callFunction(
        expression.name,
        expression.args.map((arg) => evaluate(arg, scope)),
      )
  }
}
