/**
 * The documented limits of one expression member (expressions.md "Limits", ED-39), checked before and
 * while parsing. Because grouping parentheses are the only nesting that is not an operator, the
 * operator limit also bounds the depth of every tree the evaluator walks.
 */

import { utf8Length } from '../kv/unicode.js'
import { ExpressionLimitError, type ExpressionMember } from './errors.js'
import type { Token } from './tokens.js'

/** Largest expression, in bytes of UTF-8. */
export const MAX_EXPRESSION_BYTES = 8192
/** Most operators in one expression member. */
export const MAX_OPERATORS = 700
/** Most elements of an `IN` list. */
export const MAX_IN_LIST_ELEMENTS = 1024

const countedPunctuators: ReadonlySet<string> = new Set([
  '+',
  '-',
  '*',
  '/',
  '&',
  '|',
  '^',
  '~',
  '<<',
  '>>',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '=',
  '[',
])
const countedKeywords: ReadonlySet<string> = new Set(['IN', 'AND', 'OR', 'NOT'])

/** Refuses a text over 8 KB or containing a backslash; both are checked before any syntax error. */
export function checkTextLimits(text: string, member: ExpressionMember): void {
  if (text.length > MAX_EXPRESSION_BYTES / 3 && utf8Length(text) > MAX_EXPRESSION_BYTES) {
    throw new ExpressionLimitError(member, `${member} exceeds ${MAX_EXPRESSION_BYTES} bytes`)
  }
  if (text.includes('\\')) throw new ExpressionLimitError(member, `backslash is not allowed in ${member}`)
}

/**
 * Counts operators per ED-39 — every binary operator, comparison, `IN`, `AND`, `OR`, `NOT`, unary
 * `-`/`~`, assignment `=`, function call (a name followed by `(`) and element or slice access (`[`) —
 * and refuses more than 700. Each counted construct is exactly one such token, so counting tokens is
 * the same as counting in the tree, and it happens before the parser can nest deeply.
 */
export function checkOperatorCount(tokens: readonly Token[], member: ExpressionMember): void {
  let count = 0
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k] as Token
    const next = tokens[k + 1]
    if (
      (token.kind === 'punctuator' && countedPunctuators.has(token.punctuator)) ||
      (token.kind === 'keyword' && countedKeywords.has(token.keyword)) ||
      (token.kind === 'name' && !token.quoted && next?.kind === 'punctuator' && next.punctuator === '(')
    ) {
      count++
    }
  }
  if (count > MAX_OPERATORS) {
    throw new ExpressionLimitError(member, `${member} has ${count} operators, more than ${MAX_OPERATORS}`)
  }
}

/** Refuses an `IN` list longer than 1024 elements. */
export function inListTooLong(member: ExpressionMember): ExpressionLimitError {
  return new ExpressionLimitError(
    member,
    `IN list in ${member} has more than ${MAX_IN_LIST_ELEMENTS} elements`,
  )
}
