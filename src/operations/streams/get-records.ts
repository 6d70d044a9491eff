import { decodeBase64 } from '../../core/base64.js'
import { decodeError, decodeJsonBody, integerText, requireField, safeIntegerText } from '../../core/decode.js'
import {
  functionHeaders,
  type Operation,
  type RawResponse,
  type RequestDescriptor,
} from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
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

function decodeBytes(
  value: unknown,
  field: string,
  response: RawResponse,
  descriptor: RequestDescriptor,
): Uint8Array {
  const bytes = typeof value === 'string' ? decodeBase64(value) : undefined
  if (!bytes) throw decodeError(response, descriptor, `${field} is not base64`)
  return bytes
}

const isSafeInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value)

/**
 * Decodes one record. The common shape (JSON numbers, base64 data) takes a straight path with no closure
 * and no intermediate values; anything else goes through the checked path, which accepts the text forms
 * and names the bad field.
 */
function decodeRecord(
  entry: unknown,
  index: number,
  response: RawResponse,
  descriptor: RequestDescriptor,
): StreamRecord {
  if (typeof entry !== 'object' || entry === null)
    throw decodeError(response, descriptor, `Records[${index}] is not an object`)
  const json = entry as Record<string, unknown>
  const arrivalTimeSec = json.ArrivalTimeSec
  const arrivalTimeNSec = json.ArrivalTimeNSec
  const sequenceNumber = json.SequenceNumber
  const data = typeof json.Data === 'string' ? decodeBase64(json.Data) : undefined
  if (
    !isSafeInteger(arrivalTimeSec) ||
    !isSafeInteger(arrivalTimeNSec) ||
    !(isSafeInteger(sequenceNumber) || typeof sequenceNumber === 'bigint') ||
    data === undefined
  )
    return decodeCheckedRecord(json, index, response, descriptor)
  const record: StreamRecord = {
    sequenceNumber,
    data,
    arrivalTime: new Date(arrivalTimeSec * 1000 + Math.floor(arrivalTimeNSec / 1e6)),
    arrivalTimeSec,
    arrivalTimeNSec,
  }
  if (json.ClientInfo !== undefined && json.ClientInfo !== null)
    record.clientInfo = decodeBytes(json.ClientInfo, 'ClientInfo', response, descriptor)
  if (typeof json.PartitionKey === 'string') record.partitionKey = json.PartitionKey
  return record
}

function decodeCheckedRecord(
  json: Record<string, unknown>,
  index: number,
  response: RawResponse,
  descriptor: RequestDescriptor,
): StreamRecord {
  const field = (name: string) => requireField(json[name], `Records[${index}].${name}`, response, descriptor)
  const arrivalTimeSec = safeIntegerText(field('ArrivalTimeSec'), 'ArrivalTimeSec', response, descriptor)
  const arrivalTimeNSec = safeIntegerText(field('ArrivalTimeNSec'), 'ArrivalTimeNSec', response, descriptor)
  const record: StreamRecord = {
    sequenceNumber: integerText(field('SequenceNumber'), 'SequenceNumber', response, descriptor),
    data: decodeBytes(field('Data'), 'Data', response, descriptor),
    arrivalTime: new Date(arrivalTimeSec * 1000 + Math.floor(arrivalTimeNSec / 1e6)),
    arrivalTimeSec,
    arrivalTimeNSec,
  }
  if (json.ClientInfo !== undefined && json.ClientInfo !== null)
    record.clientInfo = decodeBytes(json.ClientInfo, 'ClientInfo', response, descriptor)
  if (typeof json.PartitionKey === 'string') record.partitionKey = json.PartitionKey
  return record
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
  decode(response, descriptor) {
    const json = decodeJsonBody(response, descriptor)
    const field = (name: string) => requireField(json[name], name, response, descriptor)
    const nextLocation = field('NextLocation')
    if (typeof nextLocation !== 'string')
      throw decodeError(response, descriptor, 'NextLocation is not a string')
    const records = field('Records')
    if (!Array.isArray(records)) throw decodeError(response, descriptor, 'Records is not an array')
    return {
      nextLocation,
      msecBehindLatest: safeIntegerText(field('MSecBehindLatest'), 'MSecBehindLatest', response, descriptor),
      recordsBehindLatest: integerText(
        field('RecordsBehindLatest'),
        'RecordsBehindLatest',
        response,
        descriptor,
      ),
      records: records.map((entry, index) => decodeRecord(entry, index, response, descriptor)),
    }
  },
}
