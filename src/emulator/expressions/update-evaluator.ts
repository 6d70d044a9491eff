/**
 * Runs update statements on a {@link WorkingCopy} (expressions.md "Update statements", ED-31, ED-39):
 * whole-attribute, element and slice assignments and removals, with the checks that make a statement
 * an evaluation error or a 403.
 */

import { notPermitted } from '../api-error.js'
import { isSystemAttributeName, isValidAttributeName } from '../kv/attribute-names.js'
import { abbreviate } from '../kv/message-text.js'
import { utf8Length } from '../kv/unicode.js'
import { MAX_BLOB_BYTES, MAX_STRING_BYTES } from '../kv/values.js'
import type { AssignStatement, Statement } from './ast.js'
import { EvaluationFailure } from './errors.js'
import { arrayUnits, extent } from './evaluation-cost.js'
import { evaluate, indexOf } from './evaluator.js'
import { type ArrayValue, isArray, typeName, type Value } from './runtime-values.js'
import type { WorkingCopy } from './working-copy.js'

/** Runs the statements in order on `copy`; the first failure aborts (the caller then discards `copy`). */
export function runStatements(statements: readonly Statement[], copy: WorkingCopy): void {
  for (const statement of statements) {
    const name = statement.kind === 'remove' ? statement.name : statement.target.name
    checkWritable(name)
    if (statement.kind === 'remove') copy.remove(name)
    else assign(statement, copy)
  }
}

function checkWritable(name: string): void {
  if (isSystemAttributeName(name)) throw notPermitted()
  if (!isValidAttributeName(name)) throw new EvaluationFailure(`invalid attribute name '${abbreviate(name)}'`)
}

function assign(statement: AssignStatement, copy: WorkingCopy): void {
  const { target } = statement
  const name = abbreviate(target.name)
  if (target.kind === 'attribute') {
    const value = evaluate(statement.value, copy)
    // Storing a string measures its UTF-8 size twice (limit and item size) besides the copy's charge.
    if (value?.type === 'string') copy.meter.charge(2 * extent(value))
    copy.assign(target.name, storable(name, value))
    return
  }
  const from = indexOf(evaluate(target.kind === 'element' ? target.index : target.from, copy))
  const to = target.kind === 'element' ? from : indexOf(evaluate(target.to, copy))
  const value = evaluate(statement.value, copy)
  const array = copy.read(target.name)
  if (!isArray(array)) throw new EvaluationFailure(`'${name}' is not an existing array`)
  if (from === undefined || to === undefined)
    throw new EvaluationFailure(`index into '${name}' is not an int`)
  if (from < 0 || from > to || to >= array.value.length)
    throw new EvaluationFailure(`index out of range for '${name}'`)
  if (value === undefined) throw new EvaluationFailure(`cannot assign an undefined value to '${name}'`)
  const count = to - from + 1
  copy.meter.charge(arrayUnits(count))
  checkElements(name, array, value, target.kind === 'slice' ? count : undefined)
  // Checked before the copy, so that a bad value is reported rather than the copy's size limit.
  writeElements(copy.writableArray(target.name) as ArrayValue, from, count, value)
}

/** Checks that a whole-attribute value can be stored. */
function storable(name: string, value: Value | undefined): Value {
  if (value === undefined) throw new EvaluationFailure(`cannot assign an undefined value to '${name}'`)
  if (value.type === 'double' && !Number.isFinite(value.value)) {
    throw new EvaluationFailure(`cannot assign a non-finite double to '${name}'`)
  }
  if (value.type === 'string' && utf8Length(value.value) > MAX_STRING_BYTES) {
    throw new EvaluationFailure(`string assigned to '${name}' exceeds ${MAX_STRING_BYTES} bytes`)
  }
  if (value.type === 'blob' && value.value.length > MAX_BLOB_BYTES) {
    throw new EvaluationFailure(`blob assigned to '${name}' exceeds ${MAX_BLOB_BYTES} bytes`)
  }
  return value
}

/**
 * Checks what may be written into `array`: for one element (`sliceLength` undefined) a scalar; for a
 * slice the scalar to repeat, or an array of exactly `sliceLength` elements. An int array takes only
 * ints; a double array takes ints (converted) and doubles.
 */
function checkElements(name: string, array: ArrayValue, value: Value, sliceLength: number | undefined): void {
  if (isArray(value) && sliceLength !== undefined) {
    if (value.value.length !== sliceLength) {
      throw new EvaluationFailure(
        `'${name}' range has ${sliceLength} elements, the assigned array ${value.value.length}`,
      )
    }
    if (array.type === 'intArray' && value.type !== 'intArray') {
      throw new EvaluationFailure(`cannot store ${withArticle(typeName(value))} in int array '${name}'`)
    }
    return
  }
  const fits = value.type === 'int' || (array.type === 'doubleArray' && value.type === 'double')
  if (!fits) {
    throw new EvaluationFailure(
      `cannot store ${withArticle(typeName(value))} in ${typeName(array)} '${name}'`,
    )
  }
}

/** Writes `count` elements from `from` on: the checked array's elements, or the checked scalar repeated. */
function writeElements(target: ArrayValue, from: number, count: number, value: Value): void {
  if (isArray(value)) {
    if (target.type === 'intArray') target.value.set(value.value as BigInt64Array, from)
    else for (let i = 0; i < count; i++) target.value[from + i] = Number(value.value[i])
    return
  }
  // checkElements let only ints, and doubles into double arrays, through.
  const scalar = (value as Extract<Value, { type: 'int' | 'double' }>).value
  if (target.type === 'intArray') target.value.fill(scalar as bigint, from, from + count)
  else target.value.fill(Number(scalar), from, from + count)
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`
}
