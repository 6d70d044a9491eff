/**
 * Parses update expressions (expressions.md "Updates"): statements separated by `;`, each an
 * assignment with optional `SET`, `REMOVE name` or `delete(name)`. Empty statements are allowed.
 */

import type { AssignmentTarget, Expression, Statement } from './ast.js'
import { parseExpression } from './expression-parser.js'
import type { TokenCursor } from './token-cursor.js'
import { isKeyword, isPunctuator, type Token } from './tokens.js'

const endsStatement = (token: Token): boolean => token.kind === 'end' || isPunctuator(token, ';')

/** Parses every statement up to the end of the tokens. */
export function parseStatements(cursor: TokenCursor): Statement[] {
  const statements: Statement[] = []
  for (;;) {
    const token = cursor.peek()
    if (token.kind === 'end') return statements
    if (isPunctuator(token, ';')) {
      cursor.next()
      continue
    }
    statements.push(parseStatement(cursor))
    const after = cursor.peek()
    if (!endsStatement(after)) cursor.unexpected(after)
  }
}

function parseStatement(cursor: TokenCursor): Statement {
  const first = cursor.peek()
  if (isKeyword(first, 'REMOVE')) {
    cursor.next()
    return { kind: 'remove', name: expectName(cursor) }
  }
  // `delete` is a statement word only when a `(` follows; otherwise it names an attribute.
  if (
    first.kind === 'name' &&
    !first.quoted &&
    first.name.toLowerCase() === 'delete' &&
    isPunctuator(cursor.peek(1), '(')
  ) {
    cursor.next()
    cursor.next()
    const name = expectName(cursor)
    expect(cursor, ')')
    return { kind: 'remove', name }
  }
  if (isKeyword(first, 'SET')) cursor.next()
  const target = parseTarget(cursor)
  expect(cursor, '=')
  return { kind: 'assign', target, value: parseExpression(cursor, endsStatement) }
}

function parseTarget(cursor: TokenCursor): AssignmentTarget {
  const name = expectName(cursor)
  if (!isPunctuator(cursor.peek(), '[')) return { kind: 'attribute', name }
  cursor.next()
  const from: Expression = parseExpression(cursor, (t) => isPunctuator(t, '..') || isPunctuator(t, ']'))
  if (isPunctuator(cursor.next(), ']')) return { kind: 'element', name, index: from }
  const to = parseExpression(cursor, (t) => isPunctuator(t, ']'))
  cursor.next()
  return { kind: 'slice', name, from, to }
}

function expectName(cursor: TokenCursor): string {
  const token = cursor.next()
  return token.kind === 'name' ? token.name : cursor.unexpected(token)
}

function expect(cursor: TokenCursor, punctuator: ';' | ')' | '='): void {
  const token = cursor.next()
  if (!isPunctuator(token, punctuator)) cursor.unexpected(token)
}
