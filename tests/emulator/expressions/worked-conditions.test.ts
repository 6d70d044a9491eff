/** Every condition and filter example of expressions.md "Worked examples" (rows 1–60). */

import { describe, expect, it } from 'vitest'
import {
  ExpressionEvaluationError,
  ExpressionSyntaxError,
  evaluateCondition,
  parseCondition,
} from '../../../src/emulator/expressions/index.js'
import type { AttributeValue } from '../../../src/emulator/kv/values.js'
import { item, view } from './item-shorthand.js'

type Outcome = boolean | 'evaluation error' | 'syntax error'

const int = (value: number): AttributeValue => ({ type: 'int', value: BigInt(value) })

function run(itemText: string, expression: string, system: Record<string, AttributeValue> = {}): Outcome {
  try {
    const parsed = parseCondition(expression, 'FilterExpression')
    return evaluateCondition(parsed, view(item(itemText), system))
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) return 'syntax error'
    if (error instanceof ExpressionEvaluationError) return 'evaluation error'
    throw error
  }
}

const example4 = "(age == 40) and (firstName == 'John') and NOT(State IN ('AZ','MA'))"
const example28 = "NOT exists(a) OR (exists(a) AND a == '3')"

const rows: [number, string, string, Outcome][] = [
  [1, '{"bugs":3,"Product_Name":"CarSeat"}', "(bugs < 15) AND starts(Product_Name, 'Car')", true],
  [2, '{"bugs":20,"Product_Name":"CarSeat"}', "(bugs < 15) AND starts(Product_Name, 'Car')", false],
  [3, '{"Product_Name":"CarSeat"}', "(bugs < 15) AND starts(Product_Name, 'Car')", false],
  [4, '{"age":40,"firstName":"John","State":"NY"}', example4, true],
  [5, '{"age":40,"firstName":"John","State":"MA"}', example4, false],
  [6, '{"age":40,"firstName":"John"}', example4, true],
  [7, '{"intArray":i64[1,2,3]}', 'intArray[2] == intArray[0] + intArray[1]', true],
  [8, '{"arr":i64[1,7,3]}', 'arr[0]==7 OR arr[1]==7', true],
  [
    9,
    '{"age":30,"isReleased":true,"reported":false}',
    '(age > 18) AND isReleased==true AND reported==false',
    true,
  ],
  [10, '{"ctrs":i64[1,9,2,3,4,5,6,7,8,0]}', 'max(ctrs[0..4]) > max(ctrs[5..9])', true],
  [11, '{"km":15037,"lastService":9000}', '(km >= 10000) AND (lastService < 10000)', true],
  [12, '{"State":"Attention"}', "State IN ('Broken', 'Attention')", true],
  [13, '{"genre":"R&B"}', "genre IN ('Rock', 'Blues', 'R&B')", true],
  [14, '{"a":5}', 'a==true', false],
  [15, '{"b":false}', 'b==0', false],
  [16, '{"exists":true}', '`exists` == true', true],
  [17, '{"Vendor":"Acme"}', 'exists(Vendor)', true],
  [18, '{"fullName":"Jon Snow"}', "starts(fullName, 'Jo')", true],
  [19, '{"year":"2018"}', "ends('4-Jun-2018', year)", true],
  [20, '{"rainbow":"red, orange, yellow, green, blue, indigo, violet"}', "contains(rainbow, 'yellow')", true],
  [21, '{"i":54}', 'i<55', true],
  [22, '{}', 'not(exists(state))', true],
  [23, String.raw`{"state":"{\"schema_version\":\"0.0.1\"}"}`, 'not(exists(state))', false],
  [28, '{"a":"3"}', example28, true],
  [29, '{"a":3}', example28, false],
  [30, '{}', example28, true],
  [32, '{"feature":"singing"}', "feature == 'singing'", true],
  [33, '{"age":9}', 'age > 15', false],
  [34, '{"a":5}', "a != 'x'", false],
  [35, '{}', "a != 'x'", false],
  [36, '{}', 'NOT (a == 1)', true],
  [37, '{"a":3}', 'a > 2.5', true],
  [38, '{"name":"abc"}', "name > 'Zed'", true],
  [39, '{"t":ts"1599999999:999999999"}', 't < 1600000000:0', true],
  [40, '{"x":2.0}', 'x IN (1, 2, 3)', true],
  [41, '{"color":"red"}', "color IN (5, 'red')", true],
  [42, '{"flags":6}', 'flags & 4 == 4', true],
  [43, '{"a":5}', '~a == -6', true],
  [44, '{}', '1 << 3 == 8', true],
  [45, '{"a":1,"b":3}', 'a + b * 2 == 7', true],
  [46, '{"a":5}', '-a * 2 == -10', true],
  [47, '{}', '7 / 2 == 3 AND -7 / 2 == -3 AND 7.0 / 2 == 3.5', true],
  [48, '{"a":1,"b":0}', 'a / b > 1', 'evaluation error'],
  [49, '{"a":1,"b":0}', 'b != 0 AND a / b > 1', false],
  [50, '{"a":0,"b":2,"c":3}', 'a == 1 OR b == 2 AND c == 3', true],
  [51, '{"a":1,"b":2}', 'NOT a == 1 AND b == 2', false],
  [52, '{}', 'a == b', false],
  [53, '{"s":"hello"}', "length(s) == 5 AND ends(s, 'lo')", true],
  [54, '{"isOk":true}', 'isOk', true],
  [55, '{"isOk":1}', 'isOk', false],
  [56, '{"s":"x"}', 's * 2 > 1', false],
  [57, '{}', 'a < b < c', 'syntax error'],
  [58, '{}', 'a = 1', 'syntax error'],
  [59, '{}', 'color == "red"', 'syntax error'],
  [60, '{}', 'a == 1 && b == 2', 'syntax error'],
]

describe('expressions.md worked examples: conditions', () => {
  it.each(rows)('#%i %s: %s → %s', (_n, itemText, expression, expected) => {
    expect(run(itemText, expression)).toBe(expected)
  })

  // Rows whose item is an object described in words: its system attributes come from the handler.
  const shard = { __obj_type: int(3), __name: { type: 'string', value: '0' } } as const
  const ordinary = { __obj_type: int(1), __name: { type: 'string', value: 'louise' } } as const
  const mtime = { __mtime_secs: int(1581605100), __mtime_nsecs: int(498349956) }
  const later = { __mtime_secs: int(1581605100), __mtime_nsecs: int(498349957) }

  it('#24 a stream shard object: __obj_type == 3 is true', () => {
    expect(run('{}', '__obj_type == 3', shard)).toBe(true)
  })
  it('#25 an ordinary item: __obj_type == 3 is false', () => {
    expect(run('{}', '__obj_type == 3', ordinary)).toBe(false)
  })
  it('#26 the mtime condition of the Go SDK is true, and false after a later write', () => {
    const condition = '(__mtime_nsecs == 498349956) AND (__mtime_secs == 1581605100)'
    expect(run('{}', condition, mtime)).toBe(true)
    expect(run('{}', condition, later)).toBe(false)
  })
  it('#27 the verifier header text is a valid condition', () => {
    expect(run('{}', '__mtime_secs==1581605100 and __mtime_nsecs==498349956', mtime)).toBe(true)
    expect(run('{}', '__mtime_secs==1581605100 and __mtime_nsecs==498349956', later)).toBe(false)
  })
  it('#31 an item named cpu.host1: starts(__name, "cpu")', () => {
    expect(run('{}', "starts(__name, 'cpu')", { __name: { type: 'string', value: 'cpu.host1' } })).toBe(true)
  })
})
