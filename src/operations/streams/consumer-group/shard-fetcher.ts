import type { Executor } from '../../../core/executor.js'
import {
  getRecords,
  HttpResponseError,
  isIllegalLocationError,
  seekShard,
  streamExceptionName,
} from '../../reading-engine-dependencies.js'
import type { GetRecordsOutput } from '../get-records.js'
import type { SeekShardOptions } from '../seek-shard.js'
import type { SequenceNumber } from '../sequence-numbers.js'
import { compareSequenceNumbers, nextSequenceNumber } from '../sequence-order.js'
import type { ShardRecord } from '../shard-reader.js'
import { abortableWait, backoffDelay } from './abortable-wait.js'
import { readShardCommit } from './commits.js'
import type { ResolvedGroupOptions } from './group-options.js'
import { shardItemPath } from './group-paths.js'

/** What one shard's fetch loop works with. */
export interface ShardFetch {
  readonly executor: Executor
  readonly options: ResolvedGroupOptions
  readonly shardId: number
  /** Ends the loop (quietly). */
  readonly signal: AbortSignal
  /** Hands a non-empty batch to the member; resolves when there is room for more (back-pressure). */
  readonly deliver: (records: ShardRecord[]) => Promise<void>
  /** Reports a failure the loop recovers from by retrying. */
  readonly report: (error: unknown) => void
}

// A refused SEQUENCE seek means the number is not (or no longer) there; these other stream errors are real.
function isMissingSequence(error: unknown): boolean {
  if (!(error instanceof HttpResponseError) || error.statusCode !== 400) return false
  const name = streamExceptionName(error)
  return name !== 'ShardIDOutOfRangeException' && name !== 'ResourceNotStreamException'
}

/**
 * Reads one claimed shard for the member until `signal` aborts, as the Go SDK does (streams.md, reading a
 * claimed shard): waits for the shard object to exist, resumes after the group's committed sequence
 * number (or at the initial location), fetches `recordsPerFetch` at a time, and re-seeks `EARLIEST` on
 * `IllegalLocationException`. Unlike Go it falls back to `EARLIEST` (skipping committed records) when
 * `SEQUENCE c+1` is refused, and skips records at or below the commit if a seek lands before them.
 * Request failures are reported and retried with back-off (50 ms ×2 up to 1 s).
 */
export async function fetchShard(fetch: ShardFetch): Promise<void> {
  const { executor, options, shardId, signal } = fetch
  const call = {
    container: options.container,
    path: shardItemPath(options, shardId),
    accessKey: options.accessKey,
    timeout: options.timeout,
    signal,
    raiseForStatus: 'always' as const,
  }
  let failures = 0
  // Runs a step until it succeeds; `undefined` once the member stops.
  const retrying = async <T>(step: () => Promise<T>): Promise<T | undefined> => {
    while (!signal.aborted) {
      try {
        const result = await step()
        failures = 0
        return result
      } catch (error) {
        if (signal.aborted) return undefined
        fetch.report(error)
        await abortableWait(backoffDelay(failures++, 50, 2, 1_000), signal)
      }
    }
    return undefined
  }
  const seek = async (seekOptions: Pick<SeekShardOptions, 'seekType' | 'startingSequenceNumber'>) =>
    (await executor.execute(seekShard, { ...call, ...seekOptions })).output.location

  let appearedLate = false
  let committed: SequenceNumber | undefined
  for (;;) {
    const commit = await retrying(() => readShardCommit(executor, options, shardId, signal))
    if (commit === undefined) return
    if (commit.kind === 'shard') {
      committed = commit.sequenceNumber
      break
    }
    appearedLate = true
    await abortableWait(options.shardWaitInterval, signal)
    if (signal.aborted) return
  }

  // Records up to this number were processed (committed) or already delivered: never hand them over again.
  let skipThrough = committed
  const seekResume = async (): Promise<string> => {
    if (skipThrough === undefined)
      return seek({ seekType: appearedLate ? 'EARLIEST' : options.initialLocation })
    try {
      return await seek({ seekType: 'SEQUENCE', startingSequenceNumber: nextSequenceNumber(skipThrough) })
    } catch (error) {
      if (!isMissingSequence(error)) throw error
      return seek({ seekType: 'EARLIEST' })
    }
  }
  let location = await retrying(seekResume)
  while (location !== undefined && !signal.aborted) {
    const current: string = location
    let page: GetRecordsOutput
    try {
      page = (
        await executor.execute(getRecords, { ...call, location: current, limit: options.recordsPerFetch })
      ).output
      failures = 0
    } catch (error) {
      if (signal.aborted) return
      fetch.report(error)
      if (isIllegalLocationError(error)) {
        // Retention purged the records (the earliest is then past everything delivered), or the shard was
        // deleted and re-created (its numbers restarted): either way, everything from EARLIEST is new.
        skipThrough = undefined
        location = await retrying(() => seek({ seekType: 'EARLIEST' }))
      } else await abortableWait(backoffDelay(failures++, 50, 2, 1_000), signal)
      continue
    }
    const fresh = page.records
      .filter(
        (record) =>
          skipThrough === undefined || compareSequenceNumbers(record.sequenceNumber, skipThrough) > 0,
      )
      .map((record): ShardRecord => ({ ...record, shardId }))
    const last = fresh.at(-1)
    if (last) {
      skipThrough = last.sequenceNumber
      await fetch.deliver(fresh)
    }
    location = page.nextLocation
    const behind = page.recordsBehindLatest
    if (page.records.length === 0 || behind === 0 || behind === 0n)
      await abortableWait(options.pollInterval, signal)
  }
}
