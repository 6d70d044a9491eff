/**
 * The text of N values (kv.md "Numbers (N)"): what the emulator accepts and how it prints (ED-13,
 * ED-13R). Integer-ness of input is decided by the text alone — no `.` and no exponent means int64.
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

/** 2^53: up to here every integer is a double and its plain digits name exactly one double. */
const exactIntegerLimit = 2 ** 53

/**
 * Prints a double as the platform does (ED-13R): an integral double within ±2^53 as plain digits
 * (`5`, `-0` as `0`), so its type is not visible, as on the platform. Beyond ±2^53 an integral double
 * gets the shortest exponent form (`1e+20`): plain digits there would read back as an int64, or not at
 * all past its range. Everything else is the shortest round-trip text (ECMAScript Number-to-String).
 */
export function formatDouble(value: number): string {
  if (!Number.isInteger(value)) return String(value)
  if (Math.abs(value) <= exactIntegerLimit) return value === 0 ? '0' : String(value)
  return value.toExponential()
}
