import { decodeBase64 } from '../../core/base64-decoding.js'
import type { RawResponse, RequestDescriptor } from '../../core/descriptor.js'
import { decodeJsonBody } from '../json-body-decoding.js'
import { decodeError, integerText, requireField, safeIntegerText } from '../response-decoding-dependencies.js'
import type { GetRecordsOutput, StreamRecord } from './get-records.js'
import type { PutRecordResult, PutRecordsOutput } from './put-records.js'

// The answers of GetRecords and PutRecords, decoded: the bodies of get-records.ts's and put-records.ts's
// decoding, loaded with the response decoders (operations/response-decoding.ts).

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

/** An element of an answer's `Records`, which must be a JSON object (GetRecords and PutRecords alike). */
function recordEntry(
  entry: unknown,
  index: number,
  response: RawResponse,
  descriptor: RequestDescriptor,
): Record<string, unknown> {
  if (typeof entry !== 'object' || entry === null)
    throw decodeError(response, descriptor, `Records[${index}] is not an object`)
  return entry as Record<string, unknown>
}

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
  const json = recordEntry(entry, index, response, descriptor)
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
  return streamRecord(json, sequenceNumber, data, arrivalTimeSec, arrivalTimeNSec, response, descriptor)
}

/** A record from its checked fields, with the optional `ClientInfo` and `PartitionKey` of `json`. */
function streamRecord(
  json: Record<string, unknown>,
  sequenceNumber: number | bigint,
  data: Uint8Array,
  arrivalTimeSec: number,
  arrivalTimeNSec: number,
  response: RawResponse,
  descriptor: RequestDescriptor,
): StreamRecord {
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
  const sequenceNumber = integerText(field('SequenceNumber'), 'SequenceNumber', response, descriptor)
  const data = decodeBytes(field('Data'), 'Data', response, descriptor)
  return streamRecord(json, sequenceNumber, data, arrivalTimeSec, arrivalTimeNSec, response, descriptor)
}

/** GetRecords' answer: the records and where to read next. */
export function decodeGetRecords(response: RawResponse, descriptor: RequestDescriptor): GetRecordsOutput {
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
}

function decodeResult(
  entry: unknown,
  index: number,
  response: RawResponse,
  descriptor: RequestDescriptor,
): PutRecordResult {
  const record = recordEntry(entry, index, response, descriptor)
  const { SequenceNumber: sequenceNumber, ShardId: shardId } = record
  // The common answer, checked without building field names: both numbers already exact.
  if (
    record.ErrorCode === undefined &&
    typeof shardId === 'number' &&
    Number.isSafeInteger(shardId) &&
    ((typeof sequenceNumber === 'number' && Number.isSafeInteger(sequenceNumber)) ||
      typeof sequenceNumber === 'bigint')
  )
    return { sequenceNumber, shardId }
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

/** PutRecords' answer: one result per record. */
export function decodePutRecords(response: RawResponse, descriptor: RequestDescriptor): PutRecordsOutput {
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
}
