import { describe, expect, it } from 'vitest'
import {
  type GroupState,
  parseRfc3339,
  type SessionState,
} from '../../../../src/operations/streams/consumer-group/group-state.js'
import {
  applyHeartbeat,
  chooseShardGroup,
  formatRfc3339,
} from '../../../../src/operations/streams/consumer-group/heartbeat.js'
import { replicaShardGroups } from '../../../../src/operations/streams/consumer-group/shard-assignment.js'

const now = Date.UTC(2024, 4, 1, 10, 0, 0)
const session = (memberId: string, shards: number[], age = 0) => ({
  memberId,
  lastHeartbeatTime: formatRfc3339(now - age),
  shards,
})
// The Go SDK's rule (wall clocks only); the member adds its own observations (session-expiry.test.ts).
const olderThan = (timeout: number) => (entry: SessionState) =>
  now - parseRfc3339(entry.lastHeartbeatTime) > timeout
const state = (...sessions: ReturnType<typeof session>[]): GroupState => ({
  schemaVersion: '0.0.1',
  sessions,
})

describe('shard-group assignment (the Go SDK rules)', () => {
  it('splits shards into replica groups as the contract tabulates', () => {
    expect(replicaShardGroups(8, 4)).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
    ])
    expect(replicaShardGroups(8, 3)).toEqual([
      [0, 1, 2],
      [3, 4],
      [5, 6, 7],
    ])
    expect(replicaShardGroups(4, 8)).toEqual([[0], [], [1], [], [2], [], [3], []])
    expect(replicaShardGroups(8, 2)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ])
    expect(replicaShardGroups(1, 1)).toEqual([[0]])
  })

  it('takes the first group nobody holds, and none when all are held', () => {
    const groups = replicaShardGroups(8, 4)
    expect(chooseShardGroup(groups, [])).toEqual([0, 1])
    expect(chooseShardGroup(groups, [session('a', [0, 1]), session('c', [4, 5])])).toEqual([2, 3])
    expect(
      chooseShardGroup(
        groups,
        groups.map((group, index) => session(`m${index}`, group)),
      ),
    ).toBeUndefined()
    // A group is held as soon as one of its shards is.
    expect(chooseShardGroup(groups, [session('a', [1])])).toEqual([2, 3])
  })

  it('hands out empty groups while fewer sessions hold one than there are empty groups', () => {
    const groups = replicaShardGroups(4, 8)
    expect(chooseShardGroup(groups, [])).toEqual([])
    const fourEmpty = [0, 1, 2, 3].map((index) => session(`e${index}`, []))
    expect(chooseShardGroup(groups, fourEmpty)).toEqual([0])
    expect(chooseShardGroup(groups, [...fourEmpty, session('x', [0])])).toEqual([1])
  })

  it('refreshes its own session, dropping expired ones', () => {
    const current = state(
      session('me', [0, 1], 2000),
      session('dead', [2, 3], 11_000),
      session('live', [4], 9_000),
    )
    const outcome = applyHeartbeat(current, {
      memberId: 'me',
      previousShards: [0, 1],
      groups: replicaShardGroups(8, 4),
      now,
      expired: olderThan(10_000),
    })
    expect(outcome).toEqual({ kind: 'owned', shards: [0, 1] })
    expect(current.sessions).toEqual([session('me', [0, 1]), session('live', [4], 9_000)])
  })

  it('creates a session with a free group, or waits when none is free', () => {
    const groups = replicaShardGroups(4, 2)
    const current = state(session('a', [0, 1]), session('gone', [2, 3], 10_001))
    const input = { memberId: 'new', previousShards: undefined, groups, now, expired: olderThan(10_000) }
    expect(applyHeartbeat(current, input)).toEqual({ kind: 'owned', shards: [2, 3] })
    expect(current.sessions.map((entry) => entry.memberId)).toEqual(['a', 'new'])
    expect(applyHeartbeat(current, { ...input, memberId: 'third' })).toEqual({ kind: 'waiting' })
    expect(current.sessions.map((entry) => entry.memberId)).toEqual(['a', 'new'])
  })

  it('after an eviction takes back the same shards, or reports them lost when another member holds one', () => {
    const groups = replicaShardGroups(4, 2)
    const input = { memberId: 'me', previousShards: [2, 3], groups, now, expired: olderThan(10_000) }
    const free = state(session('a', [0, 1]))
    expect(applyHeartbeat(free, input)).toEqual({ kind: 'owned', shards: [2, 3] })
    expect(free.sessions.at(-1)).toEqual(session('me', [2, 3]))
    const taken = state(session('a', [0, 1]), session('b', [2, 3]))
    expect(applyHeartbeat(taken, input)).toEqual({ kind: 'lost' })
    expect(taken.sessions.map((entry) => entry.memberId)).toEqual(['a', 'b'])
  })
})
