import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'
import type { SequenceNumber } from './sequence-numbers.js'
import { type ShardAddress, shardUrlPath } from './stream-paths.js'

/** Options of {@link getRecords}. */
export interface GetRecordsOptions extends ShardAddress {
  /** Where to read: a `location` from `seekShard` or a `nextLocation` from `getRecords`, verbatim. */
  location: string
  /** Most records to return (≥ 1). Default: the server's, 1000. */
  limit?: number
}

/** A record read from a shard. */
export interface StreamRecord {
  /** The record's sequence number, unique and increasing within its shard. */
  sequenceNumber: SequenceNumber
  /**
   * The record's content. Decode text with `new TextDecoder().decode(record.data)`. It may be a view into a
   * larger buffer: code that reads `data.buffer` must honour `byteOffset` and `byteLength`.
   */
  data: Uint8Array
  /** When the record arrived, to the millisecond; `arrivalTimeSec`/`arrivalTimeNSec` hold the exact time. */
  arrivalTime: Date
  /** Arrival time: Unix seconds. */
  arrivalTimeSec: number
  /** Arrival time: nanoseconds within the second (0 … 999999999). */
  arrivalTimeNSec: number
  /** The producer's `clientInfo`, if it gave one. */
  clientInfo?: Uint8Array
  /** The producer's `partitionKey`, if it gave one. */
  partitionKey?: string
}

/** Output of {@link getRecords}. */
export interface GetRecordsOutput {
  /** Where the next `getRecords` starts: after the last record returned, or the same place when none. */
  nextLocation: string
  /** Milliseconds between the last returned record's arrival and the newest record's; 0 when caught up. */
  msecBehindLatest: number
  /** Records between the last returned one and the newest one; 0 means everything has been read. */
  recordsBehindLatest: number | bigint
  /** The records, in sequence order; empty at the end of the shard. */
  records: StreamRecord[]
}

/**
 * GetRecords: `PUT /<c>/<s>/<n>/` with `{"Location":…,"Limit":…}`; 200 with the records and the next
 * location. A bad, foreign or expired location answers 400 `IllegalLocationException` (seek again).
 */
export const getRecords: Operation<GetRecordsOptions, GetRecordsOutput> = {
  encode(options) {
    const path = shardUrlPath(options)
    if (typeof options.location !== 'string' || options.location.length === 0)
      throw new ValidationError(
        'location',
        'must be the non-empty location returned by seekShard or getRecords',
      )
    const body: Record<string, unknown> = { Location: options.location }
    if (options.limit !== undefined) {
      if (!Number.isSafeInteger(options.limit) || options.limit < 1)
        throw new ValidationError('limit', `must be an integer ≥ 1, got ${String(options.limit)}`)
      body.Limit = options.limit
    }
    return {
      operation: 'GetRecords',
      method: 'PUT',
      path,
      headers: functionHeaders('GetRecords'),
      body: JSON.stringify(body),
      idempotent: true,
    }
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodeGetRecords(response, descriptor),
}
