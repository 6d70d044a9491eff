import { ValidationError } from '../../../core/errors.js'
import type { Executor } from '../../../core/executor.js'
import { loadReadingEngine } from '../../reading-engine-loader.js'
import type { SequenceNumber } from '../sequence-numbers.js'
import type { GroupEngine } from './group-engine.js'
import { type ConsumerGroupOptions, type ResolvedGroupOptions, resolveGroupOptions } from './group-options.js'
import { ConsumerGroupMember } from './member.js'

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

/**
 * A stream consumer group whose state is byte-compatible with the official Go SDK's (Nuclio's stream
 * trigger), so TypeScript and Go members can share one group. `join()` claims a shard group; `state()`,
 * `committedSequenceNumber()` and `lag()` inspect the group without joining (e.g. from a dashboard).
 */
export class ConsumerGroup {
  readonly #executor: Executor
  readonly #options: ResolvedGroupOptions
  #engine: Promise<GroupEngine> | undefined

  constructor(executor: Executor, options: ConsumerGroupOptions) {
    this.#executor = executor
    this.#options = resolveGroupOptions(options)
  }

  /** The group's name. */
  get name(): string {
    return this.#options.name
  }

  /** The stream's shard count, read once (DescribeStream) as the Go SDK does: growth is noticed by new groups. */
  async shardCount(): Promise<number> {
    return (await this.#load()).shardCount()
  }

  /**
   * Joins the group: creates this member's session with a free shard group (waiting, heartbeat after
   * heartbeat, while none is free) and resolves to the member. Aborting `signal` rejects a waiting join
   * with `RequestAbortedError`, and closes a joined member.
   */
  async join(options: JoinOptions): Promise<ConsumerGroupMember> {
    if (typeof options !== 'object' || options === null)
      throw new ValidationError('options', 'must be an object with memberName')
    return new ConsumerGroupMember(await (await this.#load()).join(options))
  }

  /** The group's sessions as stored (no session expires by being read). Empty when nobody ever joined. */
  async state(options: { signal?: AbortSignal } = {}): Promise<GroupStateView> {
    return (await this.#load()).state(options)
  }

  /** The group's committed sequence number of a shard, or `undefined` (nothing committed, or no shard object yet). */
  async committedSequenceNumber(
    shardId: number,
    options: { signal?: AbortSignal } = {},
  ): Promise<SequenceNumber | undefined> {
    return (await this.#load()).committedSequenceNumber(shardId, options)
  }

  /** Per shard: last sequence number, committed sequence number and lag (last − committed). */
  async lag(options: { signal?: AbortSignal } = {}): Promise<ShardLag[]> {
    return (await this.#load()).lag(options)
  }

  #load(): Promise<GroupEngine> {
    if (!this.#engine) {
      this.#engine = loadReadingEngine().then(
        ({ GroupEngine }) => new GroupEngine(this.#executor, this.#options),
      )
      // A failed load is tried again by the next call.
      this.#engine.catch(() => {
        this.#engine = undefined
      })
    }
    return this.#engine
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
