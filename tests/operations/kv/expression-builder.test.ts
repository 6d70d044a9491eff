import { describe, expect, it } from 'vitest'
import {
  attr,
  double,
  Expression,
  expr,
  formatLiteral,
  inList,
  int64,
  Timestamp,
  TypedAttribute,
  ValidationError,
} from '../../../src/index.js'

function rejected(build: () => unknown, parameter: string): void {
  let error: unknown
  try {
    build()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(ValidationError)
  expect((error as ValidationError).parameter).toBe(parameter)
}

describe('expr', () => {
  it('renders values as literals of the expression language', () => {
    const minAge = 15
    const name = 'Bob "the" Belcher'
    expect(expr`age > ${minAge} AND name == ${name}`.text).toBe(`age > 15 AND name == 'Bob "the" Belcher'`)
    expect(String(expr`${attr('ratio')} < ${0.5} OR ratio == ${double(2)} OR big == ${2n ** 63n - 1n}`)).toBe(
      'ratio < 0.5 OR ratio == 2.0 OR big == 9223372036854775807',
    )
    expect(expr`a == ${-(2n ** 63n)}`.text).toBe('a == -9223372036854775808')
    expect(expr`a == ${-5} OR b == ${-0}`.text).toBe('a == -5 OR b == 0')
    expect(expr`ok == ${true} AND bad == ${false}`.text).toBe('ok == true AND bad == false')
    expect(expr`t < ${new Timestamp(1600000000, 0)} AND u > ${new Date(1714557600500)}`.text).toBe(
      't < 1600000000:0 AND u > 1714557600:500000000',
    )
    expect(expr`v = v + ${new Uint8Array([0, 1])}`.text).toBe("v = v + blob('AAE=')")
    expect(expr`v = ${new Uint8Array(0)}`.text).toBe("v = blob('')")
    expect(expr`x = ${int64('9007199254740993')}; y = ${new TypedAttribute('string', 'z')}`.text).toBe(
      "x = 9007199254740993; y = 'z'",
    )
    expect(expr`s == ${''}`.text).toBe("s == ''")
    expect(expr`s == ${'ключ 😀'}`.text).toBe("s == 'ключ 😀'")
    expect(expr`d == ${double(1e21)} OR e == ${1.5e-7} OR f == ${double(-0)}`.text).toBe(
      'd == 1e+21 OR e == 1.5e-7 OR f == -0.0',
    )
  })

  it('quotes attribute names that are keywords, functions or not identifiers', () => {
    expect(expr`${attr('exists')} == true`.text).toBe('`exists` == true')
    expect(expr`${attr('MAX')} = 1; ${attr('sum')} = 2; ${attr('name')} = 3`.text).toBe(
      '`MAX` = 1; `sum` = 2; name = 3',
    )
    expect(expr`${attr('my attr')} > 1 AND ${attr('__mtime_secs')} > 0`.text).toBe(
      '`my attr` > 1 AND __mtime_secs > 0',
    )
    expect(expr`${attr('1st')} > 1`.text).toBe('`1st` > 1')
    rejected(() => attr('a`b'), 'attr')
    rejected(() => attr('a\nb'), 'attr')
    rejected(() => attr(''), 'attr')
  })

  it('renders lists for IN and nests expressions verbatim', () => {
    const states = inList(['AZ', 'MA'])
    const inner = expr`age == ${40}`
    expect(expr`(${inner}) AND NOT(State IN (${states}))`.text).toBe(
      "(age == 40) AND NOT(State IN ('AZ', 'MA'))",
    )
    expect(expr`x IN (${inList([1, 2.5, 'r'])})`.text).toBe("x IN (1, 2.5, 'r')")
    expect(expr`${new Expression('a == 1')} OR b`.text).toBe('a == 1 OR b')
    rejected(() => inList([]), 'inList')
    rejected(() => expr`x IN (${inList(["it's"])})`, 'expr[0][0]')
  })

  it('rejects values without a safe literal form, naming the interpolation', () => {
    rejected(() => expr`a == ${"it's"}`, 'expr[0]')
    rejected(() => expr`a == ${1} AND b == ${'back\\slash'}`, 'expr[1]')
    rejected(() => expr`a == ${Number.NaN}`, 'expr[0]')
    rejected(() => expr`a == ${Number.POSITIVE_INFINITY}`, 'expr[0]')
    rejected(() => expr`a == ${2 ** 53}`, 'expr[0]')
    rejected(() => expr`a == ${2n ** 63n}`, 'expr[0]')
    rejected(() => expr`a == ${new Timestamp(-1, 0)}`, 'expr[0]')
    rejected(() => expr`a == ${new Date(-1)}`, 'expr[0]')
    rejected(() => expr`a == ${new Date(Number.NaN)}`, 'expr[0]')
    rejected(() => expr`a == ${[1, 2] as never}`, 'expr[0]')
    rejected(() => expr`a == ${BigInt64Array.of(1n) as never}`, 'expr[0]')
    rejected(() => expr`a == ${null as never}`, 'expr[0]')
    rejected(() => expr`a == ${{} as never}`, 'expr[0]')
    rejected(() => expr`a == ${'\ud800'}`, 'expr[0]')
    rejected(() => expr`a == ${new TypedAttribute('int', 1.5)}`, 'expr[0]')
    rejected(() => expr`a == ${new TypedAttribute('intArray', [1])}`, 'expr[0]')
    expect(() => formatLiteral(undefined)).toThrow(ValidationError)
  })
})
