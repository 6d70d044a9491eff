/**
 * Worked examples of the element-wise array functions `pmin`, `pmax`, `psum` (ED-39R), in the item
 * shorthand of expressions.md "Worked examples".
 */

import { describe, expect, it } from 'vitest'
import {
  evaluateCondition,
  evaluateUpdate,
  parseCondition,
  parseUpdate,
} from '../../../src/emulator/expressions/index.js'
import { applyChanges, expectSameItem, item, view } from './item-shorthand.js'

function update(before: string, expression: string) {
  const attributes = item(before)
  return applyChanges(
    attributes,
    evaluateUpdate(parseUpdate(expression, 'UpdateExpression'), view(attributes)),
  )
}

const ok: [string, string, string][] = [
  [
    '{"a":i64[1,5,3],"b":i64[4,2,3]}',
    'lo = pmin(a, b); hi = pmax(a, b); s = psum(a, b)',
    '{"a":i64[1,5,3],"b":i64[4,2,3],"lo":i64[1,2,3],"hi":i64[4,5,3],"s":i64[5,7,6]}',
  ],
  // A double operand makes a double array, ints converted.
  [
    '{"a":i64[1,5],"d":f64[2.5,-1.5]}',
    'lo = pmin(a, d); hi = pmax(d, a); s = psum(a, d)',
    '{"a":i64[1,5],"d":f64[2.5,-1.5],"lo":f64[1.0,-1.5],"hi":f64[2.5,5.0],"s":f64[3.5,3.5]}',
  ],
  // Slices and fresh arrays are operands too; storey's running aggregates look like the last one.
  [
    '{"a":i64[1,2,3,4]}',
    "x = psum(a[0..1], a[2..3]); y = pmax(a[1..3], init_array(3, 'int', 3))",
    '{"a":i64[1,2,3,4],"x":i64[4,6],"y":i64[3,3,4]}',
  ],
  ['{"sums":f64[1.5,0.0]}', "sums = psum(sums, init_array(2, 'double', 0.5))", '{"sums":f64[2.0,0.5]}'],
  // Array functions take the result; empty arrays give an empty array.
  [
    '{"a":i64[1,9],"b":i64[7,2]}',
    "top = max(pmax(a, b)); n = length(pmin(init_array(0, 'int'), init_array(0, 'int')))",
    '{"a":i64[1,9],"b":i64[7,2],"top":9,"n":0}',
  ],
  // The function names are case-insensitive, like every function name.
  ['{"a":i64[1],"b":i64[2]}', 'c = PSUM(a, b)', '{"a":i64[1],"b":i64[2],"c":i64[3]}'],
]

const failing: [string, string, string][] = [
  ['{"a":i64[1,2],"b":i64[1,2,3]}', 'c = psum(a, b)', 'psum() needs arrays of equal length, got 2 and 3'],
  ['{"a":i64[1,2]}', 'c = pmin(a, 3)', 'pmin() second argument must be an array, got int'],
  ['{"a":i64[1,2]}', 'c = pmax(missing, a)', 'pmax() first argument must be an array, got undefined'],
  ['{"a":i64[1,2],"s":"x"}', 'c = psum(s, a)', 'psum() first argument must be an array, got string'],
  ['{"a":b64"AAE=","b":i64[1]}', 'c = psum(a, b)', 'psum() first argument must be an array, got blob'],
  ['{"a":i64[9223372036854775807],"b":i64[1]}', 'c = psum(a, b)', 'int64 overflow'],
]

describe('pmin, pmax, psum (ED-39R)', () => {
  it.each(ok)('%s with %s', (before, expression, after) => {
    expectSameItem(update(before, expression), item(after))
  })

  it.each(failing)('%s with %s is an evaluation error', (before, expression, message) => {
    expect(() => update(before, expression)).toThrow(
      `InvalidArgumentException: evaluation error in UpdateExpression: ${message}`,
    )
  })

  it('works in conditions, where an error is an error too (not a false condition)', () => {
    const attributes = item('{"a":i64[1,5],"b":i64[4,2]}')
    const holds = (text: string) =>
      evaluateCondition(parseCondition(text, 'ConditionExpression'), view(attributes))
    expect(holds('max(pmax(a, b)) == 5 AND min(pmin(a, b)) == 1')).toBe(true)
    expect(holds('length(psum(a, b)) == 3')).toBe(false)
    expect(() => holds('length(psum(a, 1)) == 2')).toThrow(
      'evaluation error in ConditionExpression: psum() second argument must be an array, got int',
    )
  })

  it('counts as one operator each', () => {
    const calls = (n: number) => `c=${Array.from({ length: n }, () => 'psum(a,b)').join('+')}`
    // n calls, n-1 pluses and one '=': 700 operators for 350 calls, 702 for 351.
    expect(() => parseUpdate(calls(350), 'UpdateExpression')).not.toThrow()
    expect(() => parseUpdate(calls(351), 'UpdateExpression')).toThrow(
      'UpdateExpression has 702 operators, more than 700',
    )
  })
})
