/**
 * JSON parsing that never rounds integers: an integer beyond ±(2^53-1) becomes a `bigint`. Plain
 * `JSON.parse` does all the parsing; only when the text holds such an integer outside string literals are
 * those integers turned into marked strings first, and revived as `bigint`s.
 */

// 16+ digits that are neither a fraction nor an exponent: a possible integer beyond 2^53 (or a string).
const longInteger = /(?<![\d.eE]|[eE][+-])-?\d{16,}(?![\d.eE])/
// A string literal, or a number token: the scan skips strings so that digits inside them are left alone.
const tokens = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g
const integerToken = /^-?\d+$/
// Marked strings decode to a NUL (which JSON text can only carry escaped) and a per-process random tag.
const tag = `bigint-${Math.random().toString(36).slice(2)}:`
const marker = `\u0000${tag}`

/** Parses JSON text; integers that a `number` cannot hold exactly are returned as `bigint`. */
export function parseJson(text: string): unknown {
  if (!longInteger.test(text)) return JSON.parse(text)
  let marked = false
  const rewritten = text.replace(tokens, (token) => {
    if (token.length < 16 || token.charCodeAt(0) === 0x22 || !integerToken.test(token)) return token
    if (Number.isSafeInteger(Number(token))) return token
    marked = true
    return `"\\u0000${tag}${token}"`
  })
  if (!marked) return JSON.parse(text)
  return JSON.parse(rewritten, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? BigInt(value.slice(marker.length)) : value,
  )
}
