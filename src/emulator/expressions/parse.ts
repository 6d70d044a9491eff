/** Entry points of parsing: limits, then tokens, then the grammar of conditions or updates. */

import type { Expression, Statement } from './ast.js'
import type { ExpressionMember } from './errors.js'
import { parseExpression } from './expression-parser.js'
import { lex } from './lexer.js'
import { checkOperatorCount, checkTextLimits } from './limits.js'
import { parseStatements } from './statement-parser.js'
import { TokenCursor } from './token-cursor.js'

/** Members that hold a condition. */
export type ConditionMember = Extract<ExpressionMember, 'ConditionExpression' | 'FilterExpression'>
/** Members that hold an update expression. */
export type UpdateMember = Extract<ExpressionMember, 'UpdateExpression' | 'AlternateUpdateExpression'>

/** A parsed condition or filter; immutable, safe to cache and to evaluate concurrently. */
export interface ParsedCondition {
  readonly member: ConditionMember
  readonly text: string
  /** `undefined` for a text that is empty or only whitespace, which is always true. */
  readonly root: Expression | undefined
}

/** A parsed update expression; immutable, safe to cache. */
export interface ParsedUpdate {
  readonly member: UpdateMember
  readonly text: string
  /** The statements in order; empty for an empty text (which changes nothing). */
  readonly statements: readonly Statement[]
}

function tokenize(text: string, member: ExpressionMember): TokenCursor {
  checkTextLimits(text, member)
  const tokens = lex(text, member)
  checkOperatorCount(tokens, member)
  return new TokenCursor(tokens, member)
}

/** Parses a condition or filter expression. */
export function parseCondition(text: string, member: ConditionMember): ParsedCondition {
  const cursor = tokenize(text, member)
  if (cursor.peek().kind === 'end') return { member, text, root: undefined }
  return { member, text, root: parseExpression(cursor, (token) => token.kind === 'end') }
}

/** Parses an update expression. */
export function parseUpdate(text: string, member: UpdateMember): ParsedUpdate {
  return { member, text, statements: parseStatements(tokenize(text, member)) }
}
