/** Sequential access to the tokens of one expression, with the parser's error reporting. */

import { abbreviate } from '../kv/message-text.js'
import { type ExpressionMember, ExpressionSyntaxError } from './errors.js'
import type { Token } from './tokens.js'

/** A read position in a token list that ends with an `end` token. */
export class TokenCursor {
  private position = 0

  constructor(
    private readonly tokens: readonly Token[],
    /** Request member of the expression, for error messages. */
    readonly member: ExpressionMember,
  ) {}

  /** The token `ahead` positions after the current one (the `end` token once past the end). */
  peek(ahead = 0): Token {
    const last = this.tokens.length - 1
    return this.tokens[Math.min(this.position + ahead, last)] as Token
  }

  /** Returns the current token and moves past it. */
  next(): Token {
    const token = this.peek()
    if (this.position < this.tokens.length - 1) this.position++
    return token
  }

  /** Throws a syntax error located at `token`. */
  fail(token: Token, detail: string): never {
    throw new ExpressionSyntaxError(this.member, token.offset, detail)
  }

  /** Throws the syntax error for a token that cannot appear where it is. */
  unexpected(token: Token): never {
    if (token.kind === 'end') this.fail(token, 'unexpected end of expression')
    if (token.kind === 'string') this.fail(token, 'unexpected string literal')
    return this.fail(token, `unexpected '${abbreviate(token.text, 40)}'`)
  }
}
