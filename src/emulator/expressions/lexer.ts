/**
 * Turns expression text into tokens (expressions.md "Lexical structure" and "Literals"). Offsets are
 * counted in code points, as syntax errors report them (ED-18).
 */

import { INT64_MAX } from '../kv/number-text.js'
import { isHighSurrogate, isLowSurrogate } from '../kv/unicode.js'
import { type ExpressionMember, ExpressionSyntaxError } from './errors.js'
import { KEYWORDS, type Keyword, type Punctuator, type Token } from './tokens.js'

const twoCharacterPunctuators: ReadonlySet<string> = new Set(['..', '<<', '>>', '==', '!=', '<=', '>='])
const oneCharacterPunctuators: ReadonlySet<string> = new Set('()[],;+-*/&|^~<>='.split(''))
const maxNanoseconds = 999_999_999n

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9'
}
function isNameStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_'
}
function isNamePart(c: string): boolean {
  return isNameStart(c) || isDigit(c)
}

/**
 * Describes a character for a message: visible ones quoted, invisible ones (controls, spaces other than
 * the four allowed, format characters, lone surrogates) as `U+XXXX`.
 */
function describeCharacter(character: string): string {
  if (!/^[\p{C}\p{Z}]$/u.test(character)) return `'${character}'`
  const code = character.codePointAt(0) ?? 0
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
}

/**
 * Splits `text` into tokens ending with an `end` token. Throws {@link ExpressionSyntaxError} for a
 * character that starts no token, an unterminated string or quoted name, a malformed number, or a
 * literal out of range (except integers, whose range depends on a preceding unary minus).
 */
export function lex(text: string, member: ExpressionMember): Token[] {
  const tokens: Token[] = []
  let i = 0 // code-unit index
  let offset = 0 // code points before `i`
  const fail = (at: number, detail: string): never => {
    throw new ExpressionSyntaxError(member, at, detail)
  }
  const at = (k: number): string => text.charAt(k)

  while (i < text.length) {
    const c = at(i)
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++
      offset++
      continue
    }
    const start = i
    const startOffset = offset
    if (isNameStart(c)) {
      while (i < text.length && isNamePart(at(i))) i++
      const word = text.slice(start, i)
      const upper = word.toUpperCase()
      if (KEYWORDS.has(upper)) tokens.push({ kind: 'keyword', keyword: upper as Keyword, offset, text: word })
      else tokens.push({ kind: 'name', name: word, quoted: false, offset, text: word })
      offset += i - start
    } else if (isDigit(c)) {
      tokens.push(lexNumber())
    } else if (c === "'" || c === '`') {
      // Strings may hold anything but a quote (backslashes are refused earlier); quoted names also
      // stop at a line break.
      i++
      let length = 1
      while (i < text.length && at(i) !== c && (c === "'" || (at(i) !== '\r' && at(i) !== '\n'))) {
        if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++
        i++
        length++
      }
      if (at(i) !== c)
        fail(startOffset, c === "'" ? 'unterminated string literal' : 'unterminated quoted name')
      i++
      const value = text.slice(start + 1, i - 1)
      if (c === "'") tokens.push({ kind: 'string', value, offset, text: text.slice(start, i) })
      else if (value === '') fail(startOffset, 'empty quoted name')
      else tokens.push({ kind: 'name', name: value, quoted: true, offset, text: text.slice(start, i) })
      offset += length + 1
    } else {
      const pair = text.slice(i, i + 2)
      const punctuator = twoCharacterPunctuators.has(pair)
        ? pair
        : oneCharacterPunctuators.has(c)
          ? c
          : undefined
      if (punctuator === undefined) {
        const character = String.fromCodePoint(text.codePointAt(i) ?? 0)
        fail(startOffset, `unexpected character ${describeCharacter(character)}`)
      } else {
        tokens.push({ kind: 'punctuator', punctuator: punctuator as Punctuator, offset, text: punctuator })
        i += punctuator.length
        offset += punctuator.length
      }
    }
  }
  tokens.push({ kind: 'end', offset, text: '' })
  return tokens

  function digitsFrom(k: number): number {
    while (k < text.length && isDigit(at(k))) k++
    return k
  }

  function lexNumber(): Token {
    const start = i
    const startOffset = offset
    i = digitsFrom(i)
    let kind: 'integer' | 'decimal' | 'timestamp' = 'integer'
    let colon = -1
    if (at(i) === '.' && isDigit(at(i + 1))) {
      kind = 'decimal'
      i = digitsFrom(i + 1)
    }
    if (at(i) === 'e' || at(i) === 'E') {
      const sign = at(i + 1) === '+' || at(i + 1) === '-' ? 1 : 0
      if (isDigit(at(i + 1 + sign))) {
        kind = 'decimal'
        i = digitsFrom(i + 1 + sign)
      }
    } else if (kind === 'integer' && at(i) === ':' && isDigit(at(i + 1))) {
      kind = 'timestamp'
      colon = i
      i = digitsFrom(i + 1)
    }
    // `0x10`, `1e`, `12abc`: a number running into a name is one malformed token, not two.
    if (isNamePart(at(i))) {
      let end = i
      while (end < text.length && isNamePart(at(end))) end++
      fail(startOffset, `invalid number '${text.slice(start, end)}'`)
    }
    const source = text.slice(start, i)
    offset += i - start
    if (kind === 'integer') return { kind, value: BigInt(source), offset: startOffset, text: source }
    if (kind === 'decimal') {
      const value = Number(source)
      if (!Number.isFinite(value)) fail(startOffset, `decimal literal '${source}' is out of range`)
      return { kind, value, offset: startOffset, text: source }
    }
    const secs = BigInt(text.slice(start, colon))
    const nsecs = BigInt(text.slice(colon + 1, i))
    if (secs > INT64_MAX) fail(startOffset, `timestamp literal '${source}' has seconds out of range`)
    if (nsecs > maxNanoseconds)
      fail(startOffset, `timestamp literal '${source}' has nanoseconds out of range`)
    return { kind, secs, nsecs: Number(nsecs), offset: startOffset, text: source }
  }
}
