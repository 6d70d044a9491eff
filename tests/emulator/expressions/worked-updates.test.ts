/** Every update example of expressions.md "Worked examples" (rows 61–114). */

import { describe, expect, it } from 'vitest'
import { ApiError } from '../../../src/emulator/api-error.js'
import {
  ExpressionEvaluationError,
  ExpressionSyntaxError,
  evaluateCondition,
  evaluateUpdate,
  parseCondition,
  parseUpdate,
} from '../../../src/emulator/expressions/index.js'
import { applyChanges, expectSameItem, item, view } from './item-shorthand.js'

/** Runs an update on a shorthand item and returns the item after, in shorthand-comparable form. */
function update(before: string, expression: string) {
  const attributes = item(before)
  return applyChanges(
    attributes,
    evaluateUpdate(parseUpdate(expression, 'UpdateExpression'), view(attributes)),
  )
}

const ok: [number, string, string, string][] = [
  [61, '{"miles":500}', 'SET miles = miles + 1000', '{"miles":1500}'],
  [62, '{"miles":1500,"x":1}', 'REMOVE miles', '{"x":1}'],
  [
    63,
    '{}',
    'produce=20000; dairy=15000; sum = produce + dairy',
    '{"produce":20000,"dairy":15000,"sum":35000}',
  ],
  [
    64,
    '{}',
    "SET rainbow='red, orange, yellow, green, blue, indigo, violet'",
    '{"rainbow":"red, orange, yellow, green, blue, indigo, violet"}',
  ],
  [
    65,
    '{}',
    "SET name='Alexander Bell'; country='Scotland'; isMarried=true; numChildren=4",
    '{"name":"Alexander Bell","country":"Scotland","isMarried":true,"numChildren":4}',
  ],
  [66, '{}', 'SET ctr = if_not_exists(ctr,0) + 1;', '{"ctr":1}'],
  [67, '{"ctr":1}', 'SET ctr = if_not_exists(ctr,0) + 1;', '{"ctr":2}'],
  [
    68,
    '{"color":"blue"}',
    "SET color = if_not_exists(color, 'red'); SET updated = if_not_exists(updated, true)",
    '{"color":"blue","updated":true}',
  ],
  [69, '{"a":1,"b":2}', 'temp=b; b=a; a=temp; REMOVE temp', '{"a":2,"b":1}'],
  [70, '{}', "SET counters = init_array(5, 'int')", '{"counters":i64[0,0,0,0,0]}'],
  [
    71,
    '{"myArray":i64[1,2,3,4,5,6]}',
    'smallArray = myArray[0..4]',
    '{"myArray":i64[1,2,3,4,5,6],"smallArray":i64[1,2,3,4,5]}',
  ],
  [
    72,
    '{"arr":i64[0,0,0,0]}',
    'arr[2]=-1; arr[0]=6; arr[1]=7; arr[3]=arr[0]+arr[2]*arr[1]',
    '{"arr":i64[6,7,-1,-1]}',
  ],
  [73, '{}', "arr=init_array(3, 'int'); arr[1]=1; arr[2]=arr[1]+1;", '{"arr":i64[0,1,2]}'],
  [
    74,
    '{"i":2,"arrFibonacci":i64[0,1,1,0,0]}',
    'i=i+1; arrFibonacci[i] = arrFibonacci[i-1] + arrFibonacci[i-2];',
    '{"i":3,"arrFibonacci":i64[0,1,1,2,0]}',
  ],
  [75, '{"a":5,"b":false}', 'c = (a==5)*4 + b', '{"a":5,"b":false,"c":4}'],
  [
    76,
    '{}',
    "res=(1 in (1,2,3,4,5))*10 + (starts('abc','xx'))*100 + (ends('abc','bc'))*1000 + (contains('abxxc','xx'))*100000;",
    '{"res":101010}',
  ],
  [
    77,
    '{}',
    "SET manager='Jackson S.'; SET expenses = if_not_exists(expenses,0);",
    '{"manager":"Jackson S.","expenses":0}',
  ],
  [
    78,
    '{"attr1":5,"attr2":1,"attr3":6}',
    'm = max(attr1, attr2+attr3); n = min(attr1, attr2+attr3)',
    '{"attr1":5,"attr2":1,"attr3":6,"m":7,"n":5}',
  ],
  [79, '{}', 'a = max(1.0, 9); b = min(1, 9.0)', '{"a":9.0,"b":1.0}'],
  [80, '{}', 'a = max(1==1, 1==2); b = max(1==1, 0); c = max(1==1, 3)', '{"a":true,"b":true,"c":3}'],
  [81, '{}', 'a = min(1==1, 1==2); b = min(1==2, 1); c = min(1==1, 0)', '{"a":false,"b":false,"c":0}'],
  [
    82,
    '{"myArray":i64[7,13,5,1]}',
    'a = length(myArray); b = length(myArray[2..3]); c = max(myArray); d = max(myArray[2..3]); e = min(myArray); f = min(myArray[1..2])',
    '{"myArray":i64[7,13,5,1],"a":4,"b":2,"c":13,"d":5,"e":1,"f":5}',
  ],
  [
    83,
    '{"mystr":"Hello World!"}',
    "n = length('abc' + 'efg'); m = length(mystr)",
    '{"mystr":"Hello World!","n":6,"m":12}',
  ],
  [84, '{}', 'SET myattr = 4 + 5;', '{"myattr":9}'],
  [85, '{}', "SET lastName = if_not_exists(lastName, '')", '{"lastName":""}'],
  [86, '{"ctr":2,"km":i64[10,20,30,40,50]}', 'x = km[ctr+1]', '{"ctr":2,"km":i64[10,20,30,40,50],"x":40}'],
  [
    88,
    '{"list_with_ints":i64[1,2,3]}',
    'list_with_ints[1]=list_with_ints[1]*2',
    '{"list_with_ints":i64[1,4,3]}',
  ],
  [
    89,
    '{"list_with_floats":f64[10.25,20.25,30.25]}',
    'list_with_floats[1]=list_with_floats[1]*2',
    '{"list_with_floats":f64[10.25,40.5,30.25]}',
  ],
  [90, '{}', "v=if_not_exists(v,blob('')) + blob('AAE=')", '{"v":b64"AAE="}'],
  [91, '{"v":b64"AAE="}', "v=if_not_exists(v,blob('')) + blob('AAE=')", '{"v":b64"AAEAAQ=="}'],
  [92, '{"tmp":1,"x":2}', 'delete(tmp)', '{"x":2}'],
  [93, '{}', 't = if_not_exists(t, 0:0)', '{"t":ts"0:0"}'],
  [94, '{}', "x = init_array(3, 'double', 1.5)", '{"x":f64[1.5,1.5,1.5]}'],
  [95, '{"a":7}', "y = if_else(a > 5, 'big', 'small')", '{"a":7,"y":"big"}'],
  [96, '{}', "y = if_else(a > 5, 'big', 'small')", '{"y":"small"}'],
  [97, '{}', 'x = 7 / 2; y = 7 / 2.0; z = -7 / 2', '{"x":3,"y":3.5,"z":-3}'],
  [98, '{}', 'x = 2 + 3 * 4 - 1; y = (2 + 3) * 4; z = 1 << 2 + 1', '{"x":13,"y":20,"z":8}'],
  [99, '{"name":"Ann"}', "s = 'Hello, ' + name", '{"name":"Ann","s":"Hello, Ann"}'],
  [100, '{"d":f64[0.5]}', 'd[0] = 2', '{"d":f64[2.0]}'],
  [101, '{"arr":i64[0,0,0,0]}', 'arr[1..2] = 9', '{"arr":i64[0,9,9,0]}'],
  [102, '{}', 'a = -9223372036854775808', '{"a":-9223372036854775808}'],
  [103, '{}', 'ok = 5 > 3', '{"ok":true}'],
  [104, '{}', '`set` = 1; `max` = 2', '{"set":1,"max":2}'],
  [105, '{"x":1}', 'REMOVE nothere', '{"x":1}'],
  [106, '{}', '', '{}'],
]

const failing: [number, string, string, 'evaluation error' | 'syntax error' | 403][] = [
  [107, '{}', 'a = b + 1', 'evaluation error'],
  [108, '{}', 'a = 9223372036854775807; a = a + 1', 'evaluation error'],
  [109, '{"arr":i64[0,0,0]}', 'arr[5] = 1', 'evaluation error'],
  [110, '{"arr":i64[0,0,0]}', 'arr[0] = 1.5', 'evaluation error'],
  [111, '{"x":1}', "__name = 'x'", 403],
  [112, '{}', "s = 'it''s'", 'syntax error'],
  [113, '{}', 'SET a = 1, b = 2', 'syntax error'],
  [114, '{}', 'h = 0x10', 'syntax error'],
]

describe('expressions.md worked examples: updates', () => {
  it.each(ok)('#%i %s with %s', (_n, before, expression, after) => {
    expectSameItem(update(before, expression), item(after))
  })

  it('#87 age = age + 1 under the condition age > 1', () => {
    const attributes = item('{"age":9}')
    expect(evaluateCondition(parseCondition('age > 1', 'ConditionExpression'), view(attributes))).toBe(true)
    expectSameItem(update('{"age":9}', 'age = age + 1'), item('{"age":10}'))
  })

  it.each(failing)('#%i %s with %s fails: %s', (_n, before, expression, expected) => {
    let caught: unknown
    try {
      update(before, expression)
    } catch (error) {
      caught = error
    }
    if (expected === 'evaluation error') expect(caught).toBeInstanceOf(ExpressionEvaluationError)
    else if (expected === 'syntax error') expect(caught).toBeInstanceOf(ExpressionSyntaxError)
    else expect(caught).toMatchObject({ status: 403, errorCode: -1, errorMessage: 'Operation not permitted' })
    expect(caught).toBeInstanceOf(ApiError)
  })

  it('#113 reports the comma at offset 9, as the contract shows', () => {
    expect(() => parseUpdate('SET a = 1, b = 2', 'UpdateExpression')).toThrow(
      "InvalidArgumentException: syntax error in UpdateExpression at offset 9: unexpected ','",
    )
  })

  it('#108 changes nothing: the first statement is not written either', () => {
    // evaluateUpdate throws before returning any change, so the caller has nothing to apply.
    expect(() =>
      evaluateUpdate(parseUpdate('a = 9223372036854775807; a = a + 1', 'UpdateExpression'), view(item('{}'))),
    ).toThrow('InvalidArgumentException: evaluation error in UpdateExpression: int64 overflow')
  })
})
