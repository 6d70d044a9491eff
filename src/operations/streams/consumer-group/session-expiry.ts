import { parseRfc3339 } from '../../reading-engine-dependencies.js'
import type { SessionState } from './group-state.js'

/**
 * Decides when another member's session has expired. The Go SDK compares the stored wall-clock
 * heartbeat with its own wall clock only, so a member whose clock runs ahead evicts live members, and one
 * whose clock lags takes over dead members late. This member also watches each session's heartbeat text
 * on its own monotonic clock: a session expires only once its heartbeat has stayed unchanged for two
 * heartbeat intervals (a live member rewrites it every interval) **and** either the wall clocks say it is
 * older than the session timeout, or it has stayed unchanged for longer than the session timeout. Skew in
 * either direction then neither evicts live members nor delays a takeover by more than two intervals.
 */
export class SessionExpiry {
  readonly #seen = new Map<string, { heartbeat: string; since: number }>()
  readonly #sessionTimeout: number
  readonly #heartbeatInterval: number
  readonly #monotonic: () => number

  constructor(
    sessionTimeout: number,
    heartbeatInterval: number,
    monotonic: () => number = () => performance.now(),
  ) {
    this.#sessionTimeout = sessionTimeout
    this.#heartbeatInterval = heartbeatInterval
    this.#monotonic = monotonic
  }

  /**
   * Records what this read of the state shows and returns the predicate "has this session expired" for
   * it. `wallNow` is the wall clock, in milliseconds since the epoch.
   */
  observe(sessions: readonly SessionState[], wallNow: number): (session: SessionState) => boolean {
    const now = this.#monotonic()
    const present = new Set<string>()
    for (const { memberId, lastHeartbeatTime } of sessions) {
      present.add(memberId)
      const seen = this.#seen.get(memberId)
      if (seen?.heartbeat !== lastHeartbeatTime)
        this.#seen.set(memberId, { heartbeat: lastHeartbeatTime, since: now })
    }
    for (const memberId of this.#seen.keys()) if (!present.has(memberId)) this.#seen.delete(memberId)
    return (session) => {
      const unchangedFor = now - (this.#seen.get(session.memberId)?.since ?? now)
      if (unchangedFor < 2 * this.#heartbeatInterval) return false
      const age = wallNow - parseRfc3339(session.lastHeartbeatTime)
      return age > this.#sessionTimeout || unchangedFor > this.#sessionTimeout
    }
  }
}
