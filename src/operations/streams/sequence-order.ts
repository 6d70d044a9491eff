import type { SequenceNumber } from './sequence-numbers.js'

// The order of sequence numbers (numbers, or bigints beyond 2^53): used by the record readers and the
// consumer group's fetchers, which the reading engine holds.

/** The number after `value`, switching to `bigint` where a `number` would lose precision. */
export function nextSequenceNumber(value: SequenceNumber): SequenceNumber {
  if (typeof value === 'bigint') return value + 1n
  return value + 1 > Number.MAX_SAFE_INTEGER ? BigInt(value) + 1n : value + 1
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareSequenceNumbers(a: SequenceNumber, b: SequenceNumber): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const difference = BigInt(a) - BigInt(b)
  return difference < 0n ? -1 : difference > 0n ? 1 : 0
}
