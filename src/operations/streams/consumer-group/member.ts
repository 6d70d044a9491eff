import type { SequenceNumber } from '../sequence-numbers.js'
import type { ShardRecord } from '../shard-reader.js'
import type { MemberSession } from './member-session.js'

/**
 * A member of a consumer group holding a shard group: reads its shards (`records()`), commits what the
 * application marks, and heartbeats its session. Created by `ConsumerGroup.join`; stop it with `close()`
 * or the join's `signal`.
 */
export class ConsumerGroupMember {
  /** `<member name>-<unique suffix>`, as in the group's state. */
  readonly memberId: string
  // The machinery lives in the group engine, loaded on demand (consumer-group.ts) before any member exists.
  readonly #session: MemberSession

  /**
   * Wraps a session of the group engine; members come from `ConsumerGroup.join`, not from this constructor.
   * @internal
   */
  constructor(session: MemberSession) {
    this.#session = session
    this.memberId = session.memberId
  }

  /** The shards this member owns (its replica group), e.g. `[0, 1, 2, 3]`; empty when its group is empty. */
  get shards(): readonly number[] {
    return this.#session.shards
  }

  /** Whether the member has been closed (or lost its session). */
  get closed(): boolean {
    return this.#session.closed
  }

  /**
   * Every record of the member's shards, as they arrive, each shard resumed after the group's committed
   * sequence number. Ends when the member closes; throws `SessionLostError` if the session is lost. One
   * iteration at a time; breaking out keeps the undelivered records for the next iteration.
   */
  records(): AsyncGenerator<ShardRecord, void, undefined> {
    return this.#session.records()
  }

  /**
   * Marks a record (or `{ shardId, sequenceNumber }`) as processed: it and everything before it in its
   * shard are committed at the next commit. Marks should follow each shard's order.
   */
  mark(record: { shardId: number; sequenceNumber: SequenceNumber }): void {
    this.#session.mark(record)
  }

  /**
   * Commits the marks now. Rejects with the `CommitError` (or an `AggregateError` of several) when a shard's
   * commit failed; the mark stays pending and is committed again at the next tick.
   */
  commit(): Promise<void> {
    return this.#session.commit()
  }

  /**
   * Leaves: stops heartbeats and fetching, ends `records()`, and commits the marks a last time (the
   * session itself is left to expire, as the Go SDK does). Rejects if that final commit failed.
   * Calling it again returns the same promise.
   */
  close(): Promise<void> {
    return this.#session.close()
  }
}
