import { describe, expect, it } from 'vitest'
import type { Executor } from '../../src/core/executor.js'
import {
  CommitError,
  type ConsumerGroupMember,
  type ConsumerGroupOptions,
  consumerGroup,
  NetworkError,
  parseGroupState,
  RequestAbortedError,
  SessionLostError,
  type ShardRecord,
  ValidationError,
} from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'
import { killableExecutor } from '../support/killable-executor.js'

const container = 'bigdata'
// Short intervals so that expiry and commits happen within a test; ratios as in the Go SDK's defaults.
const fast = {
  sessionTimeout: 1500,
  heartbeatInterval: 150,
  commitInterval: 100,
  pollInterval: 10,
  shardWaitInterval: 30,
} satisfies Partial<ConsumerGroupOptions>

const memberIdPattern = (name: string) => new RegExp(`^${name}-[0-9a-v]{20}$`)
const text = (record: ShardRecord) => new TextDecoder().decode(record.data)

async function until(condition: () => boolean | Promise<boolean>, milliseconds = 8000): Promise<void> {
  const deadline = Date.now() + milliseconds
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** Consumes a member's records in the background, marking each; `stop()` ends it. */
function consume(member: ConsumerGroupMember, onRecord: (record: ShardRecord) => void = () => {}) {
  const records: ShardRecord[] = []
  const done = (async () => {
    for await (const record of member.records()) {
      records.push(record)
      onRecord(record)
      member.mark(record)
    }
  })()
  return { records, done }
}

describe('stream consumer groups against the emulator', () => {
  const fixture = useEmulator()

  async function newStream(shardCount: number): Promise<string> {
    const path = `/${uniquePath('groups')}`
    await fixture.client.createStream({ container, path, shardCount })
    return path
  }

  async function rawState(path: string, name: string) {
    const { output } = await fixture.client.getItem({
      container,
      path: `${path}/${name}-state.json`,
      attributeNames: '**',
    })
    return output.item
  }

  it('splits 8 shards 4/4 between two members; a third waits; state is the Go SDK JSON', async () => {
    const path = await newStream(8)
    const group = fixture.client.consumerGroup({
      container,
      path,
      name: 'analytics',
      maxReplicas: 2,
      ...fast,
    })
    const a = await group.join({ memberName: 'worker-a' })
    const b = await group.join({ memberName: 'worker-b' })
    expect(a.shards).toEqual([0, 1, 2, 3])
    expect(b.shards).toEqual([4, 5, 6, 7])
    expect(a.memberId).toMatch(memberIdPattern('worker-a'))

    const waiting = new AbortController()
    let settled = false
    const third = group.join({ memberName: 'worker-c', signal: waiting.signal }).finally(() => {
      settled = true
    })
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(settled).toBe(false)
    waiting.abort()
    await expect(third).rejects.toBeInstanceOf(RequestAbortedError)

    const item = await rawState(path, 'analytics')
    const state = item.state as string
    expect(Object.keys(item).filter((name) => !name.startsWith('__'))).toEqual(['state'])
    expect(state).toMatch(
      /^\{"schema_version":"0\.0\.1","session_states":\[\{"member_id":"worker-a-[0-9a-v]{20}","last_heartbeat_time":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z","shards":\[0,1,2,3\]\},\{"member_id":"worker-b-[0-9a-v]{20}","last_heartbeat_time":"[^"]+Z","shards":\[4,5,6,7\]\}\]\}$/,
    )
    const view = await group.state()
    expect(view.schemaVersion).toBe('0.0.1')
    expect(view.sessions.map((session) => [session.memberId, session.shards])).toEqual([
      [a.memberId, [0, 1, 2, 3]],
      [b.memberId, [4, 5, 6, 7]],
    ])
    expect(Math.abs(view.sessions[0]!.lastHeartbeatTime.getTime() - Date.now())).toBeLessThan(5000)
    await Promise.all([a.close(), b.close()])
  })

  it('gives the shards of a member that stops heartbeating to a joiner after the session timeout; the old member learns it lost them', async () => {
    const path = await newStream(4)
    const options = { container, path, name: 'g', maxReplicas: 2, ...fast }
    const frozen = killableExecutor(fixture.client)
    const errors: unknown[] = []
    const a = await consumerGroup(frozen, { ...options, onError: (error) => errors.push(error) }).join({
      memberName: 'a',
    })
    const group = fixture.client.consumerGroup(options)
    const b = await group.join({ memberName: 'b' })
    expect([a.shards, b.shards]).toEqual([
      [0, 1],
      [2, 3],
    ])
    const reading = consume(a)
    frozen.kill()
    const killedAt = Date.now()
    const c = await group.join({ memberName: 'c' })
    const waited = Date.now() - killedAt
    expect(c.shards).toEqual([0, 1])
    expect(waited).toBeGreaterThanOrEqual(fast.sessionTimeout - fast.heartbeatInterval)
    const sessions = (await group.state()).sessions.map((session) => session.memberId)
    expect(sessions).toEqual([b.memberId, c.memberId])

    // The frozen member comes back: its next heartbeat finds its shards held, and it stops.
    frozen.revive()
    await expect(reading.done).rejects.toBeInstanceOf(SessionLostError)
    expect(a.closed).toBe(true)
    expect(errors.some((error) => error instanceof SessionLostError)).toBe(true)
    await a.close()
    await Promise.all([b.close(), c.close()])
  })

  it('does not let a joiner whose clock runs an hour ahead evict a live member (Go would)', async () => {
    const path = await newStream(2)
    const options = { container, path, name: 'skew', maxReplicas: 1, ...fast }
    const live = killableExecutor(fixture.client)
    const a = await consumerGroup(live, options).join({ memberName: 'a' })
    const ahead = fixture.client.consumerGroup({ ...options, clock: () => Date.now() + 3600_000 })
    let joined: ConsumerGroupMember | undefined
    const joining = ahead.join({ memberName: 'ahead' }).then((member) => {
      joined = member
      return member
    })
    await new Promise((resolve) => setTimeout(resolve, fast.sessionTimeout))
    expect(joined).toBeUndefined()
    expect((await ahead.state()).sessions.map((session) => session.memberId)).toEqual([a.memberId])
    // Once A really stops, the joiner takes over after observing its silence for the session timeout.
    live.kill()
    const member = await joining
    expect(member.shards).toEqual([0, 1])
    live.revive()
    await until(() => a.closed)
    await member.close()
  })

  it('resumes after the commit when a member closes and the group is joined again', async () => {
    const path = await newStream(2)
    const records = Array.from({ length: 20 }, (_, index) => ({ shardId: 1, data: `r${index + 1}` }))
    await fixture.client.putRecords({ container, path, records })
    const group = fixture.client.consumerGroup({
      container,
      path,
      name: 'resume',
      maxReplicas: 1,
      ...fast,
      recordsPerFetch: 8,
    })
    const first = await group.join({ memberName: 'first' })
    expect(first.shards).toEqual([0, 1])
    const seen: string[] = []
    // Two iterations: breaking out of the first keeps the rest of its batch for the second.
    for (const until of [5, 10])
      for await (const record of first.records()) {
        seen.push(text(record))
        first.mark(record)
        if (seen.length === until) break
      }
    await first.close()
    expect(seen).toEqual(records.slice(0, 10).map((record) => record.data))
    expect(await group.committedSequenceNumber(1)).toBe(10)
    expect(await group.committedSequenceNumber(0)).toBeUndefined()
    const shard = await fixture.client.getItem({ container, path: `${path}/1`, attributeNames: '**' })
    expect(shard.output.item.__resume_committed_sequence_number).toBe(10)
    expect(shard.output.item.__obj_type).toBe(3)

    // The closed member's session is left to expire (as in Go); the next member then takes its group.
    const second = await group.join({ memberName: 'second' })
    const rest: string[] = []
    for await (const record of second.records()) {
      rest.push(text(record))
      second.mark(record)
      if (rest.length === 10) break
    }
    expect(rest).toEqual(records.slice(10).map((record) => record.data))
    await second.close()
    expect(await group.lag()).toEqual([
      { shardId: 0, lastSequenceNumber: 0, committedSequenceNumber: undefined, lag: 0 },
      { shardId: 1, lastSequenceNumber: 20, committedSequenceNumber: 20, lag: 0 },
    ])
  })

  it('delivers each of 10,000 records across 8 shards at least once, none lost, across a kill and a rejoin', async () => {
    const path = await newStream(8)
    const total = 10_000
    for (let start = 0; start < total; start += 1000) {
      const records = Array.from({ length: 1000 }, (_, index) => ({ data: `record-${start + index}` }))
      const { output } = await fixture.client.putRecords({ container, path, records })
      expect(output.failedRecordCount).toBe(0)
    }
    const options = { container, path, name: 'bulk', maxReplicas: 2, recordsPerFetch: 100, ...fast }
    const frozen = killableExecutor(fixture.client)
    const deliveries = new Map<string, { shardId: number; sequenceNumber: number; times: number }>()
    const byC: ShardRecord[] = []
    const count = (record: ShardRecord) => {
      const key = text(record)
      const seen = deliveries.get(key)
      if (seen) {
        // The same record always comes back with the same shard and sequence number.
        expect([seen.shardId, seen.sequenceNumber]).toEqual([record.shardId, record.sequenceNumber])
        seen.times += 1
      } else
        deliveries.set(key, {
          shardId: record.shardId,
          sequenceNumber: Number(record.sequenceNumber),
          times: 1,
        })
    }
    const a = await consumerGroup(frozen, options).join({ memberName: 'a' })
    const group = fixture.client.consumerGroup(options)
    const b = await group.join({ memberName: 'b' })
    let processedByA = 0
    const readingA = consume(a, (record) => {
      count(record)
      processedByA += 1
    })
    readingA.done.catch(() => {})
    const readingB = consume(b, count)
    // Kill A once it has processed part of its shards and committed some of that.
    await until(() => processedByA >= 1500)
    await until(async () => (await group.committedSequenceNumber(a.shards[0] as number)) !== undefined)
    frozen.kill()
    const c = await group.join({ memberName: 'c' })
    expect(c.shards).toEqual(a.shards)
    const committedAtKill = new Map<number, number>()
    for (const shardId of a.shards)
      committedAtKill.set(shardId, Number((await group.committedSequenceNumber(shardId)) ?? 0))
    const readingC = consume(c, (record) => {
      count(record)
      byC.push(record)
    })
    await until(() => deliveries.size === total, 20_000)
    await Promise.all([b.close(), c.close()])
    await Promise.all([readingB.done, readingC.done])
    frozen.revive()
    await a.close().catch(() => {})

    const missing = Array.from({ length: total }, (_, index) => `record-${index}`).filter(
      (key) => !deliveries.has(key),
    )
    expect(missing).toEqual([])
    // C resumed each of A's shards right after A's last commit: nothing committed came again.
    expect(byC.length).toBeGreaterThan(0)
    for (const record of byC)
      expect(Number(record.sequenceNumber)).toBeGreaterThan(committedAtKill.get(record.shardId) as number)
    // Duplicates are only records of A's shards after its last commit (at most one commit interval's worth).
    const duplicates = [...deliveries.values()].filter((delivery) => delivery.times > 1)
    for (const duplicate of duplicates) {
      expect(a.shards).toContain(duplicate.shardId)
      expect(duplicate.sequenceNumber).toBeGreaterThan(committedAtKill.get(duplicate.shardId) as number)
    }
    const lag = await group.lag()
    expect(lag.reduce((sum, shard) => sum + Number(shard.lastSequenceNumber), 0)).toBe(total)
    expect(lag.every((shard) => shard.lag === 0)).toBe(true)
  })

  it('writes commits exactly as the Go SDK: the hidden attribute on the shard, never a plain item', async () => {
    const path = await newStream(3)
    await fixture.client.putRecords({ container, path, records: [{ shardId: 0, data: 'x' }] })
    const group = fixture.client.consumerGroup({ container, path, name: 'fmt', maxReplicas: 1, ...fast })
    const member = await group.join({ memberName: 'm' })
    member.mark({ shardId: 0, sequenceNumber: 1 })
    member.mark({ shardId: 2, sequenceNumber: 7 }) // shard 2 has no object: the guarded commit must fail
    const failure = await member.commit().catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(CommitError)
    expect((failure as CommitError).shardId).toBe(2)
    const shard = await fixture.client.getItem({ container, path: `${path}/0`, attributeNames: '**' })
    expect(shard.output.item.__fmt_committed_sequence_number).toBe(1)
    await expect(
      fixture.client.getItem({ container, path: `${path}/2`, attributeNames: '**' }),
    ).rejects.toMatchObject({ statusCode: 404 })
    await expect(member.close()).rejects.toBeInstanceOf(CommitError)
  })

  it('fences itself: a member whose heartbeats fail stops committing before others may take its shards', async () => {
    const path = await newStream(2)
    await fixture.client.putRecords({
      container,
      path,
      records: [
        { shardId: 0, data: 'a' },
        { shardId: 0, data: 'b' },
      ],
    })
    // Heartbeats (state item requests) fail; shard requests, commits included, still go through.
    let partitioned = false
    const executor: Executor = {
      maxConnections: 8,
      execute(operation, options) {
        const path = (options as { path?: string }).path ?? ''
        if (partitioned && path.endsWith('-state.json'))
          return Promise.reject(new NetworkError('state unreachable', 'test'))
        return fixture.client.execute(operation, options)
      },
    }
    const options = { container, path, name: 'fence', maxReplicas: 1, ...fast }
    const errors: unknown[] = []
    const a = await consumerGroup(executor, { ...options, onError: (error) => errors.push(error) }).join({
      memberName: 'a',
    })
    a.mark({ shardId: 0, sequenceNumber: 1 })
    await a.commit()
    partitioned = true
    await new Promise((resolve) => setTimeout(resolve, fast.sessionTimeout))
    a.mark({ shardId: 0, sequenceNumber: 2 })
    const refused = await a.commit().catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(CommitError)
    expect(String(refused)).toMatch(/no successful heartbeat/)
    const group = fixture.client.consumerGroup(options)
    expect(await group.committedSequenceNumber(0)).toBe(1)

    // Its session expired: another member takes the shards and resumes after the last commit.
    const b = await group.join({ memberName: 'b' })
    expect(b.shards).toEqual([0, 1])
    const [first] = await (async () => {
      for await (const record of b.records()) return [record]
      return []
    })()
    expect(first?.sequenceNumber).toBe(2)
    partitioned = false
    await until(() => a.closed)
    expect(errors.some((error) => error instanceof SessionLostError)).toBe(true)
    expect(await group.committedSequenceNumber(0)).toBe(1)
    await a.close()
    await b.close()
  })

  it('takes back the same shards after an eviction when nobody took them, and commits again', async () => {
    const path = await newStream(4)
    await fixture.client.putRecords({
      container,
      path,
      records: [
        { shardId: 0, data: 'a' },
        { shardId: 0, data: 'b' },
      ],
    })
    let partitioned = false
    const executor: Executor = {
      maxConnections: 8,
      execute(operation, options) {
        if (partitioned) return Promise.reject(new NetworkError('unreachable', 'test'))
        return fixture.client.execute(operation, options)
      },
    }
    const options = { container, path, name: 'retain', maxReplicas: 2, ...fast }
    const a = await consumerGroup(executor, options).join({ memberName: 'a' })
    const group = fixture.client.consumerGroup(options)
    const b = await group.join({ memberName: 'b' })
    expect([a.shards, b.shards]).toEqual([
      [0, 1],
      [2, 3],
    ])
    partitioned = true
    // B's heartbeats remove A's expired session; nobody else wants A's group.
    await until(async () => (await group.state()).sessions.length === 1)
    partitioned = false
    await until(async () => (await group.state()).sessions.some((session) => session.memberId === a.memberId))
    const sessions = (await group.state()).sessions.map((session) => [session.memberId, session.shards])
    expect(sessions).toEqual([
      [b.memberId, [2, 3]],
      [a.memberId, [0, 1]],
    ])
    expect(a.closed).toBe(false)
    a.mark({ shardId: 0, sequenceNumber: 2 })
    // The lease is renewed once A has processed its heartbeat's answer: then commits go through again.
    await until(() =>
      a.commit().then(
        () => true,
        () => false,
      ),
    )
    expect(await group.committedSequenceNumber(0)).toBe(2)
    await Promise.all([a.close(), b.close()])
  })

  it('reports a failed commit and commits it at a later tick once requests succeed again', async () => {
    const path = await newStream(1)
    await fixture.client.putRecords({ container, path, records: [{ data: 'a' }, { data: 'b' }] })
    const flaky = killableExecutor(fixture.client)
    const errors: unknown[] = []
    const group = consumerGroup(flaky, {
      container,
      path,
      name: 'flaky',
      maxReplicas: 1,
      ...fast,
      onError: (error) => errors.push(error),
    })
    const member = await group.join({ memberName: 'm' })
    flaky.kill()
    member.mark({ shardId: 0, sequenceNumber: 2 })
    await expect(member.commit()).rejects.toBeInstanceOf(CommitError)
    await until(() => errors.some((error) => error instanceof CommitError))
    flaky.revive()
    await until(
      async () =>
        (await fixture.client
          .consumerGroup({ container, path, name: 'flaky', maxReplicas: 1 })
          .committedSequenceNumber(0)) === 2,
    )
    await member.close()
  })

  it('reads a shard created after joining from its first record even with LATEST', async () => {
    const path = await newStream(2)
    await fixture.client.putRecords({ container, path, records: [{ shardId: 1, data: 'old' }] })
    const group = fixture.client.consumerGroup({
      container,
      path,
      name: 'late',
      maxReplicas: 1,
      initialLocation: 'LATEST',
      ...fast,
    })
    const member = await group.join({ memberName: 'm' })
    const reading = consume(member)
    await new Promise((resolve) => setTimeout(resolve, 200))
    await fixture.client.putRecords({
      container,
      path,
      records: [
        { shardId: 0, data: 'first-of-0' },
        { shardId: 0, data: 'second-of-0' },
        { shardId: 1, data: 'new-of-1' },
      ],
    })
    await until(() => reading.records.length === 3)
    await member.close()
    await reading.done
    expect(reading.records.map((record) => `${record.shardId}:${text(record)}`).sort()).toEqual([
      '0:first-of-0',
      '0:second-of-0',
      '1:new-of-1',
    ])
  })

  it('seeks EARLIEST again after IllegalLocationException (shard deleted and re-created)', async () => {
    const path = await newStream(1)
    await fixture.client.putRecords({
      container,
      path,
      records: [{ data: 'a' }, { data: 'b' }, { data: 'c' }],
    })
    const errors: unknown[] = []
    const group = fixture.client.consumerGroup({
      container,
      path,
      name: 'illegal',
      maxReplicas: 1,
      ...fast,
      onError: (error) => errors.push(error),
    })
    const member = await group.join({ memberName: 'm' })
    const reading = consume(member)
    await until(() => reading.records.length === 3)
    await fixture.client.deleteObject({ container, path: `${path}/0` })
    await fixture.client.putRecords({ container, path, records: [{ data: 'x' }] })
    await until(() => reading.records.length === 4)
    await member.close().catch(() => {})
    await reading.done
    expect(reading.records.map(text)).toEqual(['a', 'b', 'c', 'x'])
    expect(reading.records[3]!.sequenceNumber).toBe(1)
    expect(errors.some((error) => String(error).includes('IllegalLocation'))).toBe(true)
  })

  it('joins a group that a Go member shares: reads its state (offsets, null shards) and writes it back verbatim', async () => {
    const path = await newStream(4)
    const now = new Date()
    const goTime = new Date(now.getTime() + 2 * 3600_000).toISOString().replace('Z', '123456+02:00')
    const goState = `{"schema_version":"0.0.1","session_states":[{"member_id":"nuclio-cn2p3k8vqc4gr0a6c5fg","last_heartbeat_time":"${goTime}","shards":[0,1]},{"member_id":"idle-cn2p3kovqc4gr0a6c5g0","last_heartbeat_time":"${goTime}","shards":null}]}`
    await fixture.client.putItem({
      container,
      path: `${path}/interop-state.json`,
      attributes: { state: goState },
    })
    const group = fixture.client.consumerGroup({ container, path, name: 'interop', maxReplicas: 2, ...fast })
    const member = await group.join({ memberName: 'ts' })
    expect(member.shards).toEqual([2, 3])
    const state = (await rawState(path, 'interop')).state as string
    expect(state.startsWith(goState.slice(0, -2).replace('null', '[]'))).toBe(true)
    expect(parseGroupState(state).sessions.map((session) => session.memberId)).toEqual([
      'nuclio-cn2p3k8vqc4gr0a6c5fg',
      'idle-cn2p3kovqc4gr0a6c5g0',
      member.memberId,
    ])
    await member.close()
  })

  it('stops promptly on the join signal, and checks its options', async () => {
    const path = await newStream(1)
    const group = fixture.client.consumerGroup({ container, path, name: 'sig', maxReplicas: 1, ...fast })
    const controller = new AbortController()
    const member = await group.join({ memberName: 'm', signal: controller.signal })
    const reading = consume(member)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const started = Date.now()
    controller.abort()
    await reading.done
    expect(member.closed).toBe(true)
    expect(Date.now() - started).toBeLessThan(500)

    expect(() =>
      fixture.client.consumerGroup({ container, path, name: 'no-hyphens', maxReplicas: 1 }),
    ).toThrow(expect.objectContaining({ parameter: 'name' }))
    expect(() => fixture.client.consumerGroup({ container, path, name: 'ok', maxReplicas: 0 })).toThrow(
      ValidationError,
    )
    expect(() =>
      fixture.client.consumerGroup({
        container,
        path,
        name: 'ok',
        maxReplicas: 1,
        heartbeatInterval: 20_000,
      }),
    ).toThrow(expect.objectContaining({ parameter: 'heartbeatInterval' }))
    await expect(group.join({ memberName: '' })).rejects.toMatchObject({ parameter: 'memberName' })
    expect(() => member.mark({ shardId: 5, sequenceNumber: 1 })).toThrow(
      expect.objectContaining({ parameter: 'record.shardId' }),
    )
  })
})
