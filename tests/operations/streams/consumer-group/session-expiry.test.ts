import { beforeAll, describe, expect, it } from 'vitest'
import { loadReadingEngine } from '../../../../src/operations/reading-engine-loader.js'
import { formatRfc3339 } from '../../../../src/operations/streams/consumer-group/heartbeat.js'
import { SessionExpiry } from '../../../../src/operations/streams/consumer-group/session-expiry.js'

// session-expiry.ts belongs to the reading engine: its SDK values are handed over when the engine loads.
beforeAll(() => loadReadingEngine())

const sessionTimeout = 10_000
const heartbeatInterval = 3_000

/** An expiry judge on a fake monotonic clock, and the sessions it reads. */
function judge() {
  let monotonic = 0
  const expiry = new SessionExpiry(sessionTimeout, heartbeatInterval, () => monotonic)
  return {
    advance(milliseconds: number) {
      monotonic += milliseconds
    },
    expired(memberId: string, heartbeat: number, wallNow: number): boolean {
      const session = { memberId, lastHeartbeatTime: formatRfc3339(heartbeat), shards: [] }
      return expiry.observe([session], wallNow)(session)
    },
  }
}

describe('session expiry', () => {
  const wall = Date.UTC(2024, 4, 1, 10, 0, 0)

  it('expires a dead member once the wall clocks say so and its heartbeat stayed unchanged for two intervals', () => {
    const { advance, expired } = judge()
    const last = wall - 20_000 // a member that died 20 s ago (a fresh process reading an old state)
    expect(expired('dead', last, wall)).toBe(false) // first sight: not yet
    advance(2 * heartbeatInterval - 1)
    expect(expired('dead', last, wall + 2 * heartbeatInterval - 1)).toBe(false)
    advance(1)
    expect(expired('dead', last, wall + 2 * heartbeatInterval)).toBe(true)
  })

  it('never evicts a member that keeps heartbeating, however far ahead the reader’s clock runs', () => {
    const { advance, expired } = judge()
    const skew = 3600_000 // the reader's wall clock is an hour ahead
    for (let tick = 0; tick < 10; tick++) {
      expect(expired('live', wall + tick * heartbeatInterval, wall + skew + tick * heartbeatInterval)).toBe(
        false,
      )
      advance(heartbeatInterval)
    }
  })

  it('expires a silent member after the session timeout of observation even when the reader’s clock lags', () => {
    const { advance, expired } = judge()
    const lag = 3600_000 // the reader's wall clock is an hour behind: by wall clocks nothing ever expires
    expect(expired('silent', wall, wall - lag)).toBe(false)
    advance(sessionTimeout)
    expect(expired('silent', wall, wall - lag + sessionTimeout)).toBe(false)
    advance(1)
    expect(expired('silent', wall, wall - lag + sessionTimeout + 1)).toBe(true)
  })

  it('keeps a member alive that was silent for a while but heartbeated again', () => {
    const { advance, expired } = judge()
    expect(expired('slow', wall, wall)).toBe(false)
    advance(sessionTimeout - 1)
    expect(expired('slow', wall + sessionTimeout - 1, wall + sessionTimeout - 1)).toBe(false) // new heartbeat
    advance(sessionTimeout - 1)
    expect(expired('slow', wall + sessionTimeout - 1, wall + 2 * sessionTimeout - 2)).toBe(false)
  })
})
