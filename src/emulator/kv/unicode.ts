/**
 * Text measurements of the contract: sizes are in UTF-8 bytes, expression offsets and `length()` in code
 * points, and strings must be well-formed (no lone surrogates, ED-32). Computed on the UTF-16 string
 * directly so that no encoder (and no Node API) is needed.
 */

/** Number of bytes of the UTF-8 encoding of `text` (a lone surrogate counts 3, like its U+FFFD replacement). */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit < 0x80) bytes += 1
    else if (unit < 0x800) bytes += 2
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

/** True when `text` holds no lone surrogate, i.e. it can be encoded as UTF-8. */
export function isWellFormedUnicode(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(text.charCodeAt(i + 1))) return false
      i++
    } else if (isLowSurrogate(unit)) return false
  }
  return true
}

/** Number of Unicode code points of `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) i++
    count++
  }
  return count
}

/** True for a UTF-16 high (leading) surrogate code unit. */
export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff
}

/** True for a UTF-16 low (trailing) surrogate code unit. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
