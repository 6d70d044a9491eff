/** Lexical rules, grammar, precedence, limits and the exact syntax-error answers (ED-9, ED-18, ED-39). */

import { describe, expect, it } from 'vitest'
import {
  ExpressionLimitError,
  ExpressionSyntaxError,
  parseCondition,
  parseUpdate,
} from '../../../src/emulator/expressions/index.js'

const condition = (text: string) => parseCondition(text, 'FilterExpression')
const tree = (text: string) =>
  JSON.parse(JSON.stringify(condition(text).root, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)))

function syntaxError(text: string, update = false): { offset: number; detail: string; message: string } {
  try {
    if (update) parseUpdate(text, 'UpdateExpression')
    else condition(text)
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      expect(error).toMatchObject({ status: 400, errorCode: -201326592 })
      return { offset: error.offset, detail: error.detail, message: error.errorMessage }
    }
    throw error
  }
  throw new Error(`no syntax error for ${text}`)
}

function limitError(text: string, update = false): string {
  try {
    if (update) parseUpdate(text, 'UpdateExpression')
    else condition(text)
  } catch (error) {
    if (error instanceof ExpressionLimitError) {
      expect(error).toMatchObject({ status: 400, errorCode: -201326592 })
      return error.errorMessage
    }
    throw error
  }
  throw new Error(`no limit error for ${text}`)
}

describe('syntax errors', () => {
  it('uses the exact message of the contract', () => {
    expect(syntaxError('age > 15 )').message).toBe(
      "InvalidArgumentException: syntax error in FilterExpression at offset 9: unexpected ')'",
    )
    expect(() => parseCondition('a = 1', 'ConditionExpression')).toThrow(
      "InvalidArgumentException: syntax error in ConditionExpression at offset 2: unexpected '='",
    )
    expect(() => parseUpdate('a = ', 'AlternateUpdateExpression')).toThrow(
      'InvalidArgumentException: syntax error in AlternateUpdateExpression at offset 4: unexpected end of expression',
    )
  })

  it.each([
    ['a ==', 4, 'unexpected end of expression'],
    ['  (a', 4, 'unexpected end of expression'],
    ['a b', 2, "unexpected 'b'"],
    ['a == "red"', 5, `unexpected character '"'`],
    ['a == 1 && b', 8, "unexpected '&'"],
    ['a == 1 || b', 8, "unexpected '|'"],
    ['!a', 0, "unexpected character '!'"],
    ['a.b == 1', 1, "unexpected character '.'"],
    ['a == .5', 5, "unexpected character '.'"],
    ['a == #', 5, "unexpected character '#'"],
    ['a == 1 :', 7, "unexpected character ':'"],
    ['a ==\u0001', 4, 'unexpected character U+0001'],
    ['a\u00a0== 1', 1, 'unexpected character U+00A0'],
    ['a == \uD800', 5, 'unexpected character U+D800'],
    ['a == é', 5, "unexpected character 'é'"],
    ['a == 0x10', 5, "invalid number '0x10'"],
    ['a == 1e', 5, "invalid number '1e'"],
    ['a == 12abc', 5, "invalid number '12abc'"],
    ['a == 1.', 6, "unexpected character '.'"],
    ["a == 'abc", 5, 'unterminated string literal'],
    ["a == 'x' 'y'", 9, 'unexpected string literal'],
    ['`a', 0, 'unterminated quoted name'],
    ['`a\nb` == 1', 0, 'unterminated quoted name'],
    ['`` == 1', 0, 'empty quoted name'],
    ['a < b < c', 6, "unexpected '<'"],
    ['a == b != c', 7, "unexpected '!='"],
    ['a IN (1) == true', 9, "unexpected '=='"],
    ['a IN (1) IN (2)', 9, "unexpected 'IN'"],
    ['a IN (1) + 1', 9, "unexpected '+'"],
    ['a < b IN (1)', 6, "unexpected 'IN'"],
    ['a IN 1', 5, "unexpected '1'"],
    ['a IN ()', 6, "unexpected ')'"],
    ['a == NOT b', 5, "unexpected 'NOT'"],
    ['a + NOT b', 4, "unexpected 'NOT'"],
    ['-NOT a', 1, "unexpected 'NOT'"],
    ['a[1][2]', 4, "unexpected '['"],
    ['(a)[0]', 3, "unexpected '['"],
    ["init_array(2, 'int')[0] == 0", 20, "unexpected '['"],
    ['a[1..2..3]', 6, "unexpected '..'"],
    ['a[(1..2)]', 4, "unexpected '..'"],
    ['a; b', 1, "unexpected ';'"],
    ['SET a = 1', 0, "unexpected 'SET'"],
    ['TRUE(1)', 4, "unexpected '('"],
    ['`exists`(a)', 8, "unexpected '('"],
    ['foo(1)', 0, "unknown function 'foo'"],
    ['a == PAVG(a, b)', 5, "unknown function 'PAVG'"],
    ['pmin(a) == a', 0, 'pmin() takes 2 arguments'],
    ['psum(a, b, c) == a', 0, 'psum() takes 2 arguments'],
    ['sum(a) > 1', 0, "unknown function 'sum'"],
    ['delete(a)', 0, "'delete' is only allowed as a statement"],
    ['length()', 0, 'length() takes 1 argument'],
    ['length(a, b)', 0, 'length() takes 1 argument'],
    ['starts(a)', 0, 'starts() takes 2 arguments'],
    ['min(a, b, c) > 1', 0, 'min() takes 1 or 2 arguments'],
    ['if_else(a, b)', 0, 'if_else() takes 3 arguments'],
    ['init_array(1)', 0, 'init_array() takes 2 or 3 arguments'],
    ['init_array(1, t)', 14, 'init_array() type must be a string literal'],
    ['exists(a[0])', 8, 'exists() takes one attribute name'],
    ["exists('a')", 7, 'exists() takes one attribute name'],
    ['exists((a))', 7, 'exists() takes one attribute name'],
    ['if_not_exists(a[0], 1) == 1', 15, 'if_not_exists() takes an attribute name and a value'],
    ['if_not_exists(a) == 1', 15, 'if_not_exists() takes an attribute name and a value'],
    ['if_not_exists(a, 1, 2) == 1', 0, 'if_not_exists() takes 2 arguments'],
    ['blob(a) == a', 5, 'blob() takes one string literal'],
    ["blob('AA=') == a", 5, 'invalid base64 in blob literal'],
    ["blob('A A=') == a", 5, 'invalid base64 in blob literal'],
    ['a == 9223372036854775808', 5, "integer literal '9223372036854775808' is out of range"],
    ['a == -9223372036854775809', 6, "integer literal '9223372036854775809' is out of range"],
    ['a == -(9223372036854775808)', 7, "integer literal '9223372036854775808' is out of range"],
    ['a == 1e400', 5, "decimal literal '1e400' is out of range"],
    ['a == 1:1000000000', 5, "timestamp literal '1:1000000000' has nanoseconds out of range"],
    ['a == 9223372036854775808:0', 5, "timestamp literal '9223372036854775808:0' has seconds out of range"],
  ])('%j → offset %i: %s', (text, offset, detail) => {
    expect(syntaxError(text)).toMatchObject({ offset, detail })
  })

  it('counts offsets in code points, not UTF-16 units or bytes', () => {
    expect(syntaxError("s == '😀' )").offset).toBe(9)
    expect(syntaxError("s == '😀😀é' == x").offset).toBe(11)
    expect(syntaxError('`😀` == 😀').offset).toBe(7)
  })

  it('reports an unexpected end at the length of the text in code points', () => {
    expect(syntaxError("'😀' == ").offset).toBe(7)
    expect(syntaxError('a IN (1,').offset).toBe(8)
  })

  it.each([
    ['SET a = 1, b = 2', 9, "unexpected ','"],
    ["s = 'it''s'", 8, 'unexpected string literal'],
    ['h = 0x10', 4, "invalid number '0x10'"],
    ['SET a = 1 b = 2', 10, "unexpected 'b'"],
    ['SET', 3, 'unexpected end of expression'],
    ['SET = 1', 4, "unexpected '='"],
    ['SET SET a = 1', 4, "unexpected 'SET'"],
    ['REMOVE a[1]', 8, "unexpected '['"],
    ['REMOVE a, b', 8, "unexpected ','"],
    ['REMOVE', 6, 'unexpected end of expression'],
    ['delete(a[0])', 8, "unexpected '['"],
    ['delete(a) = 1', 10, "unexpected '='"],
    ['a == 1', 2, "unexpected '=='"],
    ['a[1] == 1', 5, "unexpected '=='"],
    ['a[1..] = 1', 5, "unexpected ']'"],
    ['exists(a) = 1', 6, "unexpected '('"],
    ['TRUE = 1', 0, "unexpected 'TRUE'"],
    ['a = delete(b)', 4, "'delete' is only allowed as a statement"],
  ])('update %j → offset %i: %s', (text, offset, detail) => {
    expect(syntaxError(text, true)).toMatchObject({ offset, detail })
  })
})

describe('lexical rules', () => {
  it('reads keywords in any case', () => {
    expect(tree('a == 1 aNd NoT b == 2 oR c In (1)')).toEqual(tree('a == 1 AND NOT b == 2 OR c IN (1)'))
    expect(tree('x == TrUe')).toEqual(tree('x == true'))
  })

  it('reads function names in any case, and a function name without ( as an attribute', () => {
    expect(tree("STARTS(a, 'x')")).toEqual(tree("starts(a, 'x')"))
    expect(tree('Exists (a)')).toEqual({ kind: 'exists', name: 'a' })
    expect(tree('sum == max')).toEqual({
      kind: 'comparison',
      operator: '==',
      left: { kind: 'attribute', name: 'sum' },
      right: { kind: 'attribute', name: 'max' },
    })
  })

  it('reads literals', () => {
    const literal = (text: string) => tree(`x == ${text}`).right.value
    expect(literal('\'a, b; c "q" \n\'')).toEqual({ type: 'string', value: 'a, b; c "q" \n' })
    expect(literal("''")).toEqual({ type: 'string', value: '' })
    expect(literal('007')).toEqual({ type: 'int', value: '7n' })
    expect(literal('9223372036854775807')).toEqual({ type: 'int', value: '9223372036854775807n' })
    expect(literal('-9223372036854775808')).toEqual({ type: 'int', value: '-9223372036854775808n' })
    expect(literal('- 9223372036854775808')).toEqual({ type: 'int', value: '-9223372036854775808n' })
    expect(literal('2.5e-3')).toEqual({ type: 'double', value: 0.0025 })
    expect(literal('1E21')).toEqual({ type: 'double', value: 1e21 })
    expect(literal('1e+2')).toEqual({ type: 'double', value: 100 })
    expect(literal('1600000000:0')).toEqual({ type: 'timestamp', secs: '1600000000n', nsecs: 0 })
    expect(literal('0:999999999')).toEqual({ type: 'timestamp', secs: '0n', nsecs: 999999999 })
    expect(tree("x == blob('')").right.value.type).toBe('blob')
    expect(tree('x == FALSE').right.value).toEqual({ type: 'bool', value: false })
  })

  it('reads quoted names with any characters but backtick and line breaks', () => {
    expect(tree('`exists` == true').left).toEqual({ kind: 'attribute', name: 'exists' })
    expect(tree('`a b-c.😀`[0] == 1').left).toEqual({
      kind: 'element',
      name: 'a b-c.😀',
      index: { kind: 'literal', value: { type: 'int', value: '0n' } },
    })
  })

  it('ignores spaces, tabs, CR and LF between tokens', () => {
    expect(tree('\ta\r\n==\n1 ')).toEqual(tree('a==1'))
  })

  it('treats 1..2 as a slice, not a decimal', () => {
    expect(tree('a[1..2] == a').left.kind).toBe('slice')
  })
})

describe('precedence (ED-9)', () => {
  const same = (a: string, b: string) => expect(tree(a)).toEqual(tree(b))
  it('binds bitwise operators tighter than comparisons', () => same('flags & 4 == 4', '(flags & 4) == 4'))
  it('orders | ^ & << + * unary', () => {
    same('a | b ^ c & d << e + f * -g == h', '(a | (b ^ (c & (d << (e + (f * (-g))))))) == h')
  })
  it('is left-associative for binary operators', () => {
    same('a - b - c == d / e / f', '((a - b) - c) == ((d / e) / f)')
    same('a << 1 >> 2 == 0', '((a << 1) >> 2) == 0')
  })
  it('applies NOT to a whole comparison', () => {
    same('NOT a == 1 AND b == 2', '(NOT (a == 1)) AND (b == 2)')
    same("NOT State IN ('AZ')", "NOT (State IN ('AZ'))")
  })
  it('binds AND tighter than OR', () => same('a == 1 OR b == 2 AND c == 3', 'a == 1 OR (b == 2 AND c == 3)'))
  it('flattens AND and OR chains', () => {
    expect(tree('a AND b AND c AND d')).toMatchObject({ kind: 'and', operands: { length: 4 } })
  })
  it('allows comparisons inside parentheses in arithmetic', () => {
    expect(tree('(a == 5) * 4 == 20')).toMatchObject({
      kind: 'comparison',
      left: { kind: 'binary', operator: '*' },
    })
  })
  it('parses unary operators right to left', () => same('- ~ - a == 1', '(-(~(-a))) == 1'))
})

describe('update grammar', () => {
  const statements = (text: string) => parseUpdate(text, 'UpdateExpression').statements
  it('allows empty statements, a trailing ; and the empty text', () => {
    expect(statements('')).toEqual([])
    expect(statements(' ; ;; ')).toEqual([])
    expect(statements('a = 1;')).toHaveLength(1)
    expect(statements(';a = 1 ;; b = 2;')).toHaveLength(2)
  })
  it('makes SET optional and reads REMOVE, delete(…) and element and slice targets', () => {
    expect(statements('SET a = 1; a = 1')).toEqual([...statements('a = 1'), ...statements('a = 1')])
    expect(statements('REMOVE a; DeLeTe(`b c`)')).toEqual([
      { kind: 'remove', name: 'a' },
      { kind: 'remove', name: 'b c' },
    ])
    expect(statements('a[i + 1] = 2')[0]).toMatchObject({ target: { kind: 'element', name: 'a' } })
    expect(statements('a[b[0]..b[1]] = 2')[0]).toMatchObject({ target: { kind: 'slice', name: 'a' } })
  })
  it('reads delete without ( as an attribute name', () => {
    expect(statements('delete = 1')).toMatchObject([{ kind: 'assign', target: { name: 'delete' } }])
    expect(statements('REMOVE delete')).toEqual([{ kind: 'remove', name: 'delete' }])
  })
  it('stores the value of a comparison or logical expression', () => {
    expect(statements('ok = a > 5 AND b < 3')[0]).toMatchObject({ value: { kind: 'and' } })
  })
})

describe('empty conditions', () => {
  it('parse to an always-true condition', () => {
    expect(condition('').root).toBeUndefined()
    expect(condition(' \t\r\n').root).toBeUndefined()
  })
})

describe('limits', () => {
  it('accepts 8192 bytes and refuses 8193, counting UTF-8 bytes', () => {
    const filler = (n: number) => `a == '${'x'.repeat(n - 7)}'`
    expect(() => condition(filler(8192))).not.toThrow()
    expect(limitError(filler(8193))).toBe('InvalidArgumentException: FilterExpression exceeds 8192 bytes')
    const wide = `a == '${'é'.repeat(4094)}'` // 7 + 8188 bytes
    expect(limitError(wide)).toBe('InvalidArgumentException: FilterExpression exceeds 8192 bytes')
  })

  it('refuses a backslash anywhere, before any syntax error', () => {
    expect(limitError("a == 'x\\y'")).toBe(
      'InvalidArgumentException: backslash is not allowed in FilterExpression',
    )
    expect(limitError('\\', true)).toBe(
      'InvalidArgumentException: backslash is not allowed in UpdateExpression',
    )
  })

  it('accepts 700 operators and refuses 701', () => {
    const chain = (n: number) => `a${' + a'.repeat(n - 1)} > 0` // n-1 additions and one comparison
    expect(() => condition(chain(700))).not.toThrow()
    expect(limitError(chain(701))).toBe(
      'InvalidArgumentException: FilterExpression has 701 operators, more than 700',
    )
  })

  it('counts every kind of operator of ED-39', () => {
    // 14 operators: NOT, exists(), AND, -, ~, [, ==, OR, IN, OR, length(), blob(), <, AND
    const text = "NOT exists(a) AND -~x[0] == 1 OR y IN (1) OR length(blob('')) < 1 AND b"
    expect(() => condition(text + ' AND a == 1'.repeat(343))).not.toThrow()
    expect(limitError(`${text} AND a${' AND a == 1'.repeat(343)}`)).toContain('has 701 operators')
    // updates: = and delete() count too; SET, REMOVE and ; do not
    const statements = (n: number) => `REMOVE c;${'delete(a);SET b=1;'.repeat(n)}`
    expect(() => parseUpdate(statements(350), 'UpdateExpression')).not.toThrow()
    expect(() => parseUpdate(`${statements(350)}d=1`, 'UpdateExpression')).toThrow('has 701 operators')
  })

  it('accepts IN lists of 1 to 1024 elements', () => {
    const list = (n: number) => `a IN (${Array.from({ length: n }, (_, i) => i).join(',')})`
    expect(() => condition(list(1))).not.toThrow()
    expect(() => condition(list(1024))).not.toThrow()
    expect(limitError(list(1025))).toBe(
      'InvalidArgumentException: IN list in FilterExpression has more than 1024 elements',
    )
  })

  it('parses thousands of nested parentheses without exhausting the stack', () => {
    expect(tree(`${'('.repeat(4000)}a${')'.repeat(4000)}`)).toEqual({ kind: 'attribute', name: 'a' })
    expect(syntaxError('('.repeat(8000)).offset).toBe(8000)
    const calls = `${'length('.repeat(699)}a${')'.repeat(699)} > 0`
    expect(() => condition(calls)).not.toThrow()
  })
})
