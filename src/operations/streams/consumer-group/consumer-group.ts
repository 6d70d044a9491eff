import { RequestAbortedError, ValidationError } from '../../../core/errors.js'
import type { Executor } from '../../../core/executor.js'
import { isNotFound } from '../../kv/error-predicates.js'
import { getItem } from '../../kv/get-item.js'
import { describeStream } from '../describe-stream.js'
import type { SequenceNumber } from '../sequence-numbers.js'
import { validateShardId } from '../stream-paths.js'
import { abortableWait } from './abortable-wait.js'
import { readShardCommit } from './commits.js'
import {
  type ConsumerGroupOptions,
  committedAttribute,
  type ResolvedGroupOptions,
  resolveGroupOptions,
  shardItemPath,
} from './group-options.js'
import { parseRfc3339 } from './group-state.js'
import { ConsumerGroupMember } from './member.js'
import { newMemberId } from './member-id.js'
import { SessionExpiry } from './session-expiry.js'
import { applyHeartbeat, replicaShardGroups } from './shard-assignment.js'
import { modifyGroupState, readGroupState } from './state-store.js'

/** Options of {@link ConsumerGroup.join}. */
export interface JoinOptions {
  /** The member's name; its id in the state is `<memberName>-<unique suffix>`. */
  memberName: string
  /** Aborts a join that waits for a free shard group, and afterwards closes the member. */
  signal?: AbortSignal
}

/** One member's session, as `state()` reports it. */
export interface GroupSession {
  /** `<member name>-<unique suffix>`. */
  memberId: string
  /** The member's last heartbeat (wall clock of the member that wrote it). */
  lastHeartbeatTime: Date
  /** The heartbeat exactly as stored (RFC 3339, any offset, up to nanoseconds). */
  lastHeartbeatTimeText: string
  /** The shards the member owns. */
  shards: number[]
}

/** A group's state, as `state()` reports it. */
export interface GroupStateView {
  /** The state's schema version (`"0.0.1"`); `undefined` when the group has no state item yet. */
  schemaVersion: string | undefined
  /** The sessions stored, expired ones included until a member removes them. */
  sessions: GroupSession[]
}

/** One shard's progress, as `lag()` reports it. */
export interface ShardLag {
  /** The shard's id. */
  shardId: number
  /** The shard's last sequence number (`__last_sequence_num`); 0 for a shard without records. */
  lastSequenceNumber: SequenceNumber
  /** The group's committed sequence number, if any. */
  committedSequenceNumber: SequenceNumber | undefined
  /** Records not committed yet: last − committed (all of them when nothing was committed). */
  lag: SequenceNumber
}

function difference(a: SequenceNumber, b: SequenceNumber): SequenceNumber {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const result = BigInt(a) - BigInt(b)
  return result >= BigInt(Number.MIN_SAFE_INTEGER) && result <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(result)
    : result
}

/**
 * A stream consumer group whose state is byte-compatible with the official Go SDK's (Nuclio's stream
 * trigger), so TypeScript and Go members can share one group. `join()` claims a shard group; `state()`,
 * `committedSequenceNumber()` and `lag()` inspect the group without joining (e.g. from a dashboard).
 */
export class ConsumerGroup {
  readonly #executor: Executor
  readonly #options: ResolvedGroupOptions
  readonly #expiry: SessionExpiry
  #shardCount: Promise<number> | undefined

  constructor(executor: Executor, options: ConsumerGroupOptions) {
    this.#executor = executor
    this.#options = resolveGroupOptions(options)
    this.#expiry = new SessionExpiry(this.#options.sessionTimeout, this.#options.heartbeatInterval)
  }

  /** The group's name. */
  get name(): string {
    return this.#options.name
  }

  /** The stream's shard count, read once (DescribeStream) as the Go SDK does: growth is noticed by new groups. */
  shardCount(): Promise<number> {
    this.#shardCount ??= this.#executor
      .execute(describeStream, this.#call(`/${this.#options.streamPath}`, undefined))
      .then((response) => response.output.shardCount)
    this.#shardCount.catch(() => {
      this.#shardCount = undefined
    })
    return this.#shardCount
  }

  /**
   * Joins the group: creates this member's session with a free shard group (waiting, heartbeat after
   * heartbeat, while none is free) and resolves to the member. Aborting `signal` rejects a waiting join
   * with `RequestAbortedError`, and closes a joined member.
   */
  async join(options: JoinOptions): Promise<ConsumerGroupMember> {
    if (typeof options !== 'object' || options === null)
      throw new ValidationError('options', 'must be an object with memberName')
    const memberId = newMemberId(options.memberName)
    const signal = options.signal ?? new AbortController().signal
    const groups = replicaShardGroups(await this.shardCount(), this.#options.maxReplicas)
    for (;;) {
      let leaseStart = 0
      const outcome = await modifyGroupState(
        this.#executor,
        this.#options,
        (state) => {
          leaseStart = performance.now()
          const now = this.#options.clock()
          return applyHeartbeat(state, {
            memberId,
            previousShards: undefined,
            groups,
            now,
            expired: this.#expiry.observe(state.sessions, now),
          })
        },
        signal,
      )
      if (outcome.kind === 'owned')
        return new ConsumerGroupMember({
          executor: this.#executor,
          options: this.#options,
          memberId,
          shards: outcome.shards,
          groups,
          expiry: this.#expiry,
          leaseStart,
          signal: options.signal,
        })
      await abortableWait(this.#options.heartbeatInterval, signal)
      if (signal.aborted) throw new RequestAbortedError('join', signal.reason)
    }
  }

  /** The group's sessions as stored (no session expires by being read). Empty when nobody ever joined. */
  async state(options: { signal?: AbortSignal } = {}): Promise<GroupStateView> {
    const stored = await readGroupState(this.#executor, this.#options, options.signal)
    return {
      schemaVersion: stored.modified ? stored.state.schemaVersion : undefined,
      sessions: stored.state.sessions.map((session) => ({
        memberId: session.memberId,
        lastHeartbeatTime: new Date(parseRfc3339(session.lastHeartbeatTime)),
        lastHeartbeatTimeText: session.lastHeartbeatTime,
        shards: [...session.shards],
      })),
    }
  }

  /** The group's committed sequence number of a shard, or `undefined` (nothing committed, or no shard object yet). */
  async committedSequenceNumber(
    shardId: number,
    options: { signal?: AbortSignal } = {},
  ): Promise<SequenceNumber | undefined> {
    const commit = await readShardCommit(
      this.#executor,
      this.#options,
      validateShardId(shardId),
      options.signal,
    )
    return commit.kind === 'shard' ? commit.sequenceNumber : undefined
  }

  /** Per shard: last sequence number, committed sequence number and lag (last − committed). */
  async lag(options: { signal?: AbortSignal } = {}): Promise<ShardLag[]> {
    const attribute = committedAttribute(this.#options)
    const shardIds = Array.from({ length: await this.shardCount() }, (_, shardId) => shardId)
    return Promise.all(
      shardIds.map(async (shardId): Promise<ShardLag> => {
        let item: Record<string, unknown> = {}
        try {
          const { output } = await this.#executor.execute(getItem, {
            ...this.#call(shardItemPath(this.#options, shardId), options.signal),
            attributeNames: ['__last_sequence_num', attribute],
          })
          item = output.item
        } catch (error) {
          if (!isNotFound(error)) throw error
        }
        const number = (value: unknown) =>
          typeof value === 'number' || typeof value === 'bigint' ? value : undefined
        const lastSequenceNumber = number(item.__last_sequence_num) ?? 0
        const committedSequenceNumber = number(item[attribute])
        return {
          shardId,
          lastSequenceNumber,
          committedSequenceNumber,
          lag: difference(lastSequenceNumber, committedSequenceNumber ?? 0),
        }
      }),
    )
  }

  #call(path: string, signal: AbortSignal | undefined) {
    const { container, accessKey, timeout } = this.#options
    return { container, path, accessKey, timeout, signal, raiseForStatus: 'always' as const }
  }
}

/**
 * A consumer group of a stream (see {@link ConsumerGroup}); nothing is sent until `join()` or an inspection.
 * @example
 * const member = await consumerGroup(client, { container, path: '/my-stream', name: 'analytics', maxReplicas: 2 })
 *   .join({ memberName: 'worker-a' })
 */
export function consumerGroup(executor: Executor, options: ConsumerGroupOptions): ConsumerGroup {
  return new ConsumerGroup(executor, options)
}
