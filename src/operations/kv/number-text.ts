/**
 * The text of `N` values (kv.md "Numbers (N)"). The type travels in the text: no `.` and no exponent
 * means int64, anything else a double.
 */

/** Smallest int64. */
export const int64Min = -(2n ** 63n)
/** Largest int64. */
export const int64Max = 2n ** 63n - 1n

/** Whether a bigint fits int64. */
export function isInt64(value: bigint): boolean {
  return value >= int64Min && value <= int64Max
}

/** The int64 text of a safe integer or bigint: plain decimal, `-0` as `0`. */
export function formatInteger(value: number | bigint): string {
  return typeof value === 'bigint' ? value.toString() : value === 0 ? '0' : String(value)
}

/**
 * The double text of a finite number: the shortest round-trip text, with `.0` appended when that text is
 * only digits (`1` → `"1.0"`), so that the value stays a double; `-0` is `"-0.0"`.
 */
export function formatDouble(value: number): string {
  if (Object.is(value, -0)) return '-0.0'
  const text = String(value)
  return /^-?\d+$/.test(text) ? `${text}.0` : text
}
