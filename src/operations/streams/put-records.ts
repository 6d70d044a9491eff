import { encodeBase64, encodeTextBase64 } from '../../core/base64.js'
import { functionHeaders, type Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'
import { utf8Length } from '../../core/utf8.js'
import { loadResponseDecoding, responseDecoding } from '../response-decoding-loader.js'
import { type RecordBytesInput, toRecordBytes } from './record-bytes.js'
import type { SequenceNumber } from './sequence-numbers.js'
import { type StreamAddress, streamUrlPath, validateShardId } from './stream-paths.js'

/** One record to write. */
export interface PutRecordInput {
  /** The record's content: text (sent as UTF-8) or bytes; at most 1 MiB. */
  data: RecordBytesInput
  /** Opaque metadata returned with the record: text (UTF-8) or bytes; at most 128 bytes (16 on some platforms). */
  clientInfo?: RecordBytesInput
  /** The target shard. Wins over `partitionKey`; an id ≥ the shard count fails this record only. */
  shardId?: number
  /** Records with the same key go to the same shard while the shard count is unchanged; at most 256 bytes of UTF-8. */
  partitionKey?: string
}

/** Options of {@link putRecords}. */
export interface PutRecordsOptions extends StreamAddress {
  /** 1 … 1000 records, written in order. Records without `shardId` or `partitionKey` are spread round-robin. */
  records: readonly PutRecordInput[]
}

/** A written record: where it went. */
export interface PutRecordSuccess {
  /** The record's sequence number in its shard. */
  sequenceNumber: SequenceNumber
  /** The shard the record went to. */
  shardId: number
  /** Absent on success. */
  errorCode?: undefined
  /** Absent on success. */
  errorMessage?: undefined
}

/** A record that was not written. */
export interface PutRecordFailure {
  /** The protocol's error code, e.g. -201326594 for `ShardIDOutOfRangeException`. */
  errorCode: number
  /** The exception name, e.g. `ShardIDOutOfRangeException`. */
  errorMessage: string
  /** Absent on failure. */
  sequenceNumber?: undefined
  /** Absent on failure. */
  shardId?: undefined
}

/** The result of one record: check `errorCode === undefined` for success. */
export type PutRecordResult = PutRecordSuccess | PutRecordFailure

/** Output of {@link putRecords}. */
export interface PutRecordsOutput {
  /** How many records failed; the others were written. */
  failedRecordCount: number
  /** One result per input record, in input order. */
  records: PutRecordResult[]
}

/** Most records per request (streams.md, limits). */
export const maxRecordsPerRequest = 1000
/** Largest record `data` (ED-5: 1 MiB). */
export const maxRecordDataBytes = 1024 * 1024
/** Largest record `clientInfo` (ED-41: 128 bytes). */
export const maxClientInfoBytes = 128
/** Longest partition key in UTF-8 bytes (streams.md, limits). */
export const maxPartitionKeyBytes = 256
/** Largest PutRecords JSON body (ED-5: 10 MiB). */
export const maxPutRecordsBodyBytes = 10 * 1024 * 1024

/**
 * The base64 of a record field: text straight from the string (no intermediate byte array where the
 * runtime allows), bytes as they are. The parameter's name (`records[3].data`) is built only on failure.
 */
function fieldBase64(value: unknown, index: number, field: string, maxBytes: number): string {
  const parameter = (): string => `records[${index}].${field}`
  if (typeof value === 'string') {
    assertWellFormed(value, parameter)
    // A UTF-16 code unit is at most 3 bytes of UTF-8: short text needs no count for the limit check.
    const byteLength = value.length * 3 <= maxBytes ? value.length : utf8Length(value)
    if (byteLength > maxBytes)
      throw new ValidationError(parameter(), `is ${byteLength} bytes, more than ${maxBytes}`)
    return encodeTextBase64(value)
  }
  const bytes = toRecordBytes(value, parameter())
  if (bytes.length > maxBytes)
    throw new ValidationError(parameter(), `is ${bytes.length} bytes, more than ${maxBytes}`)
  return encodeBase64(bytes)
}

/**
 * Appends one record's JSON object to the body text and answers at most how many UTF-8 bytes its
 * partition key adds beyond its length (`JSON.stringify` keeps non-ASCII characters raw): a UTF-16 code
 * unit is at most 3 bytes, so a short key needs no count, and the exact sum is taken only for a body
 * that might exceed its limit (see {@link putRecordsBodyBytes}). The text is written directly rather
 * than through an object and `JSON.stringify`, which cost about 1.4 times as much for a body of a hundred
 * small records: base64 and shard ids need no escaping, and the one free-form field, the key, goes
 * through `JSON.stringify`. Member order Data, ClientInfo, ShardId, PartitionKey, as the Python SDK sends
 * them (streams.md).
 */
function appendRecord(parts: string[], record: PutRecordInput, index: number): number {
  if (typeof record !== 'object' || record === null)
    throw new ValidationError(`records[${index}]`, 'must be an object')
  let text = `{"Data":"${fieldBase64(record.data, index, 'data', maxRecordDataBytes)}"`
  if (record.clientInfo !== undefined)
    text += `,"ClientInfo":"${fieldBase64(record.clientInfo, index, 'clientInfo', maxClientInfoBytes)}"`
  if (record.shardId !== undefined)
    text += `,"ShardId":${validateShardId(record.shardId, `records[${index}].shardId`)}`
  let extraBytes = 0
  const key = record.partitionKey
  if (key !== undefined) {
    const parameter = (): string => `records[${index}].partitionKey`
    if (typeof key !== 'string') throw new ValidationError(parameter(), 'must be a string')
    assertWellFormed(key, parameter)
    if (key.length * 3 <= maxPartitionKeyBytes) extraBytes = key.length * 2
    else {
      const length = utf8Length(key)
      if (length > maxPartitionKeyBytes)
        throw new ValidationError(
          parameter(),
          `is ${length} bytes of UTF-8, more than ${maxPartitionKeyBytes}`,
        )
      extraBytes = length - key.length
    }
    text += `,"PartitionKey":${JSON.stringify(key)}`
  }
  parts.push(`${text}}`)
  return extraBytes
}

/** The body's exact size in UTF-8: its length plus what the (validated) partition keys add. */
function putRecordsBodyBytes(body: string, records: readonly PutRecordInput[]): number {
  let bytes = body.length
  for (const { partitionKey } of records)
    if (partitionKey !== undefined) bytes += utf8Length(partitionKey) - partitionKey.length
  return bytes
}

/**
 * PutRecords: `POST /<c>/<s>/` with `{"Records":[…]}`. Answers 200 even when some records failed: read
 * `output.failedRecordCount` and each result's `errorCode`. Never retried automatically (duplicates).
 */
export const putRecords: Operation<PutRecordsOptions, PutRecordsOutput> = {
  encode(options) {
    const path = streamUrlPath(options)
    const { records } = options
    if (!Array.isArray(records) || records.length === 0 || records.length > maxRecordsPerRequest)
      throw new ValidationError(
        'records',
        `must be an array of 1 to ${maxRecordsPerRequest} records, got ${Array.isArray(records) ? records.length : typeof records}`,
      )
    const parts: string[] = []
    let mostExtraBytes = 0
    for (let index = 0; index < records.length; index++)
      mostExtraBytes += appendRecord(parts, records[index] as PutRecordInput, index)
    const body = `{"Records":[${parts.join(',')}]}`
    if (body.length + mostExtraBytes > maxPutRecordsBodyBytes) {
      const bytes = putRecordsBodyBytes(body, records)
      if (bytes > maxPutRecordsBodyBytes)
        throw new ValidationError(
          'records',
          `make a request body of ${bytes} bytes, more than ${maxPutRecordsBodyBytes}; split them`,
        )
    }
    return {
      operation: 'PutRecords',
      method: 'POST',
      path,
      headers: functionHeaders('PutRecords'),
      body,
      idempotent: false,
    }
  },
  prepare: loadResponseDecoding,
  decode: (response, descriptor) => responseDecoding().decodePutRecords(response, descriptor),
}
