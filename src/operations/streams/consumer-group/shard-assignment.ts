import { formatRfc3339, type GroupState, type SessionState } from './group-state.js'

/**
 * The replica groups of `shardCount` shards shared by `maxReplicas` members, as the Go SDK computes them:
 * group `i` is the shards `s` with `floor(i·step + 0.5) ≤ s < floor((i+1)·step + 0.5)`, `step = N / R`.
 * Groups are empty when there are more replicas than shards.
 */
export function replicaShardGroups(shardCount: number, maxReplicas: number): number[][] {
  const step = shardCount / maxReplicas
  const groups: number[][] = []
  for (let index = 0; index < maxReplicas; index++) {
    const start = Math.floor(index * step + 0.5)
    const end = Math.floor((index + 1) * step + 0.5)
    const group: number[] = []
    for (let shard = start; shard < end; shard++) group.push(shard)
    groups.push(group)
  }
  return groups
}

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
