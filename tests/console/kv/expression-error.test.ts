import { describe, expect, it } from 'vitest'
import { caretLine, expressionProblem } from '../../../console/src/kv/expression-error.js'

describe('expressionProblem', () => {
  it("reads the member and offset of the server's syntax errors", () => {
    expect(
      expressionProblem(
        'InvalidArgumentException: syntax error in FilterExpression at offset 14: unexpected end of expression',
      ),
    ).toEqual({
      member: 'FilterExpression',
      offset: 14,
      detail: 'syntax error in FilterExpression at offset 14: unexpected end of expression',
    })
  })

  it('keeps other messages whole, without an offset', () => {
    expect(
      expressionProblem(
        'InvalidArgumentException: evaluation error in ConditionExpression: division by zero',
      ),
    ).toEqual({
      member: 'ConditionExpression',
      offset: undefined,
      detail: 'evaluation error in ConditionExpression: division by zero',
    })
    expect(expressionProblem('Permission denied')).toEqual({
      member: undefined,
      offset: undefined,
      detail: 'Permission denied',
    })
  })
})

describe('caretLine', () => {
  it('puts the caret under the offset, counting code points as the server does', () => {
    expect(caretLine('a > ', 4)).toBe('a > \n    ^')
    // The emoji is one code point (two UTF-16 units): AND starts at offset 12.
    expect(caretLine("name == '😀' AND", 12)).toBe(`name == '😀' AND\n${' '.repeat(12)}^`)
    // Past the end (an unexpected end of expression): the caret follows the last character.
    expect(caretLine('a >', 9)).toBe('a >\n   ^')
    expect(caretLine('\tx ==', 5)).toBe('\tx ==\n\t    ^')
  })
})
