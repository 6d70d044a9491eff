import { sleep } from '../../core/abort-signals.js'
import type { CallOptions } from '../../core/call-options.js'
import { HttpResponseError, ValidationError } from '../../core/errors.js'
import type { Executor } from '../../core/executor.js'
import { type GetRecordsOutput, getRecords, type StreamRecord } from './get-records.js'
import { type SeekShardOptions, seekShard } from './seek-shard.js'
import {
  compareSequenceNumbers,
  nextSequenceNumber,
  type SequenceNumber,
  validateSequenceNumber,
} from './sequence-numbers.js'
import { isIllegalLocationError, streamExceptionName } from './stream-errors.js'
import { resolveShard, type ShardAddress } from './stream-paths.js'

/** A record with the id of the shard it was read from. */
export interface ShardRecord extends StreamRecord {
  /** The shard the record was read from. */
  shardId: number
}

/** How a reader polls and where it starts; shared by {@link shardRecords} and the stream reader. */
export interface RecordReaderOptions extends Pick<CallOptions, 'accessKey' | 'timeout'> {
  /** Where to start when `after` is not given. Default `EARLIEST`. */
  seekType?: SeekShardOptions['seekType']
  /** For `TIME` seeks: read records that arrived at or after this time. */
  timestamp?: SeekShardOptions['timestamp']
  /** Records per `getRecords` call (≥ 1). Default: the server's (1000). */
  limit?: number
  /**
   * Keep waiting for new records at the end of the shard (default `true`). With `false` the iteration
   * ends once everything written so far has been read.
   */
  follow?: boolean
  /** Milliseconds to wait after an empty read before asking again; doubles while the shard stays idle. Default 250. */
  pollInterval?: number
  /** Upper bound of the idle wait, in milliseconds. Default 2000. */
  maxPollInterval?: number
  /**
   * After `IllegalLocationException` (e.g. retention purged the records the location pointed to), seek
   * again instead of failing: after the last record delivered, or from the start if none was. Default `true`.
   */
  recoverIllegalLocation?: boolean
  /** Stops the reader: the iteration simply ends (no error is thrown), also in the middle of a wait or request. */
  signal?: AbortSignal
}

/** Options of {@link shardRecords}. */
export interface ShardRecordsOptions extends ShardAddress, RecordReaderOptions {
  /** For `SEQUENCE` seeks: the first sequence number to read. */
  startingSequenceNumber?: SequenceNumber
  /**
   * Resume after this sequence number (the last record processed before a restart): reading starts with
   * the first record that follows it, whatever `seekType` says.
   */
  after?: SequenceNumber
}

function validateMilliseconds(value: unknown, parameter: string, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new ValidationError(parameter, `must be a number of milliseconds ≥ 0, got ${String(value)}`)
  return value
}

// A failed SEQUENCE seek means the number is not (or no longer) there; other stream errors are real.
function isMissingSequence(error: unknown): boolean {
  if (!(error instanceof HttpResponseError) || error.statusCode !== 400) return false
  const name = streamExceptionName(error)
  return (
    name !== 'ShardIDOutOfRangeException' &&
    name !== 'ResourceNotFoundException' &&
    name !== 'ResourceNotStreamException'
  )
}

/**
 * Reads one shard as an async iterator of records: seeks, then follows `nextLocation`, waiting with
 * back-off at the end of the shard for records written later. Ends when `signal` aborts (without an
 * error), when the consumer stops iterating, or — with `follow: false` — at the end of the shard.
 *
 * To resume exactly after a saved sequence number `n`, pass `after: n`: the reader seeks `SEQUENCE n+1`;
 * if the platform refuses that number (it is the next one to be written, or numbers are not consecutive),
 * it seeks `SEQUENCE n`, then `EARLIEST`, skipping records up to `n` in every case.
 *
 * @example
 * for await (const record of client.shardRecords({ container: 'users', path: '/my-stream/1', signal })) …
 */
export async function* shardRecords(
  executor: Executor,
  options: ShardRecordsOptions,
): AsyncGenerator<ShardRecord, void, undefined> {
  const { path, shardId } = resolveShard(options)
  const { container, signal, limit, accessKey, timeout } = options
  const seekType = options.seekType ?? 'EARLIEST'
  const after = options.after === undefined ? undefined : validateSequenceNumber(options.after, 'after')
  const follow = options.follow ?? true
  const recover = options.recoverIllegalLocation ?? true
  const pollInterval = validateMilliseconds(options.pollInterval, 'pollInterval', 250)
  const maxPollInterval = Math.max(
    pollInterval,
    validateMilliseconds(options.maxPollInterval, 'maxPollInterval', 2000),
  )
  // Raise whatever the client's default policy: the reader acts on errors, it cannot read past them.
  const call = { container, path, accessKey, timeout, signal, raiseForStatus: 'always' as const }
  // Validate the seek and read options before the first request rather than after a wait.
  const initialSeek: SeekShardOptions = {
    ...call,
    seekType,
    startingSequenceNumber: options.startingSequenceNumber,
    timestamp: options.timestamp,
  }
  if (after === undefined) seekShard.encode(initialSeek)
  getRecords.encode({ ...call, location: '-', limit })

  const seek = async (seekOptions: Omit<SeekShardOptions, keyof typeof call>) =>
    (await executor.execute(seekShard, { ...call, ...seekOptions })).output.location
  const seekAfter = async (last: SequenceNumber) => {
    for (const startingSequenceNumber of [nextSequenceNumber(last), last]) {
      if (compareSequenceNumbers(startingSequenceNumber, 1) < 0) continue
      try {
        return await seek({ seekType: 'SEQUENCE', startingSequenceNumber })
      } catch (error) {
        if (!isMissingSequence(error)) throw error
      }
    }
    return seek({ seekType: 'EARLIEST' })
  }

  // Records up to and including this number were already delivered (before a restart or a re-seek).
  let skipThrough = after
  let delivered: SequenceNumber | undefined
  let recovering = false
  let delay = pollInterval
  try {
    let location = after === undefined ? await seek(initialSeek) : await seekAfter(after)
    while (!signal?.aborted) {
      let page: GetRecordsOutput
      try {
        page = (await executor.execute(getRecords, { ...call, location, limit })).output
      } catch (error) {
        // Recover once per failure: a fresh location that is refused again is a real error.
        if (!recover || recovering || !isIllegalLocationError(error)) throw error
        recovering = true
        const last = delivered ?? after
        skipThrough = last
        location =
          last !== undefined
            ? await seekAfter(last)
            : await seek(seekType === 'TIME' ? initialSeek : { seekType: 'EARLIEST' })
        continue
      }
      recovering = false
      for (const record of page.records) {
        if (skipThrough !== undefined && compareSequenceNumbers(record.sequenceNumber, skipThrough) <= 0)
          continue
        skipThrough = undefined
        delivered = record.sequenceNumber
        yield { ...record, shardId }
        if (signal?.aborted) return
      }
      location = page.nextLocation
      const behind = page.recordsBehindLatest
      if (page.records.length > 0) {
        delay = pollInterval
        if (behind !== 0 && behind !== 0n) continue
      }
      if (!follow) return
      // An abort ends the wait early; the loop then ends without an error.
      await sleep(delay, signal).catch(() => undefined)
      if (page.records.length === 0) delay = Math.min(delay * 2, maxPollInterval)
    }
  } catch (error) {
    if (signal?.aborted) return
    throw error
  }
}
