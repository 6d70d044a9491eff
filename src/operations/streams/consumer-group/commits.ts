import type { Executor } from '../../../core/executor.js'
import { CommitError, getItem, isNotFound, putItem } from '../../reading-engine-dependencies.js'
import type { SequenceNumber } from '../sequence-numbers.js'
import type { CommitError as ShardCommitError } from './errors.js'
import type { ResolvedGroupOptions } from './group-options.js'
import { committedAttribute, shardItemPath } from './group-paths.js'

/** A shard's commit as read from its object. */
export type ShardCommit =
  /** The shard object does not exist yet (no record was ever written to it). */
  | { kind: 'missing-shard' }
  /** The shard exists; `sequenceNumber` is the group's last committed record, if any. */
  | { kind: 'shard'; sequenceNumber: SequenceNumber | undefined }

function callOptions(options: ResolvedGroupOptions, shardId: number, signal: AbortSignal | undefined) {
  return {
    container: options.container,
    path: shardItemPath(options, shardId),
    accessKey: options.accessKey,
    timeout: options.timeout,
    signal,
    raiseForStatus: 'always' as const,
  }
}

/** Reads `__<group>_committed_sequence_number` of a shard object (GetItem, as the Go SDK does). */
export async function readShardCommit(
  executor: Executor,
  options: ResolvedGroupOptions,
  shardId: number,
  signal?: AbortSignal,
): Promise<ShardCommit> {
  const attribute = committedAttribute(options)
  try {
    const { output } = await executor.execute(getItem, {
      ...callOptions(options, shardId, signal),
      attributeNames: [attribute],
    })
    const value = output.item[attribute]
    const sequenceNumber = typeof value === 'number' || typeof value === 'bigint' ? value : undefined
    return { kind: 'shard', sequenceNumber }
  } catch (error) {
    if (isNotFound(error)) return { kind: 'missing-shard' }
    throw error
  }
}

/**
 * Writes a shard's committed sequence number as the Go SDK does: PutItem merging the one attribute, guarded
 * by `__obj_type == 3` so that it never creates a plain item where no shard is.
 */
export async function writeShardCommit(
  executor: Executor,
  options: ResolvedGroupOptions,
  shardId: number,
  sequenceNumber: SequenceNumber,
  signal?: AbortSignal,
): Promise<void> {
  await executor.execute(putItem, {
    ...callOptions(options, shardId, signal),
    attributes: { [committedAttribute(options)]: sequenceNumber },
    condition: '__obj_type == 3',
    updateMode: 'CreateOrReplaceAttributes',
  })
}

/**
 * The marks of a member's shards and what has been committed of them. A mark stays pending until a commit
 * of exactly that value succeeds, so a failed commit is retried at the next flush, never dropped.
 */
export class CommitTracker {
  readonly #marks = new Map<number, SequenceNumber>()
  readonly #committed = new Map<number, SequenceNumber>()

  /** Records that `sequenceNumber` is the last processed record of `shardId`. */
  mark(shardId: number, sequenceNumber: SequenceNumber): void {
    this.#marks.set(shardId, sequenceNumber)
  }

  /** Marks that differ from what was last committed. */
  pending(): Array<[shardId: number, sequenceNumber: SequenceNumber]> {
    return [...this.#marks].filter(([shardId, mark]) => this.#committed.get(shardId) !== mark)
  }

  /**
   * Commits every pending mark (concurrently). `refusal(shardId)` says why a shard must not be committed
   * now (e.g. the member's lease expired), or `undefined`. Returns the failures, one per shard.
   */
  async flush(
    executor: Executor,
    options: ResolvedGroupOptions,
    refusal: (shardId: number) => string | undefined,
    signal?: AbortSignal,
  ): Promise<ShardCommitError[]> {
    const results = await Promise.all(
      this.pending().map(async ([shardId, sequenceNumber]) => {
        const reason = refusal(shardId)
        if (reason !== undefined) return new CommitError(shardId, reason)
        try {
          await writeShardCommit(executor, options, shardId, sequenceNumber, signal)
          this.#committed.set(shardId, sequenceNumber)
          return undefined
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error)
          return new CommitError(shardId, message, { cause: error })
        }
      }),
    )
    return results.filter((result): result is ShardCommitError => result !== undefined)
  }
}
