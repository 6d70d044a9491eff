import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError, ValidationError } from '../../../src/index.js'
import { putRecords } from '../../../src/operations/streams/put-records.js'
import { rawResponse } from '../../support/raw-response.js'

const stream = { container: 'bigdata', path: '/s' }

describe('putRecords encoding', () => {
  it('sends the contract example, members in the order Data, ClientInfo, ShardId, PartitionKey', () => {
    const descriptor = putRecords.encode({
      ...stream,
      records: [
        { data: 'd1' },
        { partitionKey: undefined, shardId: 1, clientInfo: 'ci', data: new TextEncoder().encode('d2') },
        { data: 'd3', partitionKey: 'user-42' },
      ],
    })
    expect(descriptor).toEqual({
      operation: 'PutRecords',
      method: 'POST',
      path: '/bigdata/s/',
      headers: { 'X-v3io-function': 'PutRecords', 'Content-Type': 'application/json' },
      body: '{"Records":[{"Data":"ZDE="},{"Data":"ZDI=","ClientInfo":"Y2k=","ShardId":1},{"Data":"ZDM=","PartitionKey":"user-42"}]}',
      idempotent: false,
    })
  })

  it('encodes every byte value, from bytes, ArrayBuffer and typed-array views', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const expected = btoa(String.fromCharCode(...all))
    for (const data of [all, all.buffer, new DataView(all.buffer)]) {
      const body = JSON.parse(putRecords.encode({ ...stream, records: [{ data }] }).body as string)
      expect(body.Records[0].Data).toBe(expected)
    }
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4)
    const body = JSON.parse(putRecords.encode({ ...stream, records: [{ data: view }] }).body as string)
    expect(body.Records[0].Data).toBe('AQID')
  })

  it('sends text as UTF-8', () => {
    const body = JSON.parse(putRecords.encode({ ...stream, records: [{ data: 'ключ' }] }).body as string)
    expect(body.Records[0].Data).toBe('0LrQu9GO0Yc=')
  })

  it.each([
    [[], 'records'],
    [Array.from({ length: 1001 }, () => ({ data: 'x' })), 'records'],
    [[{ data: 'ok' }, { data: 5 }], 'records[1].data'],
    [[{}], 'records[0].data'],
    [[{ data: new Uint8Array(1024 * 1024 + 1) }], 'records[0].data'],
    [[{ data: 'x', clientInfo: new Uint8Array(129) }], 'records[0].clientInfo'],
    [[{ data: 'x', shardId: -1 }], 'records[0].shardId'],
    [[{ data: 'x', shardId: 1.5 }], 'records[0].shardId'],
    [[{ data: 'x', partitionKey: 'é'.repeat(129) }], 'records[0].partitionKey'],
    [[{ data: 'x', partitionKey: 7 }], 'records[0].partitionKey'],
    [[{ data: '\ud800' }], 'records[0].data'],
    [[null], 'records[0]'],
  ])('rejects bad input before sending (%#: %s)', (records, parameter) => {
    const call = () => putRecords.encode({ ...stream, records: records as never })
    expect(call).toThrow(ValidationError)
    expect(call).toThrow(expect.objectContaining({ parameter }))
  })

  it('accepts the limits themselves: 1000 records, 1 MiB data, 128-byte client info, 256-byte key', () => {
    expect(() =>
      putRecords.encode({ ...stream, records: Array.from({ length: 1000 }, () => ({ data: 'x' })) }),
    ).not.toThrow()
    expect(() =>
      putRecords.encode({
        ...stream,
        records: [
          {
            data: new Uint8Array(1024 * 1024),
            clientInfo: new Uint8Array(128),
            partitionKey: 'é'.repeat(128),
          },
        ],
      }),
    ).not.toThrow()
  })

  it('rejects a request body over 10 MiB', () => {
    const records = Array.from({ length: 8 }, () => ({ data: new Uint8Array(1024 * 1024) }))
    expect(() => putRecords.encode({ ...stream, records })).toThrow(
      expect.objectContaining({ parameter: 'records', message: expect.stringMatching(/more than 10485760/) }),
    )
  })
})

describe('putRecords body limit with non-ASCII partition keys', () => {
  // Short keys are not counted unless the body might exceed 10 MiB; then the exact UTF-8 size decides.
  const limit = 10 * 1024 * 1024
  const records = (lastBytes: number, character: string) => [
    ...Array.from({ length: 7 }, () => ({
      data: new Uint8Array(1024 * 1024),
      partitionKey: character.repeat(80),
    })),
    { data: new Uint8Array(lastBytes), partitionKey: character.repeat(80) },
  ]
  const bodyLength = (lastBytes: number) =>
    (putRecords.encode({ ...stream, records: records(lastBytes, 'a') }).body as string).length
  // 'é' is 2 bytes of UTF-8 and one code unit: 80 bytes more per key than 'a', 640 for the 8 keys.
  const base = bodyLength(0)
  const steps = Math.floor((limit - base - 640) / 4) // 3 more bytes of data, 4 more of base64

  it('accepts a body whose exact size is at the limit although the quick bound is over it', () => {
    expect(base + 4 * steps + 640).toBeLessThanOrEqual(limit)
    expect(() => putRecords.encode({ ...stream, records: records(3 * steps, 'é') })).not.toThrow()
  })

  it('rejects a body whose exact size is over it, stating that size', () => {
    const bytes = base + 4 * (steps + 1) + 640
    expect(bytes).toBeGreaterThan(limit)
    expect(() => putRecords.encode({ ...stream, records: records(3 * (steps + 1), 'é') })).toThrow(
      expect.objectContaining({
        parameter: 'records',
        message: expect.stringContaining(`body of ${bytes} bytes`),
      }),
    )
  })
})

describe('putRecords body text', () => {
  // The body is written as text rather than through JSON.stringify: it must be the same text.
  const text = fc.string({ unit: 'grapheme', maxLength: 40 })
  const record = fc.record(
    {
      data: fc.oneof(text, fc.uint8Array({ maxLength: 40 })),
      clientInfo: fc.oneof(
        fc.string({ unit: 'grapheme-ascii', maxLength: 30 }),
        fc.uint8Array({ maxLength: 30 }),
      ),
      shardId: fc.nat({ max: 1000 }),
      partitionKey: fc.string({ unit: 'grapheme', maxLength: 60 }),
    },
    { requiredKeys: ['data'] },
  )
  const base64 = (value: string | Uint8Array) =>
    Buffer.from(typeof value === 'string' ? new TextEncoder().encode(value) : value).toString('base64')

  it('equals JSON.stringify of the same records', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), (records) => {
        const expected = JSON.stringify({
          Records: records.map((r) => ({
            Data: base64(r.data),
            ...(r.clientInfo === undefined ? {} : { ClientInfo: base64(r.clientInfo) }),
            ...(r.shardId === undefined ? {} : { ShardId: r.shardId }),
            ...(r.partitionKey === undefined ? {} : { PartitionKey: r.partitionKey }),
          })),
        })
        expect(putRecords.encode({ ...stream, records }).body).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })
})

describe('putRecords decoding', () => {
  const descriptor = putRecords.encode({ ...stream, records: [{ data: 'x' }] })

  it('decodes the contract answer, in request order, failures without sequence numbers', () => {
    const output = putRecords.decode(
      rawResponse(
        200,
        '{"FailedRecordCount":1,"Records":[{"SequenceNumber":1,"ShardId":0},{"SequenceNumber":1,"ShardId":1},{"ErrorCode":-201326594,"ErrorMessage":"ShardIDOutOfRangeException"}]}',
      ),
      descriptor,
    )
    expect(output).toEqual({
      failedRecordCount: 1,
      records: [
        { sequenceNumber: 1, shardId: 0 },
        { sequenceNumber: 1, shardId: 1 },
        { errorCode: -201326594, errorMessage: 'ShardIDOutOfRangeException' },
      ],
    })
  })

  it('keeps sequence numbers beyond 2^53 exact, as bigint', () => {
    const output = putRecords.decode(
      rawResponse(
        200,
        '{"FailedRecordCount":0,"Records":[{"SequenceNumber":18446744073709551615,"ShardId":3}]}',
      ),
      descriptor,
    )
    expect(output.records[0]).toEqual({ sequenceNumber: 18446744073709551615n, shardId: 3 })
  })

  it('treats an ErrorCode of 0 as success', () => {
    const output = putRecords.decode(
      rawResponse(200, '{"FailedRecordCount":0,"Records":[{"ErrorCode":0,"SequenceNumber":7,"ShardId":2}]}'),
      descriptor,
    )
    expect(output.records[0]).toEqual({ sequenceNumber: 7, shardId: 2 })
  })

  it.each([
    '{"Records":[]}',
    '{"FailedRecordCount":0}',
    '{"FailedRecordCount":0,"Records":{}}',
    '{"FailedRecordCount":0,"Records":[{"ShardId":1}]}',
    '{"FailedRecordCount":0,"Records":[{"SequenceNumber":"x","ShardId":1}]}',
    'not json',
  ])('raises a decode error on %s', (text) => {
    expect(() => putRecords.decode(rawResponse(200, text), descriptor)).toThrow(DecodeError)
  })
})
