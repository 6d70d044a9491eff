import { ValidationError } from '../../core/errors.js'
import { int64Max, int64Min } from './number-text.js'

const nanosecondsPerSecond = 1_000_000_000
const timestampText = /^(-?\d+):(\d{1,9})$/

/**
 * A V3IO timestamp (`TS` attribute, kv.md "Timestamps (TS)"): whole Unix seconds plus nanoseconds, exact
 * to the nanosecond — unlike `Date`, which keeps milliseconds. The instant is `seconds + nanoseconds / 10⁹`;
 * nanoseconds are never negative, so 1.5 s before the epoch is `new Timestamp(-2, 500_000_000)`.
 *
 * @example
 * await client.putItem({ container, path, attributes: { seen: new Timestamp(1714557600, 500_000_000) } })
 * const seen = (await client.getItem({ container, path })).output.item.seen as Timestamp
 * seen.toDate() // lossy: milliseconds
 */
export class Timestamp {
  /** Unix seconds (UTC); a `bigint` only beyond ±(2^53-1). */
  declare readonly seconds: number | bigint
  /** Nanoseconds within the second, 0 … 999999999. */
  declare readonly nanoseconds: number

  /**
   * @param seconds - Unix seconds: a safe integer or an int64 `bigint`.
   * @param nanoseconds - 0 … 999999999 (default 0).
   * @throws ValidationError when either part is out of range or not an integer.
   */
  constructor(seconds: number | bigint, nanoseconds = 0) {
    if (typeof seconds === 'bigint') {
      if (seconds < int64Min || seconds > int64Max)
        throw new ValidationError('seconds', `must lie in the int64 range, got ${seconds}`)
      // Keep the common case a plain number, so that arithmetic on `seconds` stays simple.
      this.seconds = Number.isSafeInteger(Number(seconds)) ? Number(seconds) : seconds
    } else if (Number.isSafeInteger(seconds)) {
      this.seconds = seconds === 0 ? 0 : seconds
    } else {
      throw new ValidationError('seconds', `must be a safe integer or a bigint, got ${String(seconds)}`)
    }
    if (!Number.isInteger(nanoseconds) || nanoseconds < 0 || nanoseconds >= nanosecondsPerSecond)
      throw new ValidationError('nanoseconds', `must be an integer 0 … 999999999, got ${String(nanoseconds)}`)
    this.nanoseconds = nanoseconds === 0 ? 0 : nanoseconds
  }

  /** The instant of a `Date` (millisecond precision). */
  static fromDate(date: Date): Timestamp {
    const milliseconds = date.getTime()
    if (Number.isNaN(milliseconds)) throw new ValidationError('date', 'is an invalid Date')
    const seconds = Math.floor(milliseconds / 1000)
    return new Timestamp(seconds, (milliseconds - seconds * 1000) * 1_000_000)
  }

  /** The instant `epochNanoseconds` nanoseconds after the Unix epoch (negative: before it). */
  static fromEpochNanoseconds(epochNanoseconds: bigint): Timestamp {
    const billion = BigInt(nanosecondsPerSecond)
    let seconds = epochNanoseconds / billion
    let nanoseconds = epochNanoseconds % billion
    if (nanoseconds < 0n) {
      seconds -= 1n
      nanoseconds += billion
    }
    return new Timestamp(seconds, Number(nanoseconds))
  }

  /** Reads the wire and expression form `"<seconds>:<nanoseconds>"`, e.g. `"1714557600:500000000"`. */
  static parse(text: string): Timestamp {
    const match = timestampText.exec(text)
    if (!match)
      throw new ValidationError('timestamp', `must look like "<seconds>:<nanoseconds>", got ${text}`)
    return new Timestamp(BigInt(match[1]!), Number(match[2]))
  }

  /** Nanoseconds since the Unix epoch, exactly. */
  get epochNanoseconds(): bigint {
    return BigInt(this.seconds) * BigInt(nanosecondsPerSecond) + BigInt(this.nanoseconds)
  }

  /** The instant as a `Date`: lossy, sub-millisecond digits are dropped (rounded toward the past). */
  toDate(): Date {
    const milliseconds = Number(BigInt(this.seconds) * 1000n) + Math.floor(this.nanoseconds / 1_000_000)
    return new Date(milliseconds)
  }

  /** The canonical wire form `"<seconds>:<nanoseconds>"`. */
  toString(): string {
    return `${this.seconds}:${this.nanoseconds}`
  }

  /** `{ seconds, nanoseconds }` with seconds as text when it is a bigint, so `JSON.stringify` works. */
  toJSON(): {
    /** Seconds since the Unix epoch; text when it is a bigint. */
    seconds: number | string
    /** Nanoseconds within the second. */
    nanoseconds: number
  } {
    return {
      seconds: typeof this.seconds === 'bigint' ? String(this.seconds) : this.seconds,
      nanoseconds: this.nanoseconds,
    }
  }

  /** Whether both denote the same instant. */
  equals(other: Timestamp): boolean {
    return BigInt(this.seconds) === BigInt(other.seconds) && this.nanoseconds === other.nanoseconds
  }
}
