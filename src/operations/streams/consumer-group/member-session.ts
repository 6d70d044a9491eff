import type { Executor } from '../../../core/executor.js'
import {
  ConsumerGroupError,
  SessionLostError,
  ValidationError,
  validateSequenceNumber,
} from '../../reading-engine-dependencies.js'
import type { SequenceNumber } from '../sequence-numbers.js'
import type { ShardRecord } from '../shard-reader.js'
import { BatchQueue } from './batch-queue.js'
import { CommitTracker } from './commits.js'
import type { SessionLostError as SessionLost } from './errors.js'
import type { ResolvedGroupOptions } from './group-options.js'
import { applyHeartbeat } from './heartbeat.js'
import type { SessionExpiry } from './session-expiry.js'
import { fetchShard } from './shard-fetcher.js'
import { modifyGroupState } from './state-store.js'

/** What a member's session is created with, by the group engine's `join`. */
export interface MemberInit {
  readonly executor: Executor
  readonly options: ResolvedGroupOptions
  readonly memberId: string
  readonly shards: readonly number[]
  readonly groups: readonly (readonly number[])[]
  /** The group's view of other members' heartbeats, shared by its joins and members. */
  readonly expiry: SessionExpiry
  /** Monotonic time (`performance.now()`) at which the joining heartbeat was read: the lease's start. */
  readonly leaseStart: number
  /** The caller's signal: aborting it closes the member. */
  readonly signal: AbortSignal | undefined
}

/**
 * The machinery of a `ConsumerGroupMember` (member.ts), loaded on demand with the rest of the group
 * engine: reads the member's shards, commits what the application marks, and heartbeats its session.
 */
export class MemberSession {
  /** `<member name>-<unique suffix>`, as in the group's state. */
  readonly memberId: string
  readonly #init: MemberInit
  readonly #shards: readonly number[]
  readonly #stop = new AbortController()
  readonly #queue: BatchQueue<ShardRecord>
  readonly #commits = new CommitTracker()
  #leaseStart: number
  #heartbeatTimer: ReturnType<typeof setTimeout> | undefined
  #commitTimer: ReturnType<typeof setTimeout> | undefined
  #fetchers: Promise<void>[] | undefined
  #iterating = false
  #lost: SessionLost | undefined
  #flushing: Promise<unknown> = Promise.resolve()
  #closing: Promise<void> | undefined
  #heartbeating: Promise<void> = Promise.resolve()
  readonly #onAbort = () => {
    this.close().catch(this.#init.options.onError)
  }

  constructor(init: MemberInit) {
    this.#init = init
    this.memberId = init.memberId
    this.#shards = Object.freeze([...init.shards])
    this.#leaseStart = init.leaseStart
    this.#queue = new BatchQueue(init.options.bufferedBatches)
    this.#scheduleHeartbeat()
    this.#scheduleCommit()
    if (init.signal?.aborted) this.#onAbort()
    else init.signal?.addEventListener('abort', this.#onAbort, { once: true })
  }

  /** The shards this member owns (its replica group), e.g. `[0, 1, 2, 3]`; empty when its group is empty. */
  get shards(): readonly number[] {
    return this.#shards
  }

  /** Whether the member has been closed (or lost its session). */
  get closed(): boolean {
    return this.#stop.signal.aborted
  }

  /**
   * Every record of the member's shards, as they arrive, each shard resumed after the group's committed
   * sequence number. Ends when the member closes; throws `SessionLostError` if the session is lost. One
   * iteration at a time; breaking out keeps the undelivered records for the next iteration.
   */
  async *records(): AsyncGenerator<ShardRecord, void, undefined> {
    if (this.#iterating) throw new ConsumerGroupError('records() is already being iterated')
    this.#iterating = true
    this.#startFetching()
    let batch: ShardRecord[] | undefined
    let index = 0
    try {
      while (!this.closed) {
        batch = await this.#queue.next()
        index = 0
        if (!batch) return
        while (index < batch.length) {
          const record = batch[index++] as ShardRecord
          yield record
          if (this.closed) return
        }
      }
      if (this.#lost) throw this.#lost
    } finally {
      this.#iterating = false
      if (batch && index < batch.length) this.#queue.requeue(batch.slice(index))
    }
  }

  /**
   * Marks a record (or `{ shardId, sequenceNumber }`) as processed: it and everything before it in its
   * shard are committed at the next commit. Marks should follow each shard's order.
   */
  mark(record: { shardId: number; sequenceNumber: SequenceNumber }): void {
    if (typeof record !== 'object' || record === null)
      throw new ValidationError('record', 'must be a record from records() or { shardId, sequenceNumber }')
    if (!this.#shards.includes(record.shardId))
      throw new ValidationError(
        'record.shardId',
        `shard ${String(record.shardId)} is not one of this member's shards ${JSON.stringify(this.#shards)}`,
      )
    this.#commits.mark(
      record.shardId,
      validateSequenceNumber(record.sequenceNumber, 'record.sequenceNumber', 1),
    )
  }

  /**
   * Commits the marks now. Rejects with the `CommitError` (or an `AggregateError` of several) when a shard's
   * commit failed; the mark stays pending and is committed again at the next tick.
   */
  async commit(): Promise<void> {
    const errors = await this.#flush()
    if (errors.length === 1) throw errors[0]
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} shard commits failed`)
  }

  /**
   * Leaves: stops heartbeats and fetching, ends `records()`, and commits the marks a last time (the
   * session itself is left to expire, as the Go SDK does). Rejects if that final commit failed.
   * Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.#closing ??= this.#shutDown()
    return this.#closing
  }

  async #shutDown(): Promise<void> {
    this.#stopEverything()
    await Promise.allSettled([...(this.#fetchers ?? []), this.#heartbeating])
    if (this.#lost) return
    await this.commit()
  }

  #stopEverything(error?: unknown): void {
    clearTimeout(this.#heartbeatTimer)
    clearTimeout(this.#commitTimer)
    this.#heartbeatTimer = undefined
    this.#commitTimer = undefined
    this.#init.signal?.removeEventListener('abort', this.#onAbort)
    this.#stop.abort()
    this.#queue.close(error)
  }

  #startFetching(): void {
    if (this.#fetchers) return
    const { executor, options } = this.#init
    this.#fetchers = this.#shards.map((shardId) =>
      fetchShard({
        executor,
        options,
        shardId,
        signal: this.#stop.signal,
        deliver: (records) => this.#queue.push(records),
        report: options.onError,
      }).catch(options.onError),
    )
  }

  // Self-fencing (the Go SDK has none): once the last successful heartbeat is nearly a session timeout
  // old, others may own the shards, so nothing is committed until a heartbeat confirms the session again.
  // The lease ends one heartbeat interval early (monotonic clock) to tolerate that much clock skew.
  #refusal = (): string | undefined => {
    if (this.#lost) return 'the session was lost'
    const { sessionTimeout, heartbeatInterval } = this.#init.options
    const age = performance.now() - this.#leaseStart
    if (age >= sessionTimeout - heartbeatInterval)
      return `no successful heartbeat for ${Math.round(age)} ms: the session may have expired (timeout ${sessionTimeout} ms), so the commit is held back`
    return undefined
  }

  #flush(): Promise<Awaited<ReturnType<CommitTracker['flush']>>> {
    // One flush at a time, so that an older mark is never written after a newer one.
    const flush = this.#flushing.then(() =>
      this.#commits.flush(this.#init.executor, this.#init.options, this.#refusal),
    )
    this.#flushing = flush.catch(() => undefined)
    return flush
  }

  #scheduleCommit(): void {
    this.#commitTimer = setTimeout(async () => {
      for (const error of await this.#flush()) this.#init.options.onError(error)
      if (!this.closed) this.#scheduleCommit()
    }, this.#init.options.commitInterval)
  }

  #scheduleHeartbeat(): void {
    this.#heartbeatTimer = setTimeout(() => {
      this.#heartbeating = this.#heartbeat()
    }, this.#init.options.heartbeatInterval)
  }

  async #heartbeat(): Promise<void> {
    const { executor, options, memberId, groups } = this.#init
    let attemptStart = 0
    try {
      const outcome = await modifyGroupState(
        executor,
        options,
        (state) => {
          attemptStart = performance.now()
          const now = options.clock()
          return applyHeartbeat(state, {
            memberId,
            previousShards: this.#shards,
            groups,
            now,
            expired: this.#init.expiry.observe(state.sessions, now),
          })
        },
        this.#stop.signal,
      )
      if (outcome.kind === 'lost') {
        this.#lost = new SessionLostError(memberId, this.#shards)
        options.onError(this.#lost)
        this.#stopEverything(this.#lost)
        return
      }
      this.#leaseStart = attemptStart
    } catch (error) {
      if (!this.closed) options.onError(error)
    }
    if (!this.closed) this.#scheduleHeartbeat()
  }
}
