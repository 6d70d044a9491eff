import type { GroupState, SessionState } from './group-state.js'

// A member's heartbeat applied to the group's state: expiring other sessions, refreshing the member's own,
// or claiming a shard group for it. Only the reading engine uses it (loaded with a group's first join).

/**
 * The shard group a new session takes (streams.md, shard-group assignment), or `undefined` when every
 * group is held: an empty group while fewer sessions hold one than there are empty groups, otherwise the
 * first non-empty group none of whose shards a session holds.
 */
export function chooseShardGroup(
  groups: readonly (readonly number[])[],
  sessions: readonly SessionState[],
): number[] | undefined {
  const emptyGroups = groups.filter((group) => group.length === 0).length
  const sessionsWithoutShards = sessions.filter((session) => session.shards.length === 0).length
  if (emptyGroups !== sessionsWithoutShards && emptyGroups > 0) return []
  const held = new Set(sessions.flatMap((session) => session.shards))
  const free = groups.find((group) => group.length > 0 && group.every((shard) => !held.has(shard)))
  return free && [...free]
}

/** What a heartbeat did to the state. */
export type HeartbeatOutcome =
  /** The member's session exists (refreshed or created) and owns these shards. */
  | { kind: 'owned'; shards: number[] }
  /** No group is free: no session was created; try again later. */
  | { kind: 'waiting' }
  /** The member was evicted and another session holds some of its former shards. */
  | { kind: 'lost' }

/** What {@link applyHeartbeat} needs to know. */
export interface HeartbeatInput {
  /** The member's id. */
  memberId: string
  /** The shards the member owned before, if it ever had a session. */
  previousShards: readonly number[] | undefined
  /** The replica groups of the stream. */
  groups: readonly (readonly number[])[]
  /** Wall-clock now, milliseconds since the epoch: the heartbeat time written. */
  now: number
  /** Whether another member's session has expired (it is then removed). */
  expired: (session: SessionState) => boolean
}

/**
 * The modification every heartbeat applies to the state (streams.md, joining): removes expired sessions,
 * then refreshes this member's session, re-creates it with its former shards after an eviction, or
 * creates it with a free shard group. Mutates and returns `state`'s sessions.
 */
export function applyHeartbeat(state: GroupState, input: HeartbeatInput): HeartbeatOutcome {
  const { memberId, now } = input
  state.sessions = state.sessions.filter(
    (session) => session.memberId === memberId || !input.expired(session),
  )
  const heartbeat = formatRfc3339(now)
  const own = state.sessions.find((session) => session.memberId === memberId)
  if (own) {
    own.lastHeartbeatTime = heartbeat
    return { kind: 'owned', shards: [...own.shards] }
  }
  let shards: number[] | undefined
  if (input.previousShards !== undefined) {
    const held = new Set(state.sessions.flatMap((session) => session.shards))
    if (input.previousShards.some((shard) => held.has(shard))) return { kind: 'lost' }
    shards = [...input.previousShards]
  } else {
    shards = chooseShardGroup(input.groups, state.sessions)
    if (shards === undefined) return { kind: 'waiting' }
  }
  state.sessions.push({ memberId, lastHeartbeatTime: heartbeat, shards })
  return { kind: 'owned', shards: [...shards] }
}

/**
 * A time as Go's `time.RFC3339Nano` writes it in UTC: `2024-05-01T10:00:03.12Z` (trailing zeros of the
 * fraction dropped, no fraction for a whole second).
 */
export function formatRfc3339(milliseconds: number): string {
  const iso = new Date(milliseconds).toISOString()
  return iso.replace(/\.(\d{3})Z$/, (_, fraction: string) => {
    const trimmed = fraction.replace(/0+$/, '')
    return trimmed ? `.${trimmed}Z` : 'Z'
  })
}
