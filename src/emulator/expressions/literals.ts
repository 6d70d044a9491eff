/** Literal tokens as expression nodes (expressions.md "Literals"). */

import { INT64_MAX, INT64_MIN } from '../kv/number-text.js'
import type { Expression } from './ast.js'
import type { TokenCursor } from './token-cursor.js'
import type { IntegerToken, Token } from './tokens.js'

/**
 * An integer literal, negated when a unary minus was folded into it; only then may it be
 * -9223372036854775808. Out of range is a syntax error at the digits.
 */
export function integerLiteral(cursor: TokenCursor, token: IntegerToken, negate: boolean): Expression {
  const value = negate ? -token.value : token.value
  if (value < INT64_MIN || value > INT64_MAX)
    cursor.fail(token, `integer literal '${token.text}' is out of range`)
  return { kind: 'literal', value: { type: 'int', value } }
}

/** A literal token as an expression, or `undefined` when `token` is no literal. */
export function literal(cursor: TokenCursor, token: Token): Expression | undefined {
  switch (token.kind) {
    case 'string':
      return { kind: 'literal', value: { type: 'string', value: token.value } }
    case 'integer':
      return integerLiteral(cursor, token, false)
    case 'decimal':
      return { kind: 'literal', value: { type: 'double', value: token.value } }
    case 'timestamp':
      return { kind: 'literal', value: { type: 'timestamp', secs: token.secs, nsecs: token.nsecs } }
    case 'keyword':
      if (token.keyword === 'TRUE' || token.keyword === 'FALSE') {
        return { kind: 'literal', value: { type: 'bool', value: token.keyword === 'TRUE' } }
      }
      return undefined
    default:
      return undefined
  }
}
