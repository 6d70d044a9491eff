/** Tokens of the expression language (expressions.md "Lexical structure"). */

/** Case-insensitive keywords, in their canonical upper-case spelling. */
export type Keyword = 'AND' | 'OR' | 'NOT' | 'IN' | 'SET' | 'REMOVE' | 'TRUE' | 'FALSE'

/** The keyword set, for case-insensitive lookup of upper-cased identifiers. */
export const KEYWORDS: ReadonlySet<string> = new Set<Keyword>([
  'AND',
  'OR',
  'NOT',
  'IN',
  'SET',
  'REMOVE',
  'TRUE',
  'FALSE',
])

/** Punctuators; the lexer matches them longest first. */
export type Punctuator =
  | '('
  | ')'
  | '['
  | ']'
  | ','
  | ';'
  | '..'
  | '+'
  | '-'
  | '*'
  | '/'
  | '&'
  | '|'
  | '^'
  | '~'
  | '<<'
  | '>>'
  | '=='
  | '!='
  | '<='
  | '>='
  | '<'
  | '>'
  | '='

interface TokenBase {
  /** 0-based offset of the token's first character, in code points. */
  readonly offset: number
  /** The token's source text, for messages. */
  readonly text: string
}

/** An attribute name: an identifier (`quoted: false`) or a backtick-quoted name. */
export interface NameToken extends TokenBase {
  readonly kind: 'name'
  readonly name: string
  readonly quoted: boolean
}
/** A keyword, any case. */
export interface KeywordToken extends TokenBase {
  readonly kind: 'keyword'
  readonly keyword: Keyword
}
/** A single-quoted string literal. */
export interface StringToken extends TokenBase {
  readonly kind: 'string'
  readonly value: string
}
/** `[0-9]+`; the range is checked by the parser, which folds a preceding unary minus. */
export interface IntegerToken extends TokenBase {
  readonly kind: 'integer'
  readonly value: bigint
}
/** A decimal literal, already rounded to a finite double. */
export interface DecimalToken extends TokenBase {
  readonly kind: 'decimal'
  readonly value: number
}
/** `seconds:nanoseconds`. */
export interface TimestampToken extends TokenBase {
  readonly kind: 'timestamp'
  readonly secs: bigint
  readonly nsecs: number
}
/** A punctuator. */
export interface PunctuatorToken extends TokenBase {
  readonly kind: 'punctuator'
  readonly punctuator: Punctuator
}
/** The end of the text; its offset is the text's length in code points. */
export interface EndToken extends TokenBase {
  readonly kind: 'end'
}

/** Any token. */
export type Token =
  | NameToken
  | KeywordToken
  | StringToken
  | IntegerToken
  | DecimalToken
  | TimestampToken
  | PunctuatorToken
  | EndToken

/** True when `token` is the punctuator `p`. */
export function isPunctuator(token: Token | undefined, p: Punctuator): boolean {
  return token?.kind === 'punctuator' && token.punctuator === p
}

/** True when `token` is the keyword `k`. */
export function isKeyword(token: Token | undefined, k: Keyword): boolean {
  return token?.kind === 'keyword' && token.keyword === k
}
