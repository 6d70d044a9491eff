import { encodeBase64, encodeTextBase64 } from '../../core/base64.js'
import { decodeError, decodeJsonBody, integerText, requireField, safeIntegerText } from '../../core/decode.js'
import {
  functionHeaders,
  type Operation,
  type RawResponse,
  type RequestDescriptor,
} from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { assertWellFormed } from '../../core/path.js'
import { utf8Length } from '../../core/utf8.js'
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
 * The base64 of a record field and its byte count: text straight from the string (no intermediate byte
 * array where the runtime allows), bytes as they are.
 */
function fieldBase64(
  value: unknown,
  parameter: string,
  maxBytes: number,
): { base64: string; byteLength: number } {
  if (typeof value === 'string') {
    assertWellFormed(value, parameter)
    // A UTF-16 code unit is at most 3 bytes of UTF-8: short text needs no count for the limit check.
    const byteLength = value.length * 3 <= maxBytes ? value.length : utf8Length(value)
    if (byteLength > maxBytes)
      throw new ValidationError(parameter, `is ${byteLength} bytes, more than ${maxBytes}`)
    return { base64: encodeTextBase64(value), byteLength }
  }
  const bytes = toRecordBytes(value, parameter)
  if (bytes.length > maxBytes)
    throw new ValidationError(parameter, `is ${bytes.length} bytes, more than ${maxBytes}`)
  return { base64: encodeBase64(bytes), byteLength: bytes.length }
}

function encodeRecord(
  record: PutRecordInput,
  index: number,
): { json: Record<string, unknown>; extraBytes: number } {
  const at = `records[${index}]`
  if (typeof record !== 'object' || record === null) throw new ValidationError(at, 'must be an object')
  // Member order Data, ClientInfo, ShardId, PartitionKey, as the Python SDK sends them (streams.md).
  const json: Record<string, unknown> = {
    Data: fieldBase64(record.data, `${at}.data`, maxRecordDataBytes).base64,
  }
  if (record.clientInfo !== undefined)
    json.ClientInfo = fieldBase64(record.clientInfo, `${at}.clientInfo`, maxClientInfoBytes).base64
  if (record.shardId !== undefined) json.ShardId = validateShardId(record.shardId, `${at}.shardId`)
  let extraBytes = 0
  if (record.partitionKey !== undefined) {
    if (typeof record.partitionKey !== 'string')
      throw new ValidationError(`${at}.partitionKey`, 'must be a string')
    assertWellFormed(record.partitionKey, `${at}.partitionKey`)
    const length = utf8Length(record.partitionKey)
    if (length > maxPartitionKeyBytes)
      throw new ValidationError(
        `${at}.partitionKey`,
        `is ${length} bytes of UTF-8, more than ${maxPartitionKeyBytes}`,
      )
    json.PartitionKey = record.partitionKey
    // JSON.stringify keeps non-ASCII characters raw: their extra UTF-8 bytes add to the body size.
    extraBytes = length - record.partitionKey.length
  }
  return { json, extraBytes }
}

function decodeResult(
  entry: unknown,
  index: number,
  response: RawResponse,
  descriptor: RequestDescriptor,
): PutRecordResult {
  if (typeof entry !== 'object' || entry === null)
    throw decodeError(response, descriptor, `Records[${index}] is not an object`)
  const record = entry as Record<string, unknown>
  // Success entries have no ErrorCode (the Python SDK's tests assert it); tolerate an explicit 0.
  if (record.ErrorCode !== undefined && record.ErrorCode !== 0) {
    return {
      errorCode: safeIntegerText(record.ErrorCode, 'ErrorCode', response, descriptor),
      errorMessage: typeof record.ErrorMessage === 'string' ? record.ErrorMessage : '',
    }
  }
  const field = (name: string) =>
    requireField(record[name], `Records[${index}].${name}`, response, descriptor)
  return {
    sequenceNumber: integerText(field('SequenceNumber'), 'SequenceNumber', response, descriptor),
    shardId: safeIntegerText(field('ShardId'), 'ShardId', response, descriptor),
  }
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
    let extraBytes = 0
    const encoded = records.map((record, index) => {
      const result = encodeRecord(record, index)
      extraBytes += result.extraBytes
      return result.json
    })
    const body = JSON.stringify({ Records: encoded })
    if (body.length + extraBytes > maxPutRecordsBodyBytes)
      throw new ValidationError(
        'records',
        `make a request body of ${body.length + extraBytes} bytes, more than ${maxPutRecordsBodyBytes}; split them`,
      )
    return {
      operation: 'PutRecords',
      method: 'POST',
      path,
      headers: functionHeaders('PutRecords'),
      body,
      idempotent: false,
    }
  },
  decode(response, descriptor) {
    const json = decodeJsonBody(response, descriptor)
    const results = requireField(json.Records, 'Records', response, descriptor)
    if (!Array.isArray(results)) throw decodeError(response, descriptor, 'Records is not an array')
    return {
      failedRecordCount: safeIntegerText(
        requireField(json.FailedRecordCount, 'FailedRecordCount', response, descriptor),
        'FailedRecordCount',
        response,
        descriptor,
      ),
      records: results.map((entry, index) => decodeResult(entry, index, response, descriptor)),
    }
  },
}
