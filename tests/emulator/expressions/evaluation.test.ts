/** Types, operators, functions, undefined and evaluation errors of conditions (ED-10, ED-39). */

import { describe, expect, it } from 'vitest'
import {
  ExpressionEvaluationError,
  evaluateCondition,
  parseCondition,
} from '../../../src/emulator/expressions/index.js'
import { encodeDoubleArrayBlob } from '../../../src/emulator/kv/array-blobs.js'
import { item, view } from './item-shorthand.js'

const attributes = item(
  '{"i":5,"big":9223372036854775807,"d":2.5,"s":"hello","t":true,"f":false,"ts":ts"1600000000:5","b":b64"AAE=","ia":i64[3,1,2],"da":f64[1.5,-0.5],"empty":i64[]}',
)
attributes.set('nan', { type: 'blob', value: encodeDoubleArrayBlob(Float64Array.of(Number.NaN, 1)) })

function check(expression: string): boolean | string {
  try {
    return evaluateCondition(parseCondition(expression, 'ConditionExpression'), view(attributes))
  } catch (error) {
    if (error instanceof ExpressionEvaluationError) return `error: ${error.detail}`
    throw error
  }
}

const cases: [string, boolean | string][] = [
  // int64 arithmetic and overflow (ED-10)
  ['big == 9223372036854775807', true],
  ['big + 1 > 0', 'error: int64 overflow'],
  ['-big - 2 < 0', 'error: int64 overflow'],
  ['-big - 1 == -9223372036854775808', true],
  ['4611686018427387904 * 2 > 0', 'error: int64 overflow'],
  ['-(-9223372036854775808) > 0', 'error: int64 overflow'],
  ['-9223372036854775808 / -1 > 0', 'error: int64 overflow'],
  ['-9223372036854775808 / 1 == -9223372036854775808', true],
  ['7 / -2 == -3 AND -7 / -2 == 3', true],
  ['i / 0 > 0', 'error: division by zero'],
  ['d / 0 > 0', 'error: division by zero'],
  ['i / 0.0 > 0', 'error: division by zero'],
  ['i / -0.0 > 0', 'error: division by zero'],
  ['1e308 * 10 > 0', 'error: double result is not finite'],
  ['-1e308 - 1e308 < 0', 'error: double result is not finite'],
  ['i + d == 7.5 AND i * d == 12.5 AND d - i == -2.5', true],
  ['9007199254740993 == 9007199254740992.0', false],
  ['9007199254740992 == 9007199254740992.0', true],
  ['9007199254740993 > 9007199254740992.0', true],
  ['0 == -0.0', true],
  // booleans in arithmetic, not in comparisons
  ['t + t == 2 AND t * 5 == 5 AND f - 1 == -1 AND -t == -1', true],
  ['t + 0.5 == 1.5', true],
  ['t == 1', false],
  ['t > f', false],
  ['t != f AND t == true AND NOT t != true', true],
  // bitwise
  ['~i == -6 AND ~t == -2 AND i & 4 == 4 AND i | 2 == 7 AND i ^ 1 == 4', true],
  ['1 << 63 == -9223372036854775808', true],
  ['3 << 63 == -9223372036854775808', true],
  ['-8 >> 1 == -4 AND -1 >> 63 == -1 AND big >> 62 == 1', true],
  ['1 << 64 == 0', 'error: shift count 64 is outside 0 … 63'],
  ['1 >> -1 == 0', 'error: shift count -1 is outside 0 … 63'],
  ["'a' << 99 == 0", false],
  ['d & 1 == 0', false],
  ['~d == 0 OR ~d != 0', false],
  // undefined propagation
  ['missing + 1 == 1 OR missing + 1 != 1', false],
  ['NOT missing + 1 == 1', true],
  ['ts + 1 > ts', false],
  ["s - 'h' == 'ello'", false],
  ['-s == s OR -s != s', false],
  ['s[0] == s[0]', false],
  // comparisons without conversion
  ["s == 'hello' AND s != 'Hello' AND s > 'Zebra' AND s < 'help'", true],
  ["'\uFFFF' < '😀'", true],
  ['s == 5 OR s != 5 OR s < 5 OR s > 5 OR s == true OR s != true', false],
  ['ts == 1600000000:5 AND ts > 1600000000:4 AND ts < 1600000001:0 AND ts != 0:0', true],
  ["b == blob('AAE') AND b != blob('AAI=') AND NOT b < blob('AAI=') AND NOT b >= b", true],
  ['ia == ia OR ia != ia OR ia[0..2] == ia', false],
  ["b == 'AAE='", false],
  // IN
  ['i IN (1, 5.0, 9) AND d IN (2.5) AND NOT i IN (6)', true],
  ["missing IN (1, 'x') OR NOT missing IN (1, 'x')", true],
  ['i IN (1, 1 / 0)', 'error: division by zero'],
  // logic: only true is true, short-circuit
  ['i OR s OR ts', false],
  ['NOT i', true],
  ['t AND t AND NOT f', true],
  ['t OR 1 / 0 == 1', true],
  ['f AND 1 / 0 == 1', false],
  ['f OR 1 / 0 == 1', 'error: division by zero'],
  ['if_else(t, 1, 1 / 0) == 1 AND if_else(i, 1 / 0, 2) == 2', true],
  ['if_not_exists(i, 1 / 0) == 5 AND if_not_exists(nope, 7) == 7', true],
  // array elements and slices
  ['ia[0] == 3 AND ia[2] == 2 AND da[1] == -0.5 AND ia[i - 4] == 1', true],
  ['ia[3] == ia[3] OR ia[-1] == ia[-1] OR ia[1.0] == 1 OR ia[t] == 1 OR s[0] == s[0]', false],
  ['ia[1 / 0] == 0', 'error: division by zero'],
  ['missing[1 / 0] == 0', 'error: division by zero'],
  ['length(ia[0..2]) == 3 AND length(ia[1..1]) == 1 AND max(ia[1..2]) == 2', true],
  ['length(ia[2..1]) >= 0 OR length(ia[0..3]) >= 0 OR length(ia[-1..0]) >= 0', false],
  // functions
  ["starts(s, '') AND ends(s, 'llo') AND contains(s, 'ell') AND NOT contains(s, 'L')", true],
  ["starts(i, '5') OR ends(missing, '') OR contains(b, 'A')", false],
  [
    "length('😀é') == 2 AND length(b) == 2 AND length(ia) == 3 AND length(empty) == 0 AND length(s + s) == 10",
    true,
  ],
  ['length(i) >= 0 OR length(missing) >= 0 OR length(ts) >= 0', false],
  ['max(ia) == 3 AND min(ia) == 1 AND max(da) == 1.5 AND min(da) == -0.5', true],
  ['max(empty) == max(empty) OR max(i) == 5 OR max(s) == s', false],
  ["max('a', 'b') == 'b' AND min('a', 'b') == 'a' AND max(ts, 0:0) == ts AND min(ts, 0:0) == 0:0", true],
  ['max(s, 1) == 1 OR max(s, 1) != 1 OR min(ts, 1) == 1 OR max(missing, 1) == 1 OR max(ia, ia) == ia', false],
  ['max(1.5, t) == 1.5 AND max(t, 1) == true AND min(0, f) == 0', true],
  ["length(init_array(0, 'int')) == 0 AND length(init_array(131070, 'DOUBLE')) == 131070", true],
  ["max(init_array(2, 'int', 7)) == 7 AND max(init_array(2, 'double', 7)) == 7.0", true],
  ["length(init_array(2, 'float')) == 2", "error: init_array type must be 'int' or 'double', not 'float'"],
  ["length(init_array(131071, 'int')) == 2", 'error: init_array size 131071 is outside 0 … 131070'],
  ["length(init_array(-1, 'int')) == 2", 'error: init_array size -1 is outside 0 … 131070'],
  ["length(init_array(2.0, 'int')) == 2", 'error: init_array size must be an int'],
  ["length(init_array(missing, 'int')) == 2", 'error: init_array size must be an int'],
  ["length(init_array(2, 'int', 1.5)) == 2", 'error: init_array fill value of an int array must be an int'],
  ["length(init_array(2, 'int', t)) == 2", 'error: init_array fill value of an int array must be an int'],
  [
    "length(init_array(2, 'double', 's')) == 2",
    'error: init_array fill value of a double array must be a number',
  ],
  // concatenation
  ["s + ', ' + s == 'hello, hello'", true],
  ["b + blob('AgM=') == blob('AAECAw==')", true],
  ['length(ia + da) == 5 AND max(ia + da) == 3.0 AND min(ia + ia) == 1', true],
  ['s + 1 == s OR s + 1 != s OR b + s == b OR ia + 1 == ia OR ia + b == ia', false],
  // NaN elements of stored double arrays compare as nothing and fail arithmetic
  ['nan[0] == nan[0] OR nan[0] != nan[0] OR nan[0] < 1 OR nan[0] >= 1', false],
  ['nan[0] + 1 > 0', 'error: double result is not finite'],
  ['max(nan) == max(nan) OR max(nan) >= 1 OR min(nan) < 1', false],
]

describe('condition evaluation', () => {
  it.each(cases)('%s → %s', (expression, expected) => {
    expect(check(expression)).toBe(expected)
  })

  it('answers evaluation errors with the exact message of the contract', () => {
    expect(() =>
      evaluateCondition(parseCondition('a / b > 1', 'FilterExpression'), view(item('{"a":1,"b":0}'))),
    ).toThrow('InvalidArgumentException: evaluation error in FilterExpression: division by zero')
    try {
      evaluateCondition(parseCondition('a / 0 > 1', 'ConditionExpression'), view(item('{"a":1}')))
    } catch (error) {
      expect(error).toMatchObject({ status: 400, errorCode: -201326592, member: 'ConditionExpression' })
    }
  })

  it('treats every attribute of a missing item as missing', () => {
    const none = { get: () => undefined }
    const run = (text: string) => evaluateCondition(parseCondition(text, 'ConditionExpression'), none)
    expect(run('not(exists(x))')).toBe(true)
    expect(run('x == 1')).toBe(false)
    expect(run('__mtime_secs == 0')).toBe(false)
    expect(run('')).toBe(true)
  })

  it('caches nothing between evaluations: one parse serves many items', () => {
    const parsed = parseCondition('a > 1', 'FilterExpression')
    expect(evaluateCondition(parsed, view(item('{"a":2}')))).toBe(true)
    expect(evaluateCondition(parsed, view(item('{"a":0}')))).toBe(false)
    expect(evaluateCondition(parsed, view(item('{"a":"z"}')))).toBe(false)
  })
})
