import type { Executor } from '../../core/executor.js'
import {
  getRecords,
  HttpResponseError,
  isIllegalLocationError,
  resolveShard,
  seekShard,
  sleep,
  streamExceptionName,
  ValidationError,
  validateSequenceNumber,
} from '../reading-engine-dependencies.js'
import type { GetRecordsOutput } from './get-records.js'
import type { SeekShardOptions } from './seek-shard.js'
import type { SequenceNumber } from './sequence-numbers.js'
import { compareSequenceNumbers, nextSequenceNumber } from './sequence-order.js'
import type { ShardRecord, ShardRecordsOptions } from './shard-reader.js'

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

/** `shardRecords` (shard-reader.ts), loaded on demand with the reading engine. */
export async function* readShard(
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
