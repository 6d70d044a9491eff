/**
 * JSON parsing that never rounds integers: an integer beyond ±(2^53-1) becomes a `bigint`. Plain
 * `JSON.parse` does all the parsing; only when the text holds such an integer outside string literals are
 * those integers turned into marked strings first, and revived as `bigint`s.
 *
 * Every step is linear in the text on every input, malformed or not (issue 8 §2): the pre-check is a
 * regular expression without nested quantifiers, the token scan visits each character a bounded number
 * of times, and reviving walks the parsed value with an explicit stack, so that deep nesting (which
 * `JSON.parse` itself handles iteratively) never exhausts the call stack either.
 */

// 16+ digits that are neither a fraction nor an exponent: a possible integer beyond 2^53 (or a string).
// Each digit run is tried once from its first digit (the look-behind rejects the others), so this stays
// linear even on long runs of digits. The sixteen digits are written out: the same pattern as `\d{16,}`,
// but V8 then skips ahead through text that cannot match, 3–5× faster on a page of records, where the
// check had cost two thirds of `JSON.parse` itself (docs/decisions-codecs.md).
export const longInteger = /(?<![\d.eE]|[eE][+-])-?\d\d\d\d\d\d\d\d\d\d\d\d\d\d\d\d\d*(?![\d.eE])/
// Marked strings decode to a NUL (which JSON text can only carry escaped) and a per-process random tag.
const tag = `bigint-${Math.random().toString(36).slice(2)}:`
const marker = `\u0000${tag}`
const markedPrefix = `"\\u0000${tag}`

const quote = 0x22
const backslash = 0x5c
const minus = 0x2d
const zero = 0x30
const nine = 0x39
const dot = 0x2e
const upperE = 0x45
const lowerE = 0x65
const plus = 0x2b

const isDigit = (code: number) => code >= zero && code <= nine

/**
 * The start and end offsets (pairs, flattened) of the integer tokens outside string literals that a
 * `number` cannot hold exactly. Tokens that are not valid JSON integers (leading zeros) are left for
 * `JSON.parse` to reject. Linear: every character is looked at a bounded number of times.
 */
export function unsafeIntegerTokens(text: string): number[] {
  const found: number[] = []
  const length = text.length
  let index = 0
  while (index < length) {
    const code = text.charCodeAt(index)
    if (code === quote) {
      index = stringEnd(text, index)
      continue
    }
    if (code !== minus && !isDigit(code)) {
      index++
      continue
    }
    const start = index
    if (code === minus) index++
    const digitsStart = index
    while (index < length && isDigit(text.charCodeAt(index))) index++
    const digits = index - digitsStart
    const next = index < length ? text.charCodeAt(index) : 0
    if (next === dot || next === lowerE || next === upperE) {
      // A fraction or exponent: a double, whatever its digits. Skip the rest of the number token.
      index++
      while (index < length) {
        const rest = text.charCodeAt(index)
        if (!isDigit(rest) && rest !== plus && rest !== minus && rest !== lowerE && rest !== upperE) break
        index++
      }
      continue
    }
    if (digits === 0) continue
    if (digits < 16 || text.charCodeAt(digitsStart) === zero) continue
    if (!Number.isSafeInteger(Number(text.slice(start, index)))) found.push(start, index)
  }
  return found
}

/**
 * The offset after the string literal opening at `open` (or the text's length when it never closes):
 * each closing-quote candidate is found by `indexOf`, and the backslashes before it are counted back
 * only to the previous candidate, so that no character is visited more than twice.
 */
function stringEnd(text: string, open: number): number {
  let from = open + 1
  for (;;) {
    const close = text.indexOf('"', from)
    if (close < 0) return text.length
    let backslashes = 0
    while (close - backslashes - 1 >= from && text.charCodeAt(close - backslashes - 1) === backslash)
      backslashes++
    // An odd run of backslashes escapes the quote; the run cannot reach back past the previous
    // candidate, which is a quote itself.
    if (backslashes % 2 === 0) return close + 1
    from = close + 1
  }
}

/** Parses JSON text; integers that a `number` cannot hold exactly are returned as `bigint`. */
export function parseJson(text: string): unknown {
  if (!longInteger.test(text)) return JSON.parse(text)
  const tokens = unsafeIntegerTokens(text)
  if (tokens.length === 0) return JSON.parse(text)
  const parts: string[] = []
  let copied = 0
  for (let index = 0; index < tokens.length; index += 2) {
    const start = tokens[index]!
    const end = tokens[index + 1]!
    parts.push(text.slice(copied, start), markedPrefix, text.slice(start, end), '"')
    copied = end
  }
  parts.push(text.slice(copied))
  return revive(JSON.parse(parts.join('')))
}

const isMarked = (value: unknown): value is string => typeof value === 'string' && value.startsWith(marker)

/** Replaces the marked strings of a parsed value by bigints, without recursion. */
function revive(root: unknown): unknown {
  if (isMarked(root)) return BigInt(root.slice(marker.length))
  const pending: unknown[] = [root]
  while (pending.length > 0) {
    const container = pending.pop()
    if (typeof container !== 'object' || container === null) continue
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) {
        const value = container[index]
        if (isMarked(value)) container[index] = BigInt(value.slice(marker.length))
        else if (typeof value === 'object' && value !== null) pending.push(value)
      }
      continue
    }
    const object = container as Record<string, unknown>
    for (const key of Object.keys(object)) {
      // A number where a member name belongs is malformed JSON that only the marking made parseable.
      if (key.startsWith(marker)) throw new SyntaxError('a number cannot be a member name')
      const value = object[key]
      // Own data properties (`__proto__` included, as JSON.parse defines it) are assigned, not inherited.
      if (isMarked(value)) object[key] = BigInt(value.slice(marker.length))
      else if (typeof value === 'object' && value !== null) pending.push(value)
    }
  }
  return root
}
