/**
 * Comparisons (expressions.md "Comparison and IN"): no type conversion, numbers compared by exact
 * mathematical value across int and double, strings in UTF-8 byte order, and `false` — for `!=` too —
 * whenever the operands cannot be compared.
 */

import { compareUtf8 } from '../storage/utf8-order.js'
import type { ComparisonOperator } from './ast.js'
import type { Value } from './runtime-values.js'

/**
 * Orders two numbers of either representation exactly (JavaScript compares `bigint` with `number` by
 * mathematical value). `undefined` when either is NaN, which only a stored double-array element can be.
 */
export function compareNumbers(a: bigint | number, b: bigint | number): -1 | 0 | 1 | undefined {
  if (a < b) return -1
  if (a > b) return 1
  if (typeof a === 'number' && Number.isNaN(a)) return undefined
  if (typeof b === 'number' && Number.isNaN(b)) return undefined
  return 0
}

/** Orders two timestamps chronologically. */
export function compareTimestamps(
  a: { readonly secs: bigint; readonly nsecs: number },
  b: { readonly secs: bigint; readonly nsecs: number },
): -1 | 0 | 1 {
  if (a.secs !== b.secs) return a.secs < b.secs ? -1 : 1
  return a.nsecs === b.nsecs ? 0 : a.nsecs < b.nsecs ? -1 : 1
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Orders two values when the pair has an order (numbers, strings, timestamps), tells equality only
 * (`'equal'`/`'different'`) for booleans and blobs, and returns `undefined` for every other pair.
 */
function relate(a: Value, b: Value): -1 | 0 | 1 | 'equal' | 'different' | undefined {
  if ((a.type === 'int' || a.type === 'double') && (b.type === 'int' || b.type === 'double')) {
    return compareNumbers(a.value, b.value)
  }
  if (a.type === 'string' && b.type === 'string') {
    const order = compareUtf8(a.value, b.value)
    return order < 0 ? -1 : order > 0 ? 1 : 0
  }
  if (a.type === 'timestamp' && b.type === 'timestamp') return compareTimestamps(a, b)
  if (a.type === 'bool' && b.type === 'bool') return a.value === b.value ? 'equal' : 'different'
  if (a.type === 'blob' && b.type === 'blob') return sameBytes(a.value, b.value) ? 'equal' : 'different'
  return undefined
}

/** Evaluates `a <operator> b`; `false` whenever either side is undefined or the pair is not comparable. */
export function compareValues(
  operator: ComparisonOperator,
  a: Value | undefined,
  b: Value | undefined,
): boolean {
  if (a === undefined || b === undefined) return false
  const relation = relate(a, b)
  if (relation === undefined) return false
  if (relation === 'equal' || relation === 'different') {
    if (operator === '==') return relation === 'equal'
    if (operator === '!=') return relation === 'different'
    return false
  }
  switch (operator) {
    case '==':
      return relation === 0
    case '!=':
      return relation !== 0
    case '<':
      return relation < 0
    case '<=':
      return relation <= 0
    case '>':
      return relation > 0
    case '>=':
      return relation >= 0
  }
}
