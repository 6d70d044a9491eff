import type { Executor } from '../../../core/executor.js'
import {
  describeStream,
  getItem,
  isNotFound,
  parseRfc3339,
  RequestAbortedError,
  replicaShardGroups,
  validateShardId,
} from '../../reading-engine-dependencies.js'
import type { SequenceNumber } from '../sequence-numbers.js'
import { abortableWait } from './abortable-wait.js'
import { readShardCommit } from './commits.js'
import type { GroupStateView, JoinOptions, ShardLag } from './consumer-group.js'
import type { ResolvedGroupOptions } from './group-options.js'
import { committedAttribute, shardItemPath } from './group-paths.js'
import { applyHeartbeat } from './heartbeat.js'
import { newMemberId } from './member-id.js'
import { MemberSession } from './member-session.js'
import { SessionExpiry } from './session-expiry.js'
import { modifyGroupState, readGroupState } from './state-store.js'

function difference(a: SequenceNumber, b: SequenceNumber): SequenceNumber {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const result = BigInt(a) - BigInt(b)
  return result >= BigInt(Number.MIN_SAFE_INTEGER) && result <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(result)
    : result
}

/**
 * What a `ConsumerGroup` (consumer-group.ts) does, loaded on demand with its first join or inspection:
 * joining, and reading the group's state, commits and lag.
 */
export class GroupEngine {
  readonly #executor: Executor
  readonly #options: ResolvedGroupOptions
  // The group's view of other members' heartbeats, shared by its joins and members (a group has one engine).
  readonly #expiry: SessionExpiry
  #shardCount: Promise<number> | undefined

  constructor(executor: Executor, options: ResolvedGroupOptions) {
    this.#executor = executor
    this.#options = options
    this.#expiry = new SessionExpiry(options.sessionTimeout, options.heartbeatInterval)
  }

  /** See `ConsumerGroup.shardCount`. */
  shardCount(): Promise<number> {
    this.#shardCount ??= this.#executor
      .execute(describeStream, this.#call(`/${this.#options.streamPath}`, undefined))
      .then((response) => response.output.shardCount)
    this.#shardCount.catch(() => {
      this.#shardCount = undefined
    })
    return this.#shardCount
  }

  /** See `ConsumerGroup.join`. */
  async join(options: JoinOptions): Promise<MemberSession> {
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
        return new MemberSession({
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

  /** See `ConsumerGroup.state`. */
  async state(options: { signal?: AbortSignal }): Promise<GroupStateView> {
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

  /** See `ConsumerGroup.committedSequenceNumber`. */
  async committedSequenceNumber(
    shardId: number,
    options: { signal?: AbortSignal },
  ): Promise<SequenceNumber | undefined> {
    const commit = await readShardCommit(
      this.#executor,
      this.#options,
      validateShardId(shardId),
      options.signal,
    )
    return commit.kind === 'shard' ? commit.sequenceNumber : undefined
  }

  /** See `ConsumerGroup.lag`. */
  async lag(options: { signal?: AbortSignal }): Promise<ShardLag[]> {
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
