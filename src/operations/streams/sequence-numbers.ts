import { ValidationError } from '../../core/errors.js'

/**
 * A record's sequence number: unique and increasing within a shard. A `number` while it fits exactly,
 * a `bigint` beyond 2^53-1 (the platform's numbers are unsigned 64-bit; transport.md, lossless integers).
 */
export type SequenceNumber = number | bigint

/**
 * Validates a caller's sequence number: an integer ≥ `minimum`, as a safe-integer `number` or a `bigint`
 * (a `number` beyond 2^53-1 has already lost its exact value).
 */
export function validateSequenceNumber(value: unknown, parameter: string, minimum = 0): SequenceNumber {
  const valid =
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum) ||
    (typeof value === 'bigint' && value >= BigInt(minimum) && value < 2n ** 64n)
  if (!valid)
    throw new ValidationError(
      parameter,
      `must be an integer ≥ ${minimum} (number or bigint), got ${String(value)}`,
    )
  return value as SequenceNumber
}

/** The decimal JSON text of a sequence number (`JSON.stringify` cannot write a `bigint`). */
export function sequenceNumberJson(value: SequenceNumber): string {
  return typeof value === 'bigint' ? value.toString() : String(value)
}
