/** Update statements: order, atomicity, arrays, type rules, system attributes (ED-31, ED-39). */

import { describe, expect, it } from 'vitest'
import {
  ExpressionEvaluationError,
  evaluateUpdate,
  parseUpdate,
} from '../../../src/emulator/expressions/index.js'
import { encodeDoubleArrayBlob, encodeIntArrayBlob } from '../../../src/emulator/kv/array-blobs.js'
import type { AttributeValue } from '../../../src/emulator/kv/values.js'
import { applyChanges, expectSameItem, item, view } from './item-shorthand.js'

function run(before: string, expression: string, system: Record<string, AttributeValue> = {}) {
  const attributes = item(before)
  const changes = evaluateUpdate(parseUpdate(expression, 'UpdateExpression'), view(attributes, system))
  return { changes, after: applyChanges(attributes, changes) }
}

function failure(before: string, expression: string): string {
  try {
    run(before, expression)
  } catch (error) {
    if (error instanceof ExpressionEvaluationError) return error.detail
    throw error
  }
  throw new Error(`no evaluation error for ${expression}`)
}

describe('update statements', () => {
  it.each([
    ['{"a":1}', "a = 'x'", '{"a":"x"}'],
    ['{"a":1}', 'a = 2.0', '{"a":2.0}'],
    ['{}', 'a = 1; b = exists(a); REMOVE a; c = exists(a)', '{"b":true,"c":false}'],
    ['{"a":1}', 'REMOVE a; a = 2', '{"a":2}'],
    ['{}', 'x = 1; REMOVE x', '{}'],
    ['{}', "a = 0:5; b = -0.0; c = 1e21; d = blob('')", '{"a":ts"0:5","b":-0.0,"c":1e21,"d":b64""}'],
    ['{"ia":i64[1,2,3]}', 'b = ia; ia[0] = 9', '{"ia":i64[9,2,3],"b":i64[1,2,3]}'],
    ['{"ia":i64[1,2,3]}', 'b = ia; b[0] = 9; b[1] = 8', '{"ia":i64[1,2,3],"b":i64[9,8,3]}'],
    ['{"ia":i64[1,2,3,4]}', 'ia[0..1] = ia[2..3]', '{"ia":i64[3,4,3,4]}'],
    ['{"ia":i64[1,2,3]}', 'ia[0..2] = ia', '{"ia":i64[1,2,3]}'],
    ['{"da":f64[0.5,0.5]}', "da[0..1] = init_array(2, 'int', 3)", '{"da":f64[3.0,3.0]}'],
    [
      '{"da":f64[0.5,0.5,0.5]}',
      'da[1..2] = 1.25; da[0] = 9223372036854775807',
      '{"da":f64[9223372036854775807.0,1.25,1.25]}',
    ],
    ['{"ia":i64[1,2]}', "ia = ia + init_array(1, 'int', 5)", '{"ia":i64[1,2,5]}'],
    ['{"ia":i64[1,2]}', "ia = ia + init_array(1, 'double')", '{"ia":f64[1.0,2.0,0.0]}'],
    ['{"c":1}', "c = if_not_exists(c, init_array(2, 'int'))", '{"c":1}'],
    ['{}', "c = if_not_exists(c, init_array(2, 'int')); c[1] = 4", '{"c":i64[0,4]}'],
    ['{}', '__hidden_1 = 1; `__x` = 2', '{"__hidden_1":1,"__x":2}'],
    ['{}', `${'a'.repeat(255)} = 1`, `{"${'a'.repeat(255)}":1}`],
  ])('%s with %s → %s', (before, expression, after) => {
    expectSameItem(run(before, expression).after, item(after))
  })

  it('reads system attributes supplied by the item view', () => {
    const { after } = run('{}', 'n = __name; s = __size + 1', {
      __name: { type: 'string', value: 'k' },
      __size: { type: 'int', value: 4n },
    })
    expectSameItem(after, item('{"n":"k","s":5}'))
  })

  it('reports removals only of attributes the item has, and sets in first-touched order', () => {
    expect(run('{"a":1,"b":2}', 'REMOVE zz; b = 3; REMOVE a; c = 1; REMOVE c; b = 4').changes).toEqual([
      { name: 'b', value: { type: 'int', value: 4n } },
      { name: 'a', value: undefined },
    ])
  })

  it('never modifies the item it reads, even the bytes of an array blob', () => {
    const attributes = item('{"ia":i64[1,2,3]}')
    const bytes = (attributes.get('ia') as { value: Uint8Array }).value
    evaluateUpdate(parseUpdate('ia[0] = 7; ia[1..2] = 8', 'UpdateExpression'), view(attributes))
    expect(bytes).toEqual(encodeIntArrayBlob(BigInt64Array.of(1n, 2n, 3n)))
  })

  it.each([
    ['{}', 'a = b', "cannot assign an undefined value to 'a'"],
    ['{"a":1}', 'REMOVE a; b = a', "cannot assign an undefined value to 'b'"],
    ['{}', "a = 'x' * 2", "cannot assign an undefined value to 'a'"],
    ['{}', 'a = 1; b = 1 / 0', 'division by zero'],
    ['{}', 'x[0] = 1', "'x' is not an existing array"],
    ['{"s":"abc"}', 's[0] = 1', "'s' is not an existing array"],
    ['{"b":b64"AAE="}', 'b[0] = 1', "'b' is not an existing array"],
    ['{"ia":i64[1,2]}', 'ia[2] = 1', "index out of range for 'ia'"],
    ['{"ia":i64[1,2]}', 'ia[-1] = 1', "index out of range for 'ia'"],
    ['{"ia":i64[1,2]}', 'ia[1..0] = 1', "index out of range for 'ia'"],
    ['{"ia":i64[1,2]}', 'ia[0..2] = 1', "index out of range for 'ia'"],
    ['{"ia":i64[1,2]}', 'ia[0.0] = 1', "index into 'ia' is not an int"],
    ['{"ia":i64[1,2]}', 'ia[nope] = 1', "index into 'ia' is not an int"],
    ['{"ia":i64[1,2]}', 'ia[0] = nope', "cannot assign an undefined value to 'ia'"],
    ['{"ia":i64[1,2]}', 'ia[0] = true', "cannot store a bool in int array 'ia'"],
    ['{"ia":i64[1,2]}', "ia[0] = 's'", "cannot store a string in int array 'ia'"],
    ['{"da":f64[1.5]}', 'da[0] = true', "cannot store a bool in double array 'da'"],
    ['{"ia":i64[1,2]}', 'ia[0..1] = 2.5', "cannot store a double in int array 'ia'"],
    [
      '{"ia":i64[1,2]}',
      "ia[0..1] = init_array(2, 'double')",
      "cannot store a double array in int array 'ia'",
    ],
    ['{"ia":i64[1,2]}', "ia[0..1] = init_array(3, 'int')", "'ia' range has 2 elements, the assigned array 3"],
    ['{"ia":i64[1,2]}', 'ia[0] = ia', "cannot store an int array in int array 'ia'"],
    ['{}', '`a b` = 1', "invalid attribute name 'a b'"],
    ['{}', 'REMOVE `1a`', "invalid attribute name '1a'"],
    ['{}', `${'a'.repeat(256)} = 1`, `invalid attribute name '${'a'.repeat(64)}…'`],
    ['{"da":f64[1.5]}', 'x = 1e308 * 10', 'double result is not finite'],
  ])('%s with %s fails: %s', (before, expression, detail) => {
    expect(failure(before, expression)).toBe(detail)
  })

  it('refuses to assign a non-finite double read from an array blob, but copies it as an element', () => {
    const attributes = item('{}')
    attributes.set('nan', { type: 'blob', value: encodeDoubleArrayBlob(Float64Array.of(Number.NaN)) })
    expect(() => evaluateUpdate(parseUpdate('x = nan[0]', 'UpdateExpression'), view(attributes))).toThrow(
      "evaluation error in UpdateExpression: cannot assign a non-finite double to 'x'",
    )
    const changes = evaluateUpdate(
      parseUpdate("y = init_array(1, 'double'); y[0] = nan[0]", 'UpdateExpression'),
      view(attributes),
    )
    expect(changes).toEqual([{ name: 'y', value: attributes.get('nan') }])
  })

  it('answers 403 for writing or removing any system attribute, in statement order', () => {
    for (const expression of [
      "__name = 'x'",
      'REMOVE __mtime_secs',
      'delete(__size)',
      '__size[0] = 1',
      'a = 1; SET __obj_type = 3',
    ]) {
      expect(() => run('{}', expression)).toThrow(
        expect.objectContaining({ status: 403, errorCode: -1, errorMessage: 'Operation not permitted' }),
      )
    }
    expect(() => run('{}', 'a = 1 / 0; __name = 1')).toThrow(ExpressionEvaluationError)
  })

  it('answers 400 -27 once the written attributes alone exceed 1.5 MiB', () => {
    const expression = "a = init_array(131070, 'int'); b = init_array(131070, 'int')"
    expect(() => run('{}', expression)).toThrow(
      expect.objectContaining({ status: 400, errorCode: -27, errorMessage: 'Item size limit exceeded' }),
    )
    expect(
      run('{}', "a = init_array(131070, 'int'); a = 1; b = init_array(131070, 'int')").changes,
    ).toHaveLength(2)
  })

  it('refuses concatenations beyond the storable sizes', () => {
    expect(failure('{}', "a = init_array(131070, 'int') + init_array(1, 'int')")).toBe(
      'array concatenation exceeds 131070 elements',
    )
    const long = `'${'x'.repeat(7000)}'`
    expect(failure('{}', `s = ${long}; s = s + s; s = s + s; s = s + s; s = s + s`)).toBe(
      'string concatenation exceeds 61200 bytes',
    )
  })
})
