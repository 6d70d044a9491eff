import { isHighSurrogate } from './unicode.js'

/**
 * Shortens untrusted text quoted in an error message, so that a megabyte-long value does not come back
 * in full; never cuts a surrogate pair in half.
 */
export function abbreviate(text: string, max = 64): string {
  if (text.length <= max) return text
  const end = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}…`
}
