/** A source of time in nanoseconds since the Unix epoch. Tests inject their own (ED-48). */
export type Clock = () => bigint

/** The wall clock with nanosecond resolution: `Date.now()` anchored, advanced by the monotonic timer. */
export function systemClock(): Clock {
  const anchor = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint()
  return () => anchor + process.hrtime.bigint()
}

/** A clock that only moves when told to: for tests of retention and arrival times. */
export interface ManualClock {
  /** The clock to pass as the emulator's `clock` option. */
  readonly clock: Clock
  /** Sets the time, in nanoseconds since the epoch. */
  set(nanoseconds: bigint): void
  /** Moves the time forward by milliseconds. */
  advance(milliseconds: number): void
}

/** Creates a manual clock starting at `start` (default: now). */
export function manualClock(start: bigint = BigInt(Date.now()) * 1_000_000n): ManualClock {
  let time = start
  return {
    clock: () => time,
    set: (nanoseconds) => {
      time = nanoseconds
    },
    advance: (milliseconds) => {
      time += BigInt(Math.round(milliseconds * 1_000_000))
    },
  }
}
