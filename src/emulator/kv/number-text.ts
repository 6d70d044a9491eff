/**
 * The text of N values (kv.md "Numbers (N)"): what the emulator accepts and how it prints (ED-13).
 * Integer-ness is decided by the text alone — no `.` and no exponent means int64.
 */

/** Smallest int64. */
export const INT64_MIN = -(2n ** 63n)
/** Largest int64. */
export const INT64_MAX = 2n ** 63n - 1n

const numberGrammar = /^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/
const integerGrammar = /^[+-]?[0-9]+$/

/** The outcome of reading N text: a number of either kind, or why the text is refused. */
export type NumberTextResult =
  | { readonly ok: true; readonly type: 'int'; readonly value: bigint }
  | { readonly ok: true; readonly type: 'double'; readonly value: number }
  | { readonly ok: false; readonly reason: 'syntax' | 'int64 range' | 'not finite' }

/**
 * Reads N text per the grammar `[+-]digits[.digits][(e|E)[+-]digits]`. Integers must fit int64;
 * doubles are rounded to nearest binary64 and must stay finite (ED-32).
 */
export function parseNumberText(text: string): NumberTextResult {
  if (!numberGrammar.test(text)) return { ok: false, reason: 'syntax' }
  if (integerGrammar.test(text)) {
    const value = parseInt64Digits(text)
    return value === undefined ? { ok: false, reason: 'int64 range' } : { ok: true, type: 'int', value }
  }
  const value = Number(text)
  return Number.isFinite(value) ? { ok: true, type: 'double', value } : { ok: false, reason: 'not finite' }
}

/**
 * Converts signed decimal digits to an int64, or `undefined` when out of range. Long digit runs are
 * refused before `BigInt` sees them, so a megabyte of digits costs nothing.
 */
export function parseInt64Digits(text: string): bigint | undefined {
  const sign = text.startsWith('-') || text.startsWith('+') ? text.charAt(0) : ''
  const digits = text.slice(sign.length).replace(/^0+(?=[0-9])/, '')
  if (digits.length > 19) return undefined
  const value = BigInt(sign === '-' ? `-${digits}` : digits)
  return value < INT64_MIN || value > INT64_MAX ? undefined : value
}

/** True when `value` lies in the int64 range. */
export function isInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX
}

/**
 * Prints a double per ED-13: the shortest round-trip text (ECMAScript Number-to-String), with `.0`
 * appended when that text is only digits so the value stays a double; negative zero is `-0.0`.
 */
export function formatDouble(value: number): string {
  if (Object.is(value, -0)) return '-0.0'
  const text = String(value)
  return /^-?[0-9]+$/.test(text) ? `${text}.0` : text
}
