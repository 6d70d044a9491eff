import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'
import { type SequenceNumber, sequenceNumberJson, validateSequenceNumber } from './sequence-numbers.js'
import { type ShardAddress, shardUrlPath } from './stream-paths.js'

/**
 * Where to start reading a shard: `EARLIEST` (the oldest retained record), `LATEST` (only records written
 * after the seek), `SEQUENCE` (the record with `startingSequenceNumber`) or `TIME` (the first record that
 * arrived at or after `timestamp`).
 */
export type SeekType = 'EARLIEST' | 'LATEST' | 'SEQUENCE' | 'TIME'

/**
 * A point in time for `TIME` seeks: a `Date`, milliseconds since the epoch, or exact seconds and
 * nanoseconds (e.g. a record's `{ seconds: r.arrivalTimeSec, nanoseconds: r.arrivalTimeNSec }`).
 */
export type SeekTimestamp =
  | Date
  | number
  | {
      /** Whole seconds since the Unix epoch. */
      seconds: number
      /** Nanoseconds within the second, 0 … 999 999 999. Default 0. */
      nanoseconds?: number
    }

/** Options of {@link seekShard}. */
export interface SeekShardOptions extends ShardAddress {
  /** Where to start. */
  seekType: SeekType
  /**
   * For `SEQUENCE`: the sequence number of the first record to read. To resume after a processed record
   * `n`, give `n + 1` (the emulator also accepts the number of the next record to be written).
   */
  startingSequenceNumber?: SequenceNumber
  /** For `TIME`: read from the first record that arrived at or after this time. */
  timestamp?: SeekTimestamp
}

/** Output of {@link seekShard}. */
export interface SeekShardOutput {
  /** An opaque token to pass to `getRecords`; store and resend it verbatim, never parse it. */
  location: string
}

const seekTypes: readonly string[] = ['EARLIEST', 'LATEST', 'SEQUENCE', 'TIME']

/** Splits a seek time into the protocol's Unix seconds and nanoseconds. */
export function seekTimeParts(timestamp: unknown): {
  /** Whole seconds since the Unix epoch. */
  seconds: number
  /** Nanoseconds within the second. */
  nanoseconds: number
} {
  if (timestamp instanceof Date || typeof timestamp === 'number') {
    const milliseconds = timestamp instanceof Date ? timestamp.getTime() : timestamp
    if (!Number.isFinite(milliseconds) || milliseconds < 0)
      throw new ValidationError(
        'timestamp',
        `must be a valid time at or after 1970, got ${String(timestamp)}`,
      )
    const seconds = Math.floor(milliseconds / 1000)
    const nanoseconds = Math.min(Math.round((milliseconds - seconds * 1000) * 1e6), 999_999_999)
    return { seconds, nanoseconds }
  }
  if (typeof timestamp === 'object' && timestamp !== null) {
    const { seconds, nanoseconds = 0 } = timestamp as { seconds?: unknown; nanoseconds?: unknown }
    if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0)
      throw new ValidationError('timestamp.seconds', `must be an integer ≥ 0, got ${String(seconds)}`)
    if (
      typeof nanoseconds !== 'number' ||
      !Number.isInteger(nanoseconds) ||
      nanoseconds < 0 ||
      nanoseconds > 999_999_999
    )
      throw new ValidationError(
        'timestamp.nanoseconds',
        `must be an integer from 0 to 999999999, got ${String(nanoseconds)}`,
      )
    return { seconds, nanoseconds }
  }
  throw new ValidationError(
    'timestamp',
    'is required for TIME seeks: a Date, milliseconds, or { seconds, nanoseconds }',
  )
}

function seekBody(options: SeekShardOptions): string {
  const { seekType } = options
  if (typeof seekType !== 'string' || !seekTypes.includes(seekType))
    throw new ValidationError('seekType', `must be one of ${seekTypes.join(', ')}, got ${String(seekType)}`)
  if (seekType === 'SEQUENCE') {
    if (options.startingSequenceNumber === undefined)
      throw new ValidationError('startingSequenceNumber', 'is required for SEQUENCE seeks')
    const sequence = validateSequenceNumber(options.startingSequenceNumber, 'startingSequenceNumber', 1)
    // Written by hand: JSON.stringify cannot write a bigint.
    return `{"Type":"SEQUENCE","StartingSequenceNumber":${sequenceNumberJson(sequence)}}`
  }
  if (seekType === 'TIME') {
    const { seconds, nanoseconds } = seekTimeParts(options.timestamp)
    // TimestampNSec is always sent: the reference documents it as required (streams.md).
    return JSON.stringify({ Type: 'TIME', TimestampSec: seconds, TimestampNSec: nanoseconds })
  }
  return JSON.stringify({ Type: seekType })
}

/**
 * SeekShard: `PUT /<c>/<s>/<n>/` with `{"Type":…}`; 200 `{"Location":"…"}`. A shard that never received
 * a record behaves as empty. `SEQUENCE` of a number that is not there answers 400.
 */
export const seekShard: Operation<SeekShardOptions, SeekShardOutput> = {
  encode(options) {
    const path = shardUrlPath(options)
    return {
      operation: 'SeekShard',
      method: 'PUT',
      path,
      headers: functionHeaders('SeekShard'),
      body: seekBody(options),
      idempotent: true,
    }
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodeSeekShard(response, descriptor),
}
